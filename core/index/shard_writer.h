/** @file @brief One shard's writer thread.
 *
 *  Xapian objects are not thread-safe, so each shard's WritableDatabase belongs to one
 *  thread, which applies the changes the coordinator (IndexWriter) sends it, in order.
 *  Inverting documents and flushing them is most of the cost of indexing; with one
 *  ShardWriter per shard that work runs in parallel, and even with one shard it runs
 *  beside the coordinator and the reader threads instead of between them.
 *
 *  Each batch is a Xapian transaction: nothing of it reaches the disk before commit(),
 *  and a writer dropped after a failure leaves the shard as of its last commit. The
 *  queue is bounded by bytes, so a slow disk holds the coordinator back instead of
 *  filling memory. */
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include <xapian.h>

#include "core/index/bounded_queue.h"
#include "core/error.h"

namespace newsdex {

class ShardWriter {
  public:
    /// Opens (or creates) the shard on the calling thread, so that errors surface there;
    /// `db_path` names the database in messages. The thread starts with start(). With
    /// `spelling`, the words of every article added go into the shard's spelling
    /// dictionary; those of articles replaced or removed leave it either way.
    ShardWriter(const std::string& path, const std::string& db_path, bool spelling = false,
                std::size_t queue_bytes = 8ULL << 20);
    ~ShardWriter();
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    /// Direct access before start() (metadata checks); never after.
    Xapian::WritableDatabase& database() { return db_; }
    /// Starts the thread and the first transaction.
    void start();

    /// Queued changes. `add` is for an id the coordinator knows is not in the shard: it
    /// skips the unique-term lookup replace_document needs.
    void add(Xapian::Document doc, std::size_t weight);
    void replace(std::string id_term, Xapian::Document doc, std::size_t weight);
    void remove(std::string id_term);
    /// Moves the article with `id_term`, if it is in group `from`, into group `into`.
    void regroup(std::string id_term, std::string from, std::string into);
    void set_metadata(std::string key, std::string value);
    /// Runs `work` on the shard thread, in order with the other changes (synonyms).
    void run(std::function<void(Xapian::WritableDatabase&)> work);

    /// Asks for a commit of everything queued so far; wait() waits for it. Spelling
    /// changes are committed with every few commits, and always with a `complete` one.
    void commit(bool complete = false);
    /// Waits until every commit asked for is done; throws the shard's Error if it failed.
    void wait();
    /// Commits nothing more: the thread ends and the open transaction is dropped.
    void abandon();
    /// After a final commit and wait(): ends the thread and closes the shard.
    void close();

  private:
    struct Command {
        enum class Kind { Add, Replace, Remove, Regroup, Metadata, Run, Commit } kind = Kind::Add;
        std::string term, value, extra;
        Xapian::Document doc;
        std::function<void(Xapian::WritableDatabase&)> work{};
        bool complete = false;  ///< a Commit that must include the spelling changes
    };
    void push(Command&& command, std::size_t weight);
    void run();
    void apply(Command& command);
    /// Adds (add) or removes the unprefixed words of `doc` to or from the spelling dictionary.
    void record_spelling(const Xapian::Document& doc, bool add);
    /// Removes from the spelling dictionary the words of the article with `id_term`, if any.
    void forget_spelling_of(const std::string& id_term);
    /// Writes the spelling changes gathered so far into the shard (as part of its open
    /// transaction).
    void flush_spelling();

    std::string path_, db_path_;
    bool spelling_ = false;
    Xapian::WritableDatabase db_;
    BoundedQueue<Command> queue_;
    std::thread thread_;
    std::mutex mutex_;
    std::condition_variable done_;
    std::atomic<std::uint64_t> asked_{0};  ///< commits queued (written by the coordinator only)
    std::uint64_t committed_ = 0;  ///< commits done or given up (guarded by mutex_)
    std::optional<Error> error_;   ///< the first failure (guarded by mutex_)
    bool in_transaction_ = false;  ///< shard thread only
    /// Spelling changes not yet written (word -> change in frequency), shard thread only.
    /// Xapian looks every word up in the spelling table the first time a commit sees it:
    /// gathering the changes of many commits saves most of those lookups and rewrites.
    std::unordered_map<std::string, std::int64_t> spelling_changes_;
    unsigned commits_since_spelling_ = 0;
};

}  // namespace newsdex
