/** @file @brief The single writer of a Newsdex database: replace-by-id, duplicate groups,
 *  per-file state for incremental runs, and commits batched by count and size.
 *
 *  The database is one or more shards (DbLayout); each has a ShardWriter thread that
 *  does the Xapian writing, and articles are routed by a hash of their id (shard_of).
 *  This class is the coordinator: it decides, from a read-only view of what is committed
 *  in every shard plus what it has sent since (PendingDuplicates), whether an article is
 *  new, changed or unchanged and which duplicate group it joins, so duplicates are found
 *  across shards. New ids go in with add_document (no unique-term lookup).
 *
 *  Crash safety: Xapian commits are atomic, and a file's state is written only after all
 *  its articles (in the same or an earlier commit): with one shard in the same commit;
 *  with several, in shard 0's commit after the one in which every shard committed them.
 *  A crash at any moment leaves each shard as of its last commit, and the next run
 *  re-reads every file whose state was not committed. Each batch is a transaction, committed only after
 *  checking that the disk has room for it. Only the thread that made an IndexWriter may
 *  use it. */
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "core/article/article.h"
#include "core/db/db_layout.h"
#include "core/index/document_builder.h"
#include "core/index/dup_signature.h"
#include "core/index/duplicate_finder.h"
#include "core/db/file_state.h"
#include "core/db/index_lock.h"
#include "core/text/language.h"
#include "core/index/prepared_article.h"
#include "core/index/shard_writer.h"
#include "core/index/synonyms.h"

namespace newsdex {

struct IndexWriterOptions {
    std::string db_path;
    Language language{"en", "english"};
    /// Articles per commit: a crash loses at most this many; ~1000 is also the fastest
    /// setting measured for news-sized documents (see shared XAPIAN.md).
    std::size_t batch_size = 1000;
    /// Article text per commit, whichever comes first: bounds the writer's memory.
    std::size_t batch_bytes = 64ULL << 20;
    /// Build a new database, invisible to searchers until finish() switches to it.
    bool rebuild = false;
    /// When another indexer holds the database: wait (calling on_wait once) rather than fail.
    bool wait_for_lock = false;
    std::function<void(pid_t)> on_wait;
    std::function<bool()> should_stop;  ///< polled while waiting for the lock
    /// Record every word in the spelling dictionary ("Did you mean"); costs index time.
    bool spelling = true;
    /// Shards of a new database or a rebuild (an existing database keeps its count).
    unsigned shards = 1;
    /// With one shard and `compact`: a new database or a rebuild is written by this many
    /// shard writers in parallel, merged into one database by the compaction (Xapian's
    /// writer is the bottleneck of indexing, and it is single-threaded per database).
    unsigned writers = 1;
    /// After a complete new database or rebuild, compact every shard (in parallel) into
    /// the next generation and publish that: about half the size, and faster searches.
    bool compact = false;
};

class IndexWriter {
  public:
    /// Locks the database, then opens or creates it. Throws Error(Database) when it is
    /// locked, corrupt, or was built with another schema or language.
    explicit IndexWriter(const IndexWriterOptions& options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    enum class Outcome { Added, Replaced, Unchanged };
    struct Stored {
        Outcome outcome = Outcome::Added;
        DupKind duplicate = DupKind::None;  ///< of an article already in the database
    };

    /// Stores a prepared article, replacing any earlier version with the same id; an
    /// identical earlier version is left as it is (Unchanged). Throws std::runtime_error
    /// when Xapian refuses this article, Error(Database) when the database fails.
    Stored store(PreparedArticle&& article);

    /// Builds and stores one article (no source file): for tools and tests.
    Outcome add(const Article& article);

    /// Deletes the articles read from `file` whose id terms are not in `keep`; returns
    /// how many. Used after re-reading a file that now yields fewer articles.
    std::size_t remove_stale(const std::string& file, const std::unordered_set<std::string>& keep);

    /// Deletes every article read from `file` and forgets its state; returns how many.
    std::size_t forget_file(const std::string& file);

    /// Deletes a v1 article (no source-file term) by id; returns 1 if there was one.
    std::size_t remove_article(const std::string& id);

    std::optional<FileState> file_state(const std::string& file) const;
    void set_file_state(const FileState& state);

    /// Replaces the database's synonyms with these groups (see core/index/synonyms.h), stemmed
    /// in the database's language; returns the number of synonym keys. Not committed.
    /// They live in shard 0, which Xapian reads them from.
    std::size_t replace_synonyms(const std::vector<SynonymGroup>& groups);

    /// Makes everything so far durable and visible to searchers.
    void commit();
    /// The last commit; for a rebuild, also switches searchers to the new database.
    /// `allow_compaction` false skips the compaction (an interrupted run should stop fast).
    void finish(bool allow_compaction = true);

    /// Articles in the database (commits first what is pending, to count it).
    Xapian::doccount document_count();
    /// The glass folder of shard 0 (which holds the file states), for read-only handles
    /// in other threads.
    const std::string& index_path() const { return layout_.write_path(); }
    const std::string& db_path() const { return options_.db_path; }
    unsigned shards() const { return layout_.shards(); }
    /// Read access to every shard for pruning and statistics (same thread only); commits
    /// first what is pending, so it shows everything stored so far.
    const Xapian::Database& database();

  private:
    void check_or_write_metadata(Xapian::WritableDatabase& db);
    [[noreturn]] void fail(const Xapian::Error& e);
    void check_disk_space() const;
    void count_change(std::size_t text_bytes);
    /// Moves every article of duplicate group `from` into group `into`.
    void merge_group(const std::string& from, const std::string& into);
    /// The committed document with this term (0: none).
    Xapian::docid find(const std::string& term) const;
    ShardWriter& shard_for(const std::string& id_term);
    /// Commits every shard (and the file states that may be committed), reopens the view.
    /// `final`: also commit every file state held back (at the end, or to read them).
    void commit_all(bool final);
    void commit(bool final);
    void wait_all();
    /// Compacts the closed shards of a fresh generation into the next one, publishes it.
    void compact_and_publish();
    /// A rebuild starts an empty database: keep the synonyms the user loaded into the old one.
    void carry_over_synonyms();

    IndexWriterOptions options_;
    IndexLock lock_;
    DbLayout layout_;
    std::vector<std::unique_ptr<ShardWriter>> shards_;
    Xapian::Database view_;  ///< every shard as of its last commit
    PendingDuplicates pending_;
    /// Ids sent to a shard or deleted since the last commit: the view does not show them.
    std::unordered_set<std::string> touched_;
    std::map<std::string, std::string> pending_states_;  ///< file-state key -> value
    /// Sharded: states whose articles are committed, for shard 0's next commit.
    std::map<std::string, std::string> committed_states_;
    std::unique_ptr<DocumentBuilder> builder_;  ///< for add() only; made on first use
    std::size_t uncommitted_ = 0;
    std::size_t uncommitted_bytes_ = 0;
    bool dirty_ = false;
    bool broken_ = false;    ///< the database failed: write nothing more
    bool finished_ = false;
};

}  // namespace newsdex
