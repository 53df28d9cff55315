#include "core/index_writer.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>

#include "core/duplicate_finder.h"
#include "core/error.h"
#include "core/schema.h"

namespace newsdex {

namespace {

Xapian::WritableDatabase open_writable(const std::string& path, const std::string& db_path) {
    try {
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::Error& e) {
        throw database_error(e, db_path);
    }
}

std::string now_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// The id term of document `did` (its one Q term), or "" if it has none.
std::string id_term_of(const Xapian::Database& db, Xapian::docid did) {
    auto it = db.termlist_begin(did);
    it.skip_to(std::string(schema::kPrefixId));
    if (it == db.termlist_end(did)) return {};
    std::string term = *it;
    return term.starts_with(schema::kPrefixId) ? term : std::string();
}

}  // namespace

IndexWriter::IndexWriter(const IndexWriterOptions& options)
    : options_(options),
      lock_(options.db_path, options.wait_for_lock, options.on_wait, options.should_stop),
      layout_(options.db_path, options.rebuild),
      db_(open_writable(layout_.write_path(), options.db_path)) {
    try {
        check_or_write_metadata();
        if (options_.rebuild) carry_over_synonyms();
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
    // Only now, with a committed (empty) index in place, may searchers be pointed at it.
    layout_.publish_new();
    begin_batch();
}

IndexWriter::~IndexWriter() {
    // Commit what a caller left uncommitted, unless the database failed: then the open
    // transaction is dropped with the WritableDatabase, and nothing more is written to a
    // disk that may be full. A rebuild that did not finish is never published.
    try {
        if (in_batch_ && !broken_) db_.commit_transaction();
    } catch (const Xapian::Error&) {  // NOLINT(bugprone-empty-catch): nothing to tell it to
    }
}

void IndexWriter::begin_batch() {
    // Each batch is a transaction: Xapian writes nothing of it before commit_transaction
    // (no automatic flushes), and drops it if the writer goes away after a failure.
    try {
        db_.begin_transaction(true);
        in_batch_ = true;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

void IndexWriter::fail(const Xapian::Error& e) {
    broken_ = true;
    throw database_error(e, options_.db_path);
}

void IndexWriter::check_disk_space() const {
    // Xapian 1.4.22 can abort the process when it runs out of space in the middle of a
    // commit, so make sure the batch fits first. Glass writes changed blocks to new places
    // before freeing the old ones; 8 times the text, 2 KiB per change and 1 MiB covers
    // what was measured, with room to spare.
    struct statvfs fs {};
    if (::statvfs(layout_.write_path().c_str(), &fs) != 0) return;
    const std::uintmax_t free_bytes = static_cast<std::uintmax_t>(fs.f_bavail) * fs.f_frsize;
    const std::uintmax_t needed = (1U << 20) + 8 * uncommitted_bytes_ + 2048 * uncommitted_;
    if (free_bytes >= needed) return;
    char detail[160];
    std::snprintf(detail, sizeof detail, "%.1f MB free, about %.1f MB needed to commit the last %zu changes",
                  static_cast<double>(free_bytes) / 1e6, static_cast<double>(needed) / 1e6, uncommitted_);
    throw Error(ErrorKind::Database,
                "database " + options_.db_path + ": out of disk space (" + detail +
                    "); it still holds everything committed before this",
                "free some space and run again: the next run carries on where this one stopped");
}

void IndexWriter::check_or_write_metadata() {
    const std::string version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
    const std::string language = db_.get_metadata(std::string(schema::kMetaLanguage));
    if (version.empty() && db_.get_doccount() > 0)
        throw Error(ErrorKind::Database, "database " + options_.db_path + " was not made by Newsdex",
                    "choose another --db");
    if (!version.empty() && version != std::to_string(schema::kSchemaVersion))
        throw Error(ErrorKind::Database,
                    "database " + options_.db_path + " has schema version " + version +
                        ", this newsdex-index writes version " + std::to_string(schema::kSchemaVersion),
                    "rebuild it with --rebuild, or index into a new --db");
    if (!language.empty() && language != options_.language.stemmer)
        throw Error(ErrorKind::Database,
                    "database " + options_.db_path + " is stemmed as " + language + ", not " +
                        options_.language.stemmer,
                    "use --language " + language + ", or --rebuild, or index into another --db");
    if (version.empty()) {
        db_.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
        db_.set_metadata(std::string(schema::kMetaLanguage), options_.language.stemmer);
        db_.set_metadata(std::string(schema::kMetaFacetSlots), "1");
        db_.commit();
    }
}

Xapian::docid IndexWriter::find(const std::string& term) const {
    auto it = db_.postlist_begin(term);
    return it == db_.postlist_end(term) ? 0 : *it;
}

void IndexWriter::count_change(std::size_t text_bytes) {
    dirty_ = true;
    ++uncommitted_;
    uncommitted_bytes_ += text_bytes;
    if (uncommitted_ >= options_.batch_size || uncommitted_bytes_ >= options_.batch_bytes) commit();
}

IndexWriter::Stored IndexWriter::store(PreparedArticle&& article) {
    try {
        Stored result;
        const Xapian::docid existing = find(article.id_term);
        std::optional<Xapian::Document> old;
        if (existing != 0) {
            old = db_.get_document(existing);
            // Same data and a signature already there: nothing to write (the terms follow
            // from the data; a v1 document has no signature and is upgraded).
            if (old->get_data() == article.document.get_data() &&
                !old->get_value(schema::kSlotDupSignature).empty() == !article.signature.empty() &&
                !old->get_value(schema::kSlotDupGroup).empty()) {
                result.outcome = Outcome::Unchanged;
                return result;
            }
            result.outcome = Outcome::Replaced;
        }
        const DuplicateMatch match = find_duplicate(db_, article.signature, article.id, existing);
        result.duplicate = match.kind;
        article.document.add_value(schema::kSlotDupGroup, match.group);
        article.document.add_boolean_term(schema::dup_group_term(match.group));
        if (old) record_spelling(*old, false);
        if (options_.spelling) record_spelling(article.document, true);
        db_.replace_document(article.id_term, article.document);
        count_change(article.text_bytes);
        for (const auto& group : match.also) merge_group(group, match.group);
        return result;
    } catch (const Xapian::InvalidArgumentError& e) {
        // Something in this article Xapian cannot store: the article fails, the run goes on.
        throw std::runtime_error(e.get_msg());
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

void IndexWriter::record_spelling(const Xapian::Document& doc, bool add) {
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string term = *it;
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) continue;  // a prefixed term, not a word
        if (add)
            db_.add_spelling(term, it.get_wdf());
        else
            db_.remove_spelling(term, it.get_wdf());
    }
}

void IndexWriter::carry_over_synonyms() {
    const std::string live = DbLayout::live_index(options_.db_path);
    if (live.empty() || live == layout_.write_path()) return;
    const Xapian::Database previous(live);
    for (auto key = previous.synonym_keys_begin(); key != previous.synonym_keys_end(); ++key)
        for (auto value = previous.synonyms_begin(*key); value != previous.synonyms_end(*key); ++value)
            db_.add_synonym(*key, *value);
    dirty_ = true;
}

std::size_t IndexWriter::replace_synonyms(const std::vector<SynonymGroup>& groups) {
    const std::string& stemmer = options_.language.stemmer;
    try {
        return store_synonyms(db_, groups, stemmer == "none" ? Xapian::Stem() : Xapian::Stem(stemmer));
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

void IndexWriter::merge_group(const std::string& from, const std::string& into) {
    const std::string from_term = schema::dup_group_term(from), into_term = schema::dup_group_term(into);
    std::vector<Xapian::docid> members;
    for (auto it = db_.postlist_begin(from_term); it != db_.postlist_end(from_term); ++it) members.push_back(*it);
    for (const auto did : members) {
        Xapian::Document doc = db_.get_document(did);
        doc.remove_term(from_term);
        doc.add_boolean_term(into_term);
        doc.add_value(schema::kSlotDupGroup, into);
        db_.replace_document(did, doc);
        count_change(0);
    }
}

IndexWriter::Outcome IndexWriter::add(const Article& article) {
    if (!builder_) builder_ = std::make_unique<DocumentBuilder>(options_.language);
    return store(prepare_article(*builder_, article, {})).outcome;
}

std::size_t IndexWriter::remove_stale(const std::string& file, const std::unordered_set<std::string>& keep) {
    try {
        const std::string term = schema::source_file_term(file);
        std::vector<Xapian::docid> stale;
        for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it)
            if (!keep.count(id_term_of(db_, *it))) stale.push_back(*it);
        for (const auto did : stale) {
            record_spelling(db_.get_document(did), false);
            db_.delete_document(did);
            count_change(0);
        }
        return stale.size();
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

std::size_t IndexWriter::forget_file(const std::string& file) {
    const std::size_t removed = remove_stale(file, {});
    try {
        db_.set_metadata(schema::file_state_key(file), std::string());
        count_change(0);
    } catch (const Xapian::Error& e) {
        fail(e);
    }
    return removed;
}

std::size_t IndexWriter::remove_article(const std::string& id) {
    try {
        const std::string term = schema::id_term(id);
        const Xapian::docid did = find(term);
        if (did == 0) return 0;
        record_spelling(db_.get_document(did), false);
        db_.delete_document(term);
        count_change(0);
        return 1;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

std::optional<FileState> IndexWriter::file_state(const std::string& file) const {
    try {
        return schema::decode_file_state(db_.get_metadata(schema::file_state_key(file)));
    } catch (const Xapian::Error& e) {
        throw database_error(e, options_.db_path);
    }
}

void IndexWriter::set_file_state(const FileState& state) {
    try {
        db_.set_metadata(schema::file_state_key(state.path), schema::encode_file_state(state));
        dirty_ = true;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

void IndexWriter::commit() {
    if (broken_) throw Error(ErrorKind::Database, "database " + options_.db_path + " failed earlier in this run");
    if (dirty_) {
        try {
            check_disk_space();
        } catch (const Error&) {
            broken_ = true;
            throw;
        }
    }
    try {
        if (dirty_) db_.set_metadata(std::string(schema::kMetaLastUpdate), now_iso());
        if (in_batch_) {
            in_batch_ = false;
            db_.commit_transaction();
        } else {
            db_.commit();
        }
        uncommitted_ = 0;
        uncommitted_bytes_ = 0;
        dirty_ = false;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
    begin_batch();
}

void IndexWriter::finish() {
    commit();
    try {
        // Leave no transaction open: nothing more will be written.
        if (in_batch_) db_.commit_transaction();
        in_batch_ = false;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
    if (layout_.rebuilding()) {
        // Make the new generation durable before searchers are pointed at it.
        db_.close();
        layout_.publish();
    }
}

}  // namespace newsdex
