/** @file @brief The single writer of a Newsdex database: replace-by-id, duplicate groups,
 *  per-file state for incremental runs, and commits batched by count and size.
 *
 *  Crash safety: Xapian commits are atomic, and a file's state is written only after all
 *  its articles (in the same or an earlier commit), so a crash at any moment leaves the
 *  database as of the last commit and the next run re-reads every file whose state was
 *  not committed. Each batch is a transaction, committed only after checking that the
 *  disk has room for it. Only the thread that made an IndexWriter may use it. */
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "core/article.h"
#include "core/db_layout.h"
#include "core/document_builder.h"
#include "core/dup_signature.h"
#include "core/file_state.h"
#include "core/index_lock.h"
#include "core/language.h"
#include "core/prepared_article.h"
#include "core/synonyms.h"

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

    /// Replaces the database's synonyms with these groups (see core/synonyms.h), stemmed
    /// in the database's language; returns the number of synonym keys. Not committed.
    std::size_t replace_synonyms(const std::vector<SynonymGroup>& groups);

    /// Makes everything so far durable and visible to searchers.
    void commit();
    /// The last commit; for a rebuild, also switches searchers to the new database.
    void finish();

    Xapian::doccount document_count() const { return db_.get_doccount(); }
    /// The glass folder being written, for read-only handles in other threads.
    const std::string& index_path() const { return layout_.write_path(); }
    const std::string& db_path() const { return options_.db_path; }
    /// Read access for pruning and statistics (same thread only).
    const Xapian::Database& database() const { return db_; }

  private:
    void check_or_write_metadata();
    void begin_batch();
    [[noreturn]] void fail(const Xapian::Error& e);
    void check_disk_space() const;
    void count_change(std::size_t text_bytes);
    /// Moves every article of duplicate group `from` into group `into`.
    void merge_group(const std::string& from, const std::string& into);
    Xapian::docid find(const std::string& term) const;
    /// Adds (or, for a document going away, removes) its unprefixed words to the spelling
    /// dictionary. Done here, in the one writing thread, since a TermGenerator in the
    /// workers may not write to the database.
    void record_spelling(const Xapian::Document& doc, bool add);
    /// A rebuild starts an empty database: keep the synonyms the user loaded into the old one.
    void carry_over_synonyms();

    IndexWriterOptions options_;
    IndexLock lock_;
    DbLayout layout_;
    Xapian::WritableDatabase db_;
    std::unique_ptr<DocumentBuilder> builder_;  ///< for add() only; made on first use
    std::size_t uncommitted_ = 0;
    std::size_t uncommitted_bytes_ = 0;
    bool dirty_ = false;
    bool in_batch_ = false;  ///< a transaction holds the current batch
    bool broken_ = false;    ///< the database failed: write nothing more
};

}  // namespace newsdex
