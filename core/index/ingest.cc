#include "core/index/ingest.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "core/article/article_id.h"
#include "core/index/bounded_queue.h"
#include "core/error.h"
#include "core/db/file_state.h"
#include "core/index/prepared_article.h"
#include "core/schema.h"
#include "core/index/tree_walk.h"

namespace newsdex {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// ---- what flows between the threads ----------------------------------------------------

struct FileTask {
    std::size_t serial = 0;
    std::string path;  ///< as found
    std::string file;  ///< canonical: the source-file key
    FileState current;
    std::optional<FileState> stored;
    bool from_stdin = false;  ///< `-`: always read, no state to compare or record
};

struct UnchangedItem {
    std::string path;
    std::uintmax_t size = 0;
};
struct IgnoredItem {};
struct ProblemItem {
    std::size_t serial = 0;  ///< 0: not inside a file being read (a missing path, a folder)
    Problem problem;
};
struct ArticleItem {
    std::size_t serial = 0;
    std::unique_ptr<PreparedArticle> article;
};
struct FileEndItem {
    enum class Kind { Read, Touched, Failed, Aborted };
    std::size_t serial = 0;
    Kind kind = Kind::Read;
    std::string path;
    FileState state;
    bool from_stdin = false;
};

using Item = std::variant<UnchangedItem, IgnoredItem, ProblemItem, ArticleItem, FileEndItem>;

/// Queue weight of an item that is not an article: roughly its size in bytes, so that a
/// flood of them (a huge unchanged tree) is bounded by the same byte budget.
constexpr std::size_t kSmallItem = 256;

/// Why the helper threads should wind down: the user asked (signal), or the writer failed.
struct Halt {
    const std::atomic<bool>& requested;
    std::atomic<bool> failed{false};
    bool load() const { return requested.load() || failed.load(); }
};

// ---- scanner: walk, stat, compare with the stored state -------------------------------

bool under_root(const std::string& file, const std::string& root) {
    if (file == root) return true;
    if (!root.empty() && root.back() == '/') return file.starts_with(root);
    return file.size() > root.size() && file.starts_with(root) && file[root.size()] == '/';
}


/// Reads stored file states through its own read-only handle (the writer's handle
/// belongs to the writer's thread).
class StateReader {
  public:
    explicit StateReader(const std::string& index_path) : db_(index_path) {}
    std::optional<FileState> lookup(const std::string& file) {
        const std::string key = schema::file_state_key(file);
        return retry_reopening([&] { return schema::decode_file_state(key, db_.get_metadata(key)); },
                               [&] { db_.reopen(); });
    }

  private:
    Xapian::Database db_;
};

class Scanner : public WalkVisitor {
  public:
    Scanner(BoundedQueue<FileTask>& tasks, BoundedQueue<Item>& results, std::optional<StateReader>& states,
            const Halt& stop)
        : tasks_(tasks), results_(results), states_(states), stop_(stop) {}

    void file(const fs::path& p) override {
        const std::string path = p.string();
        if (path == readers::kStdinPath) {
            // A stream has no size, mtime or inode to compare: it is always read. Its
            // articles are tied to the source "stdin" (ids stdin#N; real sources are
            // absolute paths), which each run that reads standard input replaces.
            FileState state;
            state.path = readers::kStdinId;
            tasks_.push(FileTask{++serial_, path, state.path, state, std::nullopt, true});
            return;
        }
        const std::string file = canonical_file_id(path);
        // The same file reached twice (named twice, or through a symlink): read it once.
        if (!seen_.insert(hash64(file)).second) return;
        auto current = stat_file(path);
        if (!current) {
            results_.push(ProblemItem{0, {Problem::Level::Failed, path, std::strerror(errno)}}, kSmallItem);
            return;
        }
        current->path = file;
        std::optional<FileState> stored;
        if (states_) stored = states_->lookup(file);
        if (compare(stored, *current) == FileChange::Unchanged) {
            results_.push(UnchangedItem{path, current->size}, kSmallItem);
            return;
        }
        tasks_.push(FileTask{++serial_, path, file, *current, std::move(stored)});
    }
    void ignored(const fs::path&) override { results_.push(IgnoredItem{}, kSmallItem); }
    void error(const std::string& path, const std::string& reason) override {
        std::string why = reason;
        if (prune_ && path == top_) why += "; --prune removes nothing under it";
        results_.push(ProblemItem{0, {Problem::Level::Failed, path, why}}, kSmallItem);
    }
    /// The PATH being walked, and whether this run prunes (for the note above).
    void walking(const std::string& top, bool prune) {
        top_ = top;
        prune_ = prune;
    }
    bool stop() override { return stop_.load(); }
    bool follow_link(const fs::path& link) override {
        if (follow_all_) return true;
        const std::string target = canonical_file_id(link.string());
        for (const auto& root : roots_)
            if (under_root(target, root)) return true;
        results_.push(ProblemItem{0, {Problem::Level::Skipped, link.string(),
                                      "symbolic link to a file outside the PATHs given (" + target +
                                          "): not read (--follow-symlinks reads it)"}},
                      kSmallItem);
        return false;
    }
    /// Links in folders are read when their target lies under one of `roots` (canonical), or always.
    void links(std::vector<std::string> roots, bool follow_all) {
        roots_ = std::move(roots);
        follow_all_ = follow_all;
    }

