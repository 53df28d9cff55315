#include "core/search.h"

#include <filesystem>

#include "core/error.h"
#include "core/query.h"
#include "core/schema.h"
#include "core/weighting.h"

namespace newsdex {

namespace {

/// Scale of the tie-break weight: far below any difference between real weights, far
/// above double rounding at their size.
constexpr double kTieBreakScale = 1e-9;

/// `query` with a tiny weight from kSlotTieBreak added: hits of equal relevance are then
/// ordered (and duplicate groups represented) by a hash of their ids rather than by
/// docid, so one database and its shards give the same results. It changes no match
/// (an article without the value, indexed before it existed, adds 0), but it makes
/// Xapian's estimated totals worse (so does sorting by relevance then value): totals
/// come from the query without it, and it is used only when ties_possible().
Xapian::Query with_tie_break(const Xapian::Query& query) {
    if (query.empty()) return query;
    const Xapian::Query tie((new Xapian::ValueWeightPostingSource(schema::kSlotTieBreak))->release());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, tie, kTieBreakScale));
}

Xapian::Database open_readonly(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::Database, "no database at " + path,
                    "create one with: newsdex-index --db " + path + " PATH...");
    // `newsdex-index --rebuild` switches the folder's stub to a new index and removes the
    // old one; opening exactly then can find the old one gone: open again.
    for (int attempt = 0;; ++attempt) {
        try {
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseOpeningError& e) {
            if (attempt >= 3) throw database_error(e, path);
        } catch (const Xapian::Error& e) {
            throw database_error(e, path);
        }
    }
}

/// How many other articles of `hit`'s duplicate group match `query`. Xapian's collapse
/// count is only a lower bound, so count them exactly (a few hits, a filtered query).
/// Not even its zero can be trusted: whether the matcher meets a hidden copy depends on
/// docids (which differ between one database and shards), so only the group's size can
/// tell that there is nothing to count.
Xapian::doccount similar_count(const Xapian::Database& db, const Xapian::Query& query,
                               const Xapian::MSetIterator& hit) {
    const std::string group_term = schema::dup_group_term(hit.get_collapse_key());
    if (hit.get_collapse_count() == 0 && db.get_termfreq(group_term) <= 1) return 0;
    const Xapian::Query group(Xapian::Query::OP_FILTER, query, Xapian::Query(group_term));
    Xapian::Enquire count(db);
    count.set_query(group);
    const Xapian::doccount members = count.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return members > 0 ? members - 1 : 0;
}

/// Appends hits from `mset` ranked from `first_rank`, all_words as given.
void append_hits(const Xapian::MSet& mset, const SnippetMaker& snippets, const SearchRequest& request,
                 Xapian::doccount first_rank, bool all_words, std::vector<Hit>& hits,
                 const Xapian::Database& db, const Xapian::Query& query) {
    Xapian::doccount rank = first_rank;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        if (request.collapse) hit.similar = similar_count(db, query, it);
        hit.rank = rank++;
        hit.score = it.get_weight();
        hit.all_words = all_words;
        hit.article = schema::decode_data(it.get_document().get_data());
        if (request.snippets) {
            hit.title = snippets.title(hit.article.title);
            Snippet snippet = snippets.body(hit.article.body_text());
            hit.snippet = join_fragments(snippet.fragments);
            hit.fragments = std::move(snippet.fragments);
            hit.snippet_from_lead = snippet.from_lead;
        } else {
            hit.title = {Span{hit.article.title, false}};
        }
        hits.push_back(std::move(hit));
    }
}

/// Whether the order or the representatives of `mset` could depend on docids: two hits
/// of equal weight, or a collapsed group (its hidden copies may weigh the same).
bool ties_possible(const Xapian::MSet& mset) {
    double previous = -1;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        if (it.get_collapse_count() > 0 || it.get_weight() == previous) return true;
        previous = it.get_weight();
    }
    return false;
}

}  // namespace

Searcher::Searcher(const std::string& db_path) : db_path_(db_path), db_(open_readonly(db_path)) {
    for (int attempt = 0;; ++attempt) {
        try {
            read_metadata();
            return;
        } catch (const Xapian::DatabaseModifiedError& e) {
            // Opened just as an indexer committed twice: read the newest revision instead.
            if (attempt >= 20) throw database_error(e, db_path_);
            db_.reopen();
        }
    }
}

