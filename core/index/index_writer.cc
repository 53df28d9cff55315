#include "core/index/index_writer.h"

#include <sys/statvfs.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <thread>

#include "core/index/duplicate_finder.h"
#include "core/error.h"
#include "core/schema.h"
#include "core/index/shard_router.h"

namespace newsdex {

namespace {

std::string now_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// Compacts the shards `sources` into `targets` and returns each failure's message: shard
/// K into target K, one per core at a time (compaction is CPU-bound merging of sorted
/// tables); into a single target, every source merged (parts written in parallel for one
/// database: docids renumbered, spelling dictionaries summed, metadata and synonyms from
/// part 0, which holds them).
std::vector<std::string> compact_into(const std::vector<std::string>& sources, const std::vector<std::string>& targets) {
    std::vector<std::string> errors;
    if (targets.size() == 1) {
        try {
            Xapian::Database all;
            for (const auto& source : sources) all.add_database(Xapian::Database(source));
            all.compact(targets.front());
        } catch (const Xapian::Error& e) {
            errors.push_back(e.get_description());
        }
        return errors;
    }
    std::vector<std::string> error_of(sources.size());
    const std::size_t parallel = std::max(1u, std::thread::hardware_concurrency());
    for (std::size_t first = 0; first < sources.size(); first += parallel) {
        std::vector<std::thread> threads;
        for (std::size_t k = first; k < std::min(sources.size(), first + parallel); ++k)
            threads.emplace_back([&, k] {
                try {
                    Xapian::Database(sources[k]).compact(targets[k]);
                } catch (const Xapian::Error& e) {
                    error_of[k] = e.get_description();
                }
            });
        for (auto& t : threads) t.join();
    }
    for (auto& e : error_of)
        if (!e.empty()) errors.push_back(std::move(e));
    return errors;
}

/// The options, once the database folder is known to be one (or new): checked before the
/// lock file is made in it.
const IndexWriterOptions& checked(const IndexWriterOptions& options) {
    DbLayout::check_database_folder(options.db_path);
    return options;
}

}  // namespace

IndexWriter::IndexWriter(const IndexWriterOptions& options)
    : options_(checked(options)),
      lock_(options.db_path, options.wait_for_lock, options.on_wait, options.should_stop),
      layout_(options.db_path, options.rebuild,
              options.compact && options.shards == 1 ? std::max(1u, options.writers) : options.shards) {
    for (const auto& path : layout_.write_paths()) {
        shards_.push_back(std::make_unique<ShardWriter>(path, options_.db_path, options_.spelling));
        try {
            // Every shard carries the metadata: a stub opens the first one only, but each
            // shard must be usable (and checkable) on its own, e.g. behind xapian-tcpsrv.
            check_or_write_metadata(shards_.back()->database());
        } catch (...) {
            rethrow_as_database_error(options_.db_path);
        }
    }
    // Only now, with a committed (empty) index in place, may searchers be pointed at it.
    layout_.publish_new();
    try {
        for (const auto& path : layout_.write_paths()) view_.add_database(Xapian::Database(path));
    } catch (...) {
        rethrow_as_database_error(options_.db_path);
    }
    for (auto& shard : shards_) shard->start();
    if (options_.rebuild) carry_over_synonyms();
}

IndexWriter::~IndexWriter() {
    // Commit what a caller left uncommitted, unless the database failed: then the open
    // transactions are dropped with the shards, and nothing more is written to a disk that
    // may be full. A rebuild that did not finish is never published.
    if (!broken_ && !finished_) {
        try {
            commit_all(true);
        } catch (...) {  // NOLINT(bugprone-empty-catch): nothing to tell it to
        }
    }
    for (auto& shard : shards_) shard->abandon();
}

void IndexWriter::fail(const Xapian::Error& e) {
    broken_ = true;
    throw database_error(e, options_.db_path);
}

void IndexWriter::check_disk_space() const {
    // Xapian 1.4.22 can abort the process when it runs out of space in the middle of a
    // commit, so make sure the batch fits first. Glass writes changed blocks to new places
    // before freeing the old ones; 8 times the text, 2 KiB per change and 1 MiB per shard
    // covers what was measured, with room to spare. The shards share one folder.
    struct statvfs fs {};
    if (::statvfs(layout_.write_path().c_str(), &fs) != 0) return;
    const std::uintmax_t free_bytes = static_cast<std::uintmax_t>(fs.f_bavail) * fs.f_frsize;
    const std::uintmax_t needed = (std::uintmax_t{1} << 20) * shards_.size() + 8 * uncommitted_bytes_ + 2048 * uncommitted_;
    if (free_bytes >= needed) return;
    char detail[160];
    std::snprintf(detail, sizeof detail, "%.1f MB free, about %.1f MB needed to commit the last %zu changes",
                  static_cast<double>(free_bytes) / 1e6, static_cast<double>(needed) / 1e6, uncommitted_);
    throw Error(ErrorKind::Database,
                "database " + options_.db_path + ": out of disk space (" + detail +
                    "); it still holds everything committed before this",
                "free some space and run again: the next run carries on where this one stopped");
}

void IndexWriter::check_or_write_metadata(Xapian::WritableDatabase& db) {
    const std::string version = db.get_metadata(std::string(schema::kMetaSchemaVersion));
    const std::string language = db.get_metadata(std::string(schema::kMetaLanguage));
    if (version.empty() && db.get_doccount() > 0)
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
        db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
        db.set_metadata(std::string(schema::kMetaLanguage), options_.language.stemmer);
        db.set_metadata(std::string(schema::kMetaFacetSlots), "1");
        db.commit();
    }
}