  private:
    BoundedQueue<FileTask>& tasks_;
    BoundedQueue<Item>& results_;
    std::optional<StateReader>& states_;
    const Halt& stop_;
    std::unordered_set<std::uint64_t> seen_;
    std::size_t serial_ = 0;
    std::string top_;
    bool prune_ = false;
    std::vector<std::string> roots_;
    bool follow_all_ = true;
};

/// Counts what the walk will meet, for the progress display's totals and ETA.
class Counter : public WalkVisitor {
  public:
    explicit Counter(const Halt& stop) : stop_(stop) {}
    void file(const fs::path& p) override {
        files.fetch_add(1);
        if (p == readers::kStdinPath) return;  // a stream's size is unknown
        std::error_code ec;
        const auto size = fs::file_size(p, ec);
        if (!ec) bytes.fetch_add(size);
    }
    void ignored(const fs::path&) override {}
    // The writer counts a path it cannot look at as a file too.
    void error(const std::string&, const std::string&) override { files.fetch_add(1); }
    bool stop() override { return stop_.load(); }

    std::atomic<std::size_t> files{0};
    std::atomic<std::uintmax_t> bytes{0};
    std::atomic<bool> done{false};

  private:
    const Halt& stop_;
};

// ---- workers: read and prepare ----------------------------------------------------------

/// Bytes the workers have read, files still being read included: what the progress display
/// shows inside one big file. Advanced once per record, so it costs nothing measurable.
class ReadCounter {
  public:
    explicit ReadCounter(std::atomic<std::uintmax_t>& total) : total_(total) {}
    /// The reader is `position` bytes into the file (positions never go back).
    void reached(std::uintmax_t position) {
        if (position <= position_) return;
        total_.fetch_add(position - position_, std::memory_order_relaxed);
        position_ = position;
    }

  private:
    std::atomic<std::uintmax_t>& total_;
    std::uintmax_t position_ = 0;
};

class WorkerSink : public readers::ArticleSink {
  public:
    WorkerSink(const FileTask& task, DocumentBuilder& builder, BoundedQueue<Item>& results,
               const Halt& stop, ReadCounter& read)
        : task_(task), builder_(builder), results_(results), stop_(stop), read_(read) {}

    void reached(std::uintmax_t file_bytes) override {
        // A file that grew since it was looked at counts no further than the size the totals have.
        read_.reached(task_.from_stdin ? file_bytes : std::min(file_bytes, task_.current.size));
    }

