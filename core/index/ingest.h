/** @file @brief The indexing pipeline: walks the paths given to the indexer, skips files
 *  that have not changed since the last run, reads and prepares the rest on worker
 *  threads, and feeds the single database writer, reporting each input it cannot use
 *  and going on with the rest.
 *
 *    scanner thread   walk + stat + compare with the stored FileState   (no file reads)
 *         | tasks (bounded)
 *    N worker threads hash, read_file, DocumentBuilder, signature       (per-thread objects)
 *         | results (bounded by bytes)
 *    calling thread   IndexWriter: duplicates, replace, stale removal, file state, commits
 *
 *  Memory stays bounded whatever the corpus: both queues are bounded, and the writer
 *  commits every batch. */
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/index/index_writer.h"
#include "core/article/problem.h"
#include "core/readers/read_file.h"

namespace newsdex {

struct IngestOptions {
    std::vector<std::string> paths;
    readers::ReadOptions read;
    unsigned jobs = 1;              ///< worker threads
    bool prune = false;             ///< remove articles of files gone from `paths`
    bool incremental = true;        ///< skip files whose stored state says unchanged
    /// In folder walks, read symlinks whose target is outside every PATH (by default they
    /// are skipped, named: a link must not make /etc/passwd searchable).
    bool follow_symlinks = false;
    /// Prepared articles waiting for the writer. A queued Xapian document takes several times
    /// its text in memory (every term with its positions): on the benchmark's real corpus,
    /// 32 MiB here and 64 MiB per shard writer peaked at 485-550 MiB, 8 MiB each at 350-355
    /// MiB, for about 5% more time (42.7 s vs 40.6 s, medians of 3 alternating runs).
    std::size_t queue_bytes = 8ULL << 20;
};

struct IngestStats {
    std::size_t files = 0;            ///< files met: read, unchanged, or failed
    std::size_t files_read = 0;       ///< files whose contents were read
    std::size_t files_unchanged = 0;  ///< not re-read: same size, mtime and inode, or same content hash
    std::size_t added = 0;            ///< new articles
    std::size_t replaced = 0;         ///< articles that replaced an earlier version
    std::size_t unchanged = 0;        ///< articles re-read from a changed file but identical
    std::size_t deleted = 0;          ///< articles removed: gone from a changed file, or pruned
    std::size_t duplicates_exact = 0; ///< stored articles whose normalised body was already there
    std::size_t duplicates_near = 0;  ///< stored articles grouped with a near-duplicate
    std::size_t skipped = 0;          ///< inputs that are not articles (empty, binary, ...)
    std::size_t failed = 0;           ///< inputs that could not be read or stored
    std::size_t repaired = 0;         ///< indexed with repairs (bad bytes replaced, ...)
    std::size_t ignored = 0;          ///< files in folders with an unsupported name
    std::uintmax_t bytes = 0;         ///< article text indexed (title and body)
    std::uintmax_t bytes_read = 0;    ///< file bytes read
    bool interrupted = false;         ///< stopped early by the stop flag
    /// How many inputs were skipped/failed for each reason (the reason's first words).
    std::map<std::string, std::size_t> skip_reasons, fail_reasons;

    std::size_t indexed() const { return added + replaced; }
    std::size_t duplicates() const { return duplicates_exact + duplicates_near; }
};

/// Where a run stands, for a progress display.
struct IngestProgress {
    const IngestStats* stats = nullptr;
    std::size_t files_total = 0;       ///< article files under the paths (final once totals_known)
    std::uintmax_t bytes_total = 0;    ///< their bytes
    bool totals_known = false;
    std::uintmax_t bytes_done = 0;     ///< bytes of the files done (read or unchanged), and of files being read so far
    /// Bytes the readers have got through, the files they are in the middle of included (to
    /// their last record: ArticleSink::reached), unchanged files not: what MB/s is made of.
    std::uintmax_t bytes_read = 0;
    double seconds = 0;
};

/// What happened to one file, for --verbose.
struct FileReport {
    enum class What { Indexed, Unchanged, Touched, NoArticles, Failed, Interrupted, Pruned };
    What what = What::Indexed;
    std::string path;
    std::size_t added = 0, replaced = 0, unchanged = 0, deleted = 0;
};

/// Called on the thread that runs ingest(), so implementations need no locking.
class IngestObserver {
  public:
    virtual ~IngestObserver() = default;
    virtual void problem(const Problem&) {}
    virtual void file_done(const FileReport&) {}
    /// About ten times a second while the run goes on.
    virtual void tick(const IngestProgress&) {}
};

/// Runs the pipeline to the end, or until `stop` becomes true (then the work in flight is
/// stored, files not finished keep no state so the next run reads them again, and
/// stats.interrupted is set). Commits as it goes but leaves the last commit to the caller
/// (IndexWriter::finish). Problems go to the observer; only database errors throw.
IngestStats ingest(IndexWriter& writer, const IngestOptions& options, IngestObserver& observer,
                   const std::atomic<bool>& stop);

/// The first words of a problem's reason, by which the summary groups problems
/// ("too large (70.1 MiB, ...)" -> "too large").
std::string reason_group(const std::string& reason);

}  // namespace newsdex