Xapian::docid IndexWriter::find(const std::string& term) const {
    auto it = view_.postlist_begin(term);
    return it == view_.postlist_end(term) ? 0 : *it;
}

ShardWriter& IndexWriter::shard_for(const std::string& id_term) {
    return *shards_[shard_of(id_term, static_cast<unsigned>(shards_.size()))];
}

void IndexWriter::count_change(std::size_t text_bytes) {
    dirty_ = true;
    ++uncommitted_;
    uncommitted_bytes_ += text_bytes;
    if (uncommitted_ >= options_.batch_size || uncommitted_bytes_ >= options_.batch_bytes) commit(false);
}

IndexWriter::Stored IndexWriter::store(PreparedArticle&& article) {
    if (broken_) throw Error(ErrorKind::Database, "database " + options_.db_path + " failed earlier in this run");
    // The view does not show what was sent since the last commit; an id seen twice in one
    // batch (rare: the same record read twice) is decided after committing the first.
    if (touched_.count(article.id_term)) commit(false);
    try {
        Stored result;
        const Xapian::docid existing = find(article.id_term);
        if (existing != 0) {
            const Xapian::Document old = view_.get_document(existing);
            // Same data and a signature already there: nothing to write (the terms follow
            // from the data; a v1 document has no signature and is upgraded).
            if (schema::same_record_data(old.get_data(), article.document.get_data()) &&
                !old.get_value(schema::kSlotDupSignature).empty() == !article.signature.empty() &&
                !old.get_value(schema::kSlotDupGroup).empty()) {
                result.outcome = Outcome::Unchanged;
                return result;
            }
            result.outcome = Outcome::Replaced;
        }
        const DuplicateMatch match = find_duplicate(view_, article.signature, article.id, existing, &pending_);
        result.duplicate = match.kind;
        article.document.add_value(schema::kSlotDupGroup, match.group);
        article.document.add_boolean_term(schema::dup_group_term(match.group));
        const std::size_t weight = article.text_bytes + 4096;
        ShardWriter& shard = shard_for(article.id_term);
        if (existing != 0) {
            pending_.shadow(existing);
            shard.replace(article.id_term, std::move(article.document), weight);
        } else {
            shard.add(std::move(article.document), weight);
        }
        touched_.insert(article.id_term);
        pending_.add(std::move(article.id_term), article.signature, match.group);
        for (const auto& group : match.also) merge_group(group, match.group);
        count_change(article.text_bytes);
        return result;
    } catch (const Xapian::InvalidArgumentError& e) {
        // Something in this article Xapian cannot store: the article fails, the run goes on.
        throw ArticleRejected(e);
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

void IndexWriter::carry_over_synonyms() {
    // Before publish() the folder's stub still names the old index (all its shards).
    std::vector<std::pair<std::string, std::string>> pairs;
    try {
        if (DbLayout::live_index(options_.db_path).empty()) return;
        const Xapian::Database previous(options_.db_path);
        for (auto key = previous.synonym_keys_begin(); key != previous.synonym_keys_end(); ++key)
            for (auto value = previous.synonyms_begin(*key); value != previous.synonyms_end(*key); ++value)
                pairs.emplace_back(*key, *value);
    } catch (...) {
        rethrow_as_database_error(options_.db_path);
    }
    if (pairs.empty()) return;
    shards_.front()->run([pairs = std::move(pairs)](Xapian::WritableDatabase& db) {
        for (const auto& [key, value] : pairs) db.add_synonym(key, value);
    });
    dirty_ = true;
}

std::size_t IndexWriter::replace_synonyms(const std::vector<SynonymGroup>& groups) {
    const std::string& stemmer = options_.language.stemmer;
    std::size_t keys = 0;
    shards_.front()->run([&keys, &groups, stemmer](Xapian::WritableDatabase& db) {
        keys = store_synonyms(db, groups, stemmer == "none" ? Xapian::Stem() : Xapian::Stem(stemmer));
    });
    // The shard thread runs it in order with the rest; wait for it to hear the count.
    dirty_ = true;
    commit(false);
    return keys;
}

void IndexWriter::merge_group(const std::string& from, const std::string& into) {
    // Committed members: the shard that holds each one moves it (by id: the view's docids
    // are not the shard's). Members sent in this batch are moved the same way, in order
    // after their own add.
    const std::string from_term = schema::dup_group_term(from);
    std::vector<std::pair<Xapian::docid, std::string>> members;
    for (auto it = view_.postlist_begin(from_term); it != view_.postlist_end(from_term); ++it)
        if (!pending_.shadowed(*it)) members.emplace_back(*it, schema::stored_term(view_, *it, schema::kPrefixId));
    for (auto& [did, id_term] : members) {
        if (id_term.empty()) continue;
        pending_.regroup_committed(did, into);
        shard_for(id_term).regroup(id_term, from, into);
        count_change(0);
    }
    for (auto& id_term : pending_.regroup(from, into)) {
        shard_for(id_term).regroup(id_term, from, into);
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
        std::vector<std::pair<Xapian::docid, std::string>> stale;
        for (auto it = view_.postlist_begin(term); it != view_.postlist_end(term); ++it) {
            if (pending_.shadowed(*it)) continue;
            std::string id_term = schema::stored_term(view_, *it, schema::kPrefixId);
            if (!keep.count(id_term)) stale.emplace_back(*it, std::move(id_term));
        }
        // A one-article file's article is known by its id, the file's path, and has no
        // source file term (prepare_article); one that has names another file.
        const std::string own = schema::id_term(file);
        if (const Xapian::docid did = find(own);
            did != 0 && !pending_.shadowed(did) && !keep.count(own) && schema::stored_term(view_, did, schema::kPrefixSourceFile).empty())
            stale.emplace_back(did, own);
        for (auto& [did, id_term] : stale) {
            pending_.shadow(did);
            if (id_term.empty()) continue;  // no id: cannot be routed (never written so)
            touched_.insert(id_term);
            shard_for(id_term).remove(std::move(id_term));
            count_change(0);
        }
        return stale.size();
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

std::size_t IndexWriter::forget_file(const std::string& file) {
    const std::size_t removed = remove_stale(file, {});
    pending_states_[schema::file_state_key(file)] = std::string();
    count_change(0);
    return removed;
}

std::size_t IndexWriter::remove_article(const std::string& id) {
    try {
        const std::string term = schema::id_term(id);
        const Xapian::docid did = find(term);
        if (did == 0 || pending_.shadowed(did) || touched_.count(term)) return 0;
        pending_.shadow(did);
        touched_.insert(term);
        shard_for(term).remove(term);
        count_change(0);
        return 1;
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

std::optional<FileState> IndexWriter::file_state(const std::string& file) const {
    const std::string key = schema::file_state_key(file);
    if (auto it = pending_states_.find(key); it != pending_states_.end()) return schema::decode_file_state(key, it->second);
    if (auto it = committed_states_.find(key); it != committed_states_.end())
        return schema::decode_file_state(key, it->second);
    try {
        return schema::decode_file_state(key, view_.get_metadata(key));
    } catch (...) {
        rethrow_as_database_error(options_.db_path);
    }
}

void IndexWriter::set_file_state(const FileState& state) {
    pending_states_[schema::file_state_key(state.path)] = schema::encode_file_state(state);
    dirty_ = true;
}

void IndexWriter::wait_all() {
    try {
        for (auto& shard : shards_) shard->wait();
    } catch (const Error&) {
        broken_ = true;
        throw;
    }
}

void IndexWriter::commit_all(bool final) {
    const std::string now = now_iso();
    // A file's state must be committed with or after its articles. With one shard they
    // share a commit. With several, the states of a batch wait for the next commit of
    // shard 0, by which time every shard has committed that batch's articles: so each
    // commit is one parallel round, and a crash leaves at worst articles whose file's
    // state is missing, which the next run reads again.
    if (shards_.size() == 1) {
        for (auto& [key, value] : pending_states_) shards_[0]->set_metadata(key, value);
        pending_states_.clear();
    } else {
        for (auto& [key, value] : committed_states_) shards_[0]->set_metadata(key, value);
        committed_states_.clear();
    }
    for (auto& shard : shards_) {
        if (dirty_) shard->set_metadata(std::string(schema::kMetaLastUpdate), now);
        shard->commit(final);
    }
    wait_all();
    committed_states_ = std::move(pending_states_);
    pending_states_.clear();
    if (final && !committed_states_.empty()) {
        for (auto& [key, value] : committed_states_) shards_[0]->set_metadata(key, value);
        committed_states_.clear();
        shards_[0]->commit();
        wait_all();
    }
    pending_.clear();
    touched_.clear();
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    dirty_ = false;
    try {
        view_.reopen();
    } catch (const Xapian::Error& e) {
        fail(e);
    }
}

void IndexWriter::commit() { commit(true); }

void IndexWriter::commit(bool final) {
    if (broken_) throw Error(ErrorKind::Database, "database " + options_.db_path + " failed earlier in this run");
    if (dirty_) {
        try {
            check_disk_space();
        } catch (const Error&) {
            broken_ = true;
            throw;
        }
    }
    commit_all(final);
}

Xapian::doccount IndexWriter::document_count() {
    if (dirty_ || !committed_states_.empty()) commit();
    return view_.get_doccount();
}

const Xapian::Database& IndexWriter::database() {
    if (dirty_ || !committed_states_.empty()) commit();
    return view_;
}

void IndexWriter::finish(bool allow_compaction) {
    commit();
    finished_ = true;
    // Make the new generation durable before searchers are pointed at it.
    for (auto& shard : shards_) shard->close();
    if (options_.compact && allow_compaction && layout_.fresh())
        compact_and_publish();
    else if (layout_.rebuilding())
        layout_.publish();
}

void IndexWriter::compact_and_publish() {
    const unsigned shards = std::max(1u, options_.shards);
    const std::vector<std::string> errors = compact_into(layout_.write_paths(), layout_.compaction_paths(shards));
    if (!errors.empty())
        throw Error(ErrorKind::Database, "database " + options_.db_path + ": compaction failed: " + errors.front(),
                    "run again with --no-compact; the uncompacted index was not switched to");
    view_.close();
    layout_.publish_compacted(shards);
    try {
        view_ = Xapian::Database();
        for (const auto& path : layout_.write_paths()) view_.add_database(Xapian::Database(path));
    } catch (...) {
        rethrow_as_database_error(options_.db_path);
    }
}

}  // namespace newsdex