    void article(Article&& article) override {
        // Stopping: let the reader run out without the costly part; the file keeps no
        // state, so the next run reads it again.
        if (stop_.load()) {
            aborted = true;
            return;
        }
        ++articles;
        try {
            auto prepared = std::make_unique<PreparedArticle>(prepare_article(builder_, article, task_.file));
            const std::size_t weight = prepared->text_bytes + 4096;
            results_.push(ArticleItem{task_.serial, std::move(prepared)}, weight);
        } catch (const Xapian::Error& e) {
            results_.push(ProblemItem{task_.serial, {Problem::Level::Failed, article.path, e.get_msg()}}, kSmallItem);
        } catch (const std::exception& e) {
            results_.push(ProblemItem{task_.serial, {Problem::Level::Failed, article.path, e.what()}}, kSmallItem);
        }
    }
    void problem(Problem&& problem) override {
        results_.push(ProblemItem{task_.serial, std::move(problem)}, kSmallItem);
    }

    std::uint64_t articles = 0;
    bool aborted = false;

  private:
    const FileTask& task_;
    DocumentBuilder& builder_;
    BoundedQueue<Item>& results_;
    const Halt& stop_;
    ReadCounter& read_;
};

bool is_regular(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

void process(const FileTask& task, DocumentBuilder& builder, const readers::ReadOptions& options,
             BoundedQueue<Item>& results, const Halt& stop, std::atomic<std::uintmax_t>& bytes_read) {
    ReadCounter read(bytes_read);
    // However the file ends (read, hashed and found the same, failed), it is done with.
    struct Done {
        ReadCounter& read;
        std::uintmax_t size;
        ~Done() { read.reached(size); }
    } done{read, task.current.size};
    FileEndItem end{task.serial, FileEndItem::Kind::Read, task.path, task.current, task.from_stdin};
    if (stop.load()) {
        end.kind = FileEndItem::Kind::Aborted;
        results.push(std::move(end), kSmallItem);
        return;
    }
    // Too large files are refused by read_file without reading them; hashing them would
    // read what will not be used. Standard input can be read only once: by read_file.
    // Only a regular file is hashed: a device (/dev/zero behind a symlink) never ends;
    // read_file then names it as not a regular file.
    if (!task.from_stdin && task.current.size <= options.max_file_bytes && is_regular(task.path)) {
        auto hash = hash_file(task.path);
        if (!hash) {
            results.push(ProblemItem{task.serial, {Problem::Level::Failed, task.path, std::strerror(errno)}}, kSmallItem);
            end.kind = FileEndItem::Kind::Failed;
            results.push(std::move(end), kSmallItem);
            return;
        }
        end.state.content_hash = *hash;
        // Touched, copied back or moved, but the same bytes: nothing to re-read.
        if (task.stored && task.stored->content_hash == *hash) {
            end.kind = FileEndItem::Kind::Touched;
            end.state.articles = task.stored->articles;
            results.push(std::move(end), kSmallItem);
            return;
        }
    }
    WorkerSink sink(task, builder, results, stop, read);
    readers::read_file(task.path, options, sink);
    end.state.articles = sink.articles;
    if (sink.aborted) end.kind = FileEndItem::Kind::Aborted;
    results.push(std::move(end), kSmallItem);
}

/// process(), guarded: whatever still goes wrong in one file (out of memory, a library
/// throwing) fails that file, named, and the run goes on with the rest.
void process_guarded(const FileTask& task, DocumentBuilder& builder, const readers::ReadOptions& options,
                     BoundedQueue<Item>& results, const Halt& stop, std::atomic<std::uintmax_t>& bytes_read) {
    std::string reason;
    try {
        process(task, builder, options, results, stop, bytes_read);
        return;
    } catch (const Xapian::Error& e) {
        reason = e.get_description();
    } catch (const std::exception& e) {
        reason = e.what();
    }
    results.push(ProblemItem{task.serial, {Problem::Level::Failed, task.path, "could not be read: " + reason}},
                 kSmallItem);
    results.push(FileEndItem{task.serial, FileEndItem::Kind::Failed, task.path, task.current, task.from_stdin},
                 kSmallItem);
}

// ---- the writer side --------------------------------------------------------------------

/// A PATH given to --prune that can prove files under it gone: it exists, and a folder
/// can be listed.
bool readable_root(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return false;
    return !S_ISDIR(st.st_mode) || ::access(path.c_str(), R_OK | X_OK) == 0;
}

/// The article id stored in a document's data ("" when it has none).
std::string stored_id(const Xapian::Database& db, Xapian::docid did) {
    try {
        return schema::decode_data(db.get_document(did).get_data()).id;
    } catch (const std::runtime_error&) {
        return {};
    }
}

/// The file a source-file term names, given the id of one of its articles: the id itself
/// or the part of it before a '#' or '!' (record, archive member) whose term it is; ""
/// when none is.
std::string file_of_term(const std::string& term, const std::string& id) {
    for (std::size_t end = id.size(); end > 0;) {
        std::string candidate = id.substr(0, end);
        if (schema::source_file_term(candidate) == term) return candidate;
        end = id.find_last_of("#!", end - 1);
        if (end == std::string::npos) break;
    }
    return {};
}

/// Proven gone: stat says there is no such file (not merely that it cannot look).
bool gone(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

class Writer {
  public:
    Writer(IndexWriter& writer, IngestObserver& observer) : writer_(writer), observer_(observer) {}

    void handle(Item&& item) {
        std::visit([this](auto&& i) { on(std::move(i)); }, std::move(item));
    }

    void prune(const std::vector<std::string>& paths) {
        // Only a PATH that is there and readable now can prove that files under it are
        // gone: a missing or unreadable one (an unmounted disk) prunes nothing (the walk
        // named it already).
        std::vector<std::string> roots;
        for (const auto& p : paths)
            if (p != readers::kStdinPath && readable_root(p)) roots.push_back(canonical_file_id(p));
        if (roots.empty()) return;
        auto in_roots = [&](const std::string& file) {
            for (const auto& r : roots)
                if (under_root(file, r)) return true;
            return false;
        };
        const Xapian::Database& db = writer_.database();
        std::vector<std::string> files;
        std::unordered_set<std::string> listed;
        const std::string meta_prefix(schema::kMetaFilePrefix);
        for (auto it = db.metadata_keys_begin(meta_prefix); it != db.metadata_keys_end(meta_prefix); ++it)
            if (auto state = schema::decode_file_state(*it, db.get_metadata(*it)))
                if (in_roots(state->path) && gone(state->path) && listed.insert(state->path).second)
                    files.push_back(state->path);
        // Files whose articles were committed but whose state was not (a crash mid-file).
        const std::string file_prefix(schema::kPrefixSourceFile);
        for (auto it = db.allterms_begin(file_prefix); it != db.allterms_end(file_prefix); ++it) {
            // The term of a long path is cut and hashed: the path is the one its articles'
            // stored ids start with, never the term's text.
            auto post = db.postlist_begin(*it);
            if (post == db.postlist_end(*it)) continue;
            const std::string file = file_of_term(*it, stored_id(db, *post));
            if (file.empty()) continue;  // cannot tell which file: prove nothing
            if (in_roots(file) && gone(file) && listed.insert(file).second) files.push_back(file);
        }
        // Articles with no source file term, whose id is their file's path: one-article
        // files (prepare_article leaves the term out) and articles written by v1.
        std::vector<std::string> by_id;
        const std::string id_prefix(schema::kPrefixId);
        for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
            auto post = db.postlist_begin(*it);
            if (post == db.postlist_end(*it)) continue;
            // The full id as stored, not the term: a long id's term is cut and hashed.
            const std::string id = stored_id(db, *post);
            if (id.empty() || schema::id_term(id) != *it) continue;
            if (listed.count(id) || !in_roots(id) || !gone(id)) continue;
            if (schema::stored_term(db, *post, file_prefix).empty()) by_id.push_back(id);
        }
        for (const auto& file : files) report_pruned(file, writer_.forget_file(file));
        for (const auto& id : by_id) report_pruned(id, writer_.remove_article(id));
    }

    IngestStats stats;
    std::uintmax_t bytes_done = 0;
    std::uintmax_t bytes_unchanged = 0;  ///< of the files not read (UnchangedItem)

  private:
    struct OpenFile {
        std::unordered_set<std::string> keep;
        FileReport report;
        bool had_failure = false;
        bool store_failed = false;
        bool last_stored = false;
    };

    void report_pruned(const std::string& path, std::size_t removed) {
        stats.deleted += removed;
        FileReport r;
        r.what = FileReport::What::Pruned;
        r.path = path;
        r.deleted = removed;
        observer_.file_done(r);
    }

    void report(Problem&& problem) {
        switch (problem.level) {
            case Problem::Level::Repaired: ++stats.repaired; break;
            case Problem::Level::Skipped:
                ++stats.skipped;
                ++stats.skip_reasons[reason_group(problem.reason)];
                break;
            case Problem::Level::Failed:
                ++stats.failed;
                ++stats.fail_reasons[reason_group(problem.reason)];
                break;
        }
        observer_.problem(problem);
    }

    void on(UnchangedItem&& item) {
        ++stats.files;
        ++stats.files_unchanged;
        bytes_done += item.size;
        bytes_unchanged += item.size;
        FileReport r;
        r.what = FileReport::What::Unchanged;
        r.path = std::move(item.path);
        observer_.file_done(r);
    }

    void on(IgnoredItem&&) { ++stats.ignored; }

    void on(ProblemItem&& item) {
        if (item.serial == 0) {
            ++stats.files;  // a path that could not even be looked at
            report(std::move(item.problem));
            return;
        }
        OpenFile& f = open_[item.serial];
        if (item.problem.level == Problem::Level::Repaired) {
            if (!f.last_stored) return;  // its failure was reported already
            item.problem.reason = "indexed, but " + item.problem.reason;
        }
        if (item.problem.level == Problem::Level::Failed) f.had_failure = true;
        report(std::move(item.problem));
    }

    void on(ArticleItem&& item) {
        OpenFile& f = open_[item.serial];
        PreparedArticle& a = *item.article;
        f.keep.insert(a.id_term);
        const std::size_t text_bytes = a.text_bytes;
        const std::string path = a.path;
        try {
            const auto stored = writer_.store(std::move(a));
            switch (stored.outcome) {
                case IndexWriter::Outcome::Added: ++stats.added; ++f.report.added; break;
                case IndexWriter::Outcome::Replaced: ++stats.replaced; ++f.report.replaced; break;
                case IndexWriter::Outcome::Unchanged: ++stats.unchanged; ++f.report.unchanged; break;
            }
            if (stored.outcome != IndexWriter::Outcome::Unchanged) stats.bytes += text_bytes;
            if (stored.duplicate == DupKind::Exact) ++stats.duplicates_exact;
            if (stored.duplicate == DupKind::Near) ++stats.duplicates_near;
            f.last_stored = true;
        } catch (const Error&) {
            throw;  // the database itself is in trouble: stop the run
        } catch (const std::exception& e) {
            f.last_stored = false;
            f.store_failed = true;
            report({Problem::Level::Failed, path, e.what()});
        }
    }

    void on(FileEndItem&& item) {
        OpenFile f = std::move(open_[item.serial]);
        open_.erase(item.serial);
        ++stats.files;
        bytes_done += item.state.size;
        f.report.path = item.path;
        switch (item.kind) {
            case FileEndItem::Kind::Aborted:
                f.report.what = FileReport::What::Interrupted;
                ++stats.files_read;
                break;
            case FileEndItem::Kind::Failed:
                f.report.what = FileReport::What::Failed;
                break;
            case FileEndItem::Kind::Touched:
                writer_.set_file_state(item.state);
                ++stats.files_unchanged;
                f.report.what = FileReport::What::Touched;
                break;
            case FileEndItem::Kind::Read: {
                ++stats.files_read;
                stats.bytes_read += item.state.size;
                const std::size_t yielded = f.report.added + f.report.replaced + f.report.unchanged;
                if (yielded == 0 && (f.had_failure || f.store_failed)) {
                    // Could not be read (or stored) this time: keep what the last run found,
                    // and keep no state so the next run tries again.
                    f.report.what = FileReport::What::Failed;
                    break;
                }
                f.report.deleted = writer_.remove_stale(item.state.path, f.keep);
                stats.deleted += f.report.deleted;
                if (!f.had_failure && !f.store_failed && !item.from_stdin) writer_.set_file_state(item.state);
                f.report.what = yielded == 0 ? FileReport::What::NoArticles : FileReport::What::Indexed;
                break;
            }
        }
        observer_.file_done(f.report);
    }

    IndexWriter& writer_;
    IngestObserver& observer_;
    std::unordered_map<std::size_t, OpenFile> open_;
};

}  // namespace

std::string reason_group(const std::string& reason) {
    const auto cut = reason.find_first_of("(:;,");
    std::string group = reason.substr(0, cut);
    while (!group.empty() && group.back() == ' ') group.pop_back();
    return group.empty() ? reason : group;
}

IngestStats ingest(IndexWriter& writer, const IngestOptions& options, IngestObserver& observer,
                   const std::atomic<bool>& stop) {
    const auto start = Clock::now();
    Halt halt{stop};
    const unsigned jobs = std::max(1u, options.jobs);
    BoundedQueue<FileTask> tasks(4 * jobs + 4);
    BoundedQueue<Item> results(options.queue_bytes);

    // Opened here, so that a database error surfaces on this thread.
    std::optional<StateReader> states;
    if (options.incremental) {
        try {
            states.emplace(writer.index_path());
        } catch (...) {
            rethrow_as_database_error(writer.db_path());
        }
    }

    Counter counter(halt);
    std::thread counting([&] {
        for (const auto& p : options.paths) walk_path(p, counter);
        counter.done.store(true);
    });

    std::atomic<bool> scan_failed{false};
    std::string scan_error;
    std::thread scanning([&] {
        Scanner scanner(tasks, results, states, halt);
        std::vector<std::string> roots;
        for (const auto& p : options.paths)
            if (p != readers::kStdinPath) roots.push_back(canonical_file_id(p));
        scanner.links(std::move(roots), options.follow_symlinks);
        try {
            for (const auto& p : options.paths) {
                if (halt.load()) break;
                scanner.walking(p, options.prune);
                walk_path(p, scanner);
            }
        } catch (const Xapian::Error& e) {
            scan_error = e.get_description();
            scan_failed.store(true);
        }
        tasks.close();
    });

    std::atomic<unsigned> working{jobs};
    std::atomic<std::uintmax_t> bytes_read{0};
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
        workers.emplace_back([&] {
            DocumentBuilder builder(options.read.language);
            while (auto task = tasks.pop()) process_guarded(*task, builder, options.read, results, halt, bytes_read);
            if (working.fetch_sub(1) == 1) results.close();
        });
    }