void Searcher::read_metadata() {
    const std::string& db_path = db_path_;
    try {
        const std::string version = db_.get_metadata(std::string(schema::kMetaSchemaVersion));
        if (version.empty() && db_.get_doccount() > 0)
            throw Error(ErrorKind::Database, "database " + db_path + " was not made by newsdex-index");
        if (!version.empty() && version != std::to_string(schema::kSchemaVersion))
            throw Error(ErrorKind::Database,
                        "database " + db_path + " has schema version " + version +
                            "; this newsdex-search reads version " + std::to_string(schema::kSchemaVersion),
                        "rebuild it with newsdex-index into a new --db");
        stemmer_name_ = db_.get_metadata(std::string(schema::kMetaLanguage));
        if (stemmer_name_.empty()) stemmer_name_ = "english";
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;
    } catch (const Xapian::Error& e) {
        throw database_error(e, db_path);
    }
}

Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& request) {
    // An indexer committing twice during our search invalidates what we read: reopen, retry.
    // A busy indexer with small batches can do that several times in a row.
    for (int attempt = 0;; ++attempt) {
        try {
            return run(request);
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 20) throw database_error(e, db_path_);
            db_.reopen();
        } catch (const Xapian::Error& e) {
            throw database_error(e, db_path_);
        }
    }
}

SearchResults Searcher::run(const SearchRequest& request) {
    QueryBuilder builder(db_, stemmer_name_);
    const Xapian::Query all_words = builder.parse(request.query, Xapian::Query::OP_AND);
    const Xapian::Query any_word = builder.parse(request.query, Xapian::Query::OP_OR);
    // Highlight from the any-word form: partial matches are shown with what they hold.
    const SnippetMaker snippets(any_word, builder.stemmer(), &db_, {.fragments = request.fragments, .fragment_chars = request.snippet_length});

    SearchResults results;
    results.query = request.query;
    results.offset = request.offset;
    const Xapian::doccount wanted = request.offset + request.limit;

    Xapian::Enquire enquire(db_);
    enquire.set_weighting_scheme(
        *parse_weighting(request.weighting.empty() ? kDefaultWeighting : std::string_view(request.weighting)));
    enquire.set_query(all_words);
    results.collapsed = request.collapse;
    if (request.collapse) enquire.set_collapse_key(schema::kSlotDupGroup);
    // Ask for the whole first part of the ranking: whether the all-words matches run out
    // before this page ends decides where the partial matches start.
    const Xapian::MSet full = enquire.get_mset(0, wanted);
    results.total = full.get_matches_estimated();
    results.total_lower = full.get_matches_lower_bound();
    results.total_upper = full.get_matches_upper_bound();

    if (request.offset < full.size()) {
        if (ties_possible(full)) enquire.set_query(with_tie_break(all_words));
        const Xapian::MSet page = enquire.get_mset(request.offset, request.limit);
        append_hits(page, snippets, request, request.offset + 1, true, results.hits, db_, all_words);
    }
    const bool same_query = all_words.serialise() == any_word.serialise();
    if (full.size() >= wanted || same_query) return results;

    // Fewer articles hold every word than this page needs: follow them with the best of
    // those holding some of the words.
    const Xapian::doccount exact_all = full.size();
    const Xapian::Query rest(Xapian::Query::OP_AND_NOT, any_word, all_words);
    enquire.set_query(rest);
    const Xapian::doccount rest_first = request.offset > exact_all ? request.offset - exact_all : 0;
    const Xapian::doccount rest_count = wanted - std::max(request.offset, exact_all);
    Xapian::MSet partial = enquire.get_mset(rest_first, rest_count);
    const Xapian::MSet partial_totals = partial;
    if (ties_possible(partial)) {
        enquire.set_query(with_tie_break(rest));
        partial = enquire.get_mset(rest_first, rest_count);
    }
    results.partial = partial_totals.get_matches_estimated() > 0;
    results.total = exact_all + partial_totals.get_matches_estimated();
    results.total_lower = exact_all + partial_totals.get_matches_lower_bound();
    results.total_upper = exact_all + partial_totals.get_matches_upper_bound();
    append_hits(partial, snippets, request, exact_all + rest_first + 1, false, results.hits, db_, rest);
    return results;
}

}  // namespace newsdex
