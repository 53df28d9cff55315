#include "core/index/shard_writer.h"

#include "core/schema.h"

namespace newsdex {

namespace {

Xapian::WritableDatabase open_shard(const std::string& path, const std::string& db_path) {
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (...) {
        rethrow_as_database_error(db_path);
    }
}

/// Queue weight of a change that carries no document.
constexpr std::size_t kSmallCommand = 256;

/// Spelling changes are written at every this many commits (and when the shard closes):
/// a crash can lose the dictionary counts of that many batches, never an article.
/// (Measured once on the benchmark's real corpus, `--jobs 2 --shards 2`: 35.8 s written at
/// every 16 commits, 40.7 s at every commit, 31.5 s with no dictionary at all.)
constexpr unsigned kSpellingFlushCommits = 16;

/// ... or sooner when this many distinct words wait: about 100 bytes each here, and Xapian
/// keeps every fragment of each new word in memory until the commit (heaptrack: 76 MB when
/// the words of 12,000 news articles were written at once). The first batches of a corpus
/// bring the most new words.
constexpr std::size_t kMaxSpellingChanges = 100000;

}  // namespace

ShardWriter::ShardWriter(const std::string& path, const std::string& db_path, bool spelling, std::size_t queue_bytes)
    : path_(path), db_path_(db_path), spelling_(spelling), db_(open_shard(path, db_path)), queue_(queue_bytes) {}

ShardWriter::~ShardWriter() { abandon(); }

void ShardWriter::start() {
    // The first transaction is begun here, before the thread exists, so that a failure
    // to begin it surfaces on the caller's thread.
    try {
        db_.begin_transaction(true);
        in_transaction_ = true;
    } catch (...) {
        rethrow_as_database_error(db_path_);
    }
    thread_ = std::thread([this] { run(); });
}

void ShardWriter::push(Command&& command, std::size_t weight) { queue_.push(std::move(command), weight); }

void ShardWriter::add(Xapian::Document doc, std::size_t weight) {
    push(Command{Command::Kind::Add, {}, {}, {}, std::move(doc)}, weight);
}

void ShardWriter::replace(std::string id_term, Xapian::Document doc, std::size_t weight) {
    push(Command{Command::Kind::Replace, std::move(id_term), {}, {}, std::move(doc)}, weight);
}

void ShardWriter::remove(std::string id_term) {
    push(Command{Command::Kind::Remove, std::move(id_term), {}, {}, {}}, kSmallCommand);
}

void ShardWriter::regroup(std::string id_term, std::string from, std::string into) {
    push(Command{Command::Kind::Regroup, std::move(id_term), std::move(from), std::move(into), {}}, kSmallCommand);
}

void ShardWriter::set_metadata(std::string key, std::string value) {
    push(Command{Command::Kind::Metadata, std::move(key), std::move(value), {}, {}}, kSmallCommand);
}

void ShardWriter::run(std::function<void(Xapian::WritableDatabase&)> work) {
    Command command{Command::Kind::Run, {}, {}, {}, {}};
    command.work = std::move(work);
    push(std::move(command), kSmallCommand);
}

void ShardWriter::commit(bool complete) {
    ++asked_;
    Command command{Command::Kind::Commit, {}, {}, {}, {}};
    command.complete = complete;
    push(std::move(command), kSmallCommand);
}

void ShardWriter::wait() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return committed_ >= asked_; });
    if (error_) throw *error_;
}

void ShardWriter::abandon() {
    queue_.close();
    if (thread_.joinable()) thread_.join();
}

void ShardWriter::close() {
    abandon();
    try {
        if (in_transaction_ && !error_) {
            flush_spelling();
            db_.commit_transaction();
        }
        in_transaction_ = false;
        db_.close();
    } catch (...) {
        rethrow_as_database_error(db_path_);
    }
}

void ShardWriter::run() {
    bool broken = false;
    while (auto command = queue_.pop()) {
        const bool is_commit = command->kind == Command::Kind::Commit;
        if (!broken) {
            try {
                apply(*command);
            } catch (const Xapian::Error& e) {
                // Nothing more is written to this shard; the coordinator hears of it at
                // its next wait() and stops the run. The open transaction is dropped.
                broken = true;
                std::lock_guard lock(mutex_);
                error_ = database_error(e, db_path_);
            } catch (const std::exception& e) {  // out of memory: the same, not terminate()
                broken = true;
                std::lock_guard lock(mutex_);
                error_ = Error(ErrorKind::Database, "database " + db_path_ + ": " + e.what());
            }
        }
        if (is_commit) {
            std::lock_guard lock(mutex_);
            ++committed_;
            done_.notify_all();
        }
    }
    // Closed without the commits asked for (a failure elsewhere): release any waiter.
    std::lock_guard lock(mutex_);
    committed_ = asked_.load();
    done_.notify_all();
}

void ShardWriter::apply(Command& c) {
    switch (c.kind) {
        case Command::Kind::Add:
            if (spelling_) record_spelling(c.doc, true);
            db_.add_document(c.doc);
            break;
        case Command::Kind::Replace:
            forget_spelling_of(c.term);
            if (spelling_) record_spelling(c.doc, true);
            db_.replace_document(c.term, c.doc);
            break;
        case Command::Kind::Remove:
            forget_spelling_of(c.term);
            db_.delete_document(c.term);
            break;
        case Command::Kind::Metadata: db_.set_metadata(c.term, c.value); break;
        case Command::Kind::Run:
            flush_spelling();
            c.work(db_);
            break;
        case Command::Kind::Regroup: {
            const std::string from_term = schema::dup_group_term(c.value);
            auto post = db_.postlist_begin(c.term);
            if (post == db_.postlist_end(c.term)) break;
            const Xapian::docid did = *post;
            Xapian::Document doc = db_.get_document(did);
            auto term = doc.termlist_begin();
            term.skip_to(from_term);
            if (term == doc.termlist_end() || *term != from_term) break;
            doc.remove_term(from_term);
            doc.add_boolean_term(schema::dup_group_term(c.extra));
            doc.add_value(schema::kSlotDupGroup, c.extra);
            db_.replace_document(did, doc);
            break;
        }
        case Command::Kind::Commit:
            if (c.complete || ++commits_since_spelling_ >= kSpellingFlushCommits ||
                spelling_changes_.size() > kMaxSpellingChanges)
                flush_spelling();
            in_transaction_ = false;
            db_.commit_transaction();
            db_.begin_transaction(true);
            in_transaction_ = true;
            break;
    }
}

void ShardWriter::record_spelling(const Xapian::Document& doc, bool add) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;  // a prefixed term, not a word
        const auto wdf = static_cast<std::int64_t>(it.get_wdf());
        spelling_changes_[term] += add ? wdf : -wdf;
    }
}

void ShardWriter::flush_spelling() {
    commits_since_spelling_ = 0;
    for (const auto& [word, change] : spelling_changes_) {
        if (change > 0) db_.add_spelling(word, static_cast<Xapian::termcount>(change));
        if (change < 0) db_.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
    spelling_changes_.clear();
}

void ShardWriter::forget_spelling_of(const std::string& id_term) {
    // The dictionary counts words by article: take back those of the version going away
    // (a database built with --no-spelling has none to take back: removing is a no-op).
    auto post = db_.postlist_begin(id_term);
    if (post != db_.postlist_end(id_term)) record_spelling(db_.get_document(*post), false);
}

}  // namespace newsdex