    Writer sink(writer, observer);
    auto last_tick = start;
    auto tick = [&] {
        IngestProgress progress;
        progress.stats = &sink.stats;
        progress.files_total = counter.files.load();
        progress.bytes_total = counter.bytes.load();
        progress.totals_known = counter.done.load() && !stop.load();
        progress.bytes_read = bytes_read.load(std::memory_order_relaxed);
        // What the readers are through runs ahead of what the writer has stored (the queue between).
        progress.bytes_done = std::max(sink.bytes_done, sink.bytes_unchanged + progress.bytes_read);
        progress.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        observer.tick(progress);
    };
    auto join_all = [&] {
        // Unblock and finish every thread, whatever happened.
        halt.failed.store(true);
        results.close();
        tasks.close();
        for (auto& t : workers) t.join();
        scanning.join();
        counting.join();
    };
    try {
        for (;;) {
            auto item = results.pop(std::chrono::milliseconds(100));
            if (item) {
                sink.handle(std::move(*item));
            } else if (results.closed_and_empty()) {
                break;
            }
            if (Clock::now() - last_tick >= std::chrono::milliseconds(100)) {
                last_tick = Clock::now();
                tick();
            }
        }
    } catch (...) {
        // The writer failed (a database error): stop the others before unwinding.
        join_all();
        throw;
    }
    results.close();
    tasks.close();
    for (auto& t : workers) t.join();
    scanning.join();
    counting.join();
    if (scan_failed.load())
        throw Error(ErrorKind::Database, "cannot read file states from " + writer.db_path() + ": " + scan_error);

    sink.stats.interrupted = stop.load();
    if (options.prune && !sink.stats.interrupted) {
        try {
            sink.prune(options.paths);
        } catch (...) {
            rethrow_as_database_error(writer.db_path());
        }
    }
    tick();
    return sink.stats;
}

}  // namespace newsdex
