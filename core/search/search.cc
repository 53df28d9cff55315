#include "core/search/search.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>

#include "core/error.h"
#include "core/search/language_snippets.h"
#include "core/search/more_like_this.h"
#include "core/search/multilingual.h"
#include "core/search/query_syntax.h"
#include "core/search/recency.h"
#include "core/db/remote_db.h"
#include "core/schema.h"
#include "core/search/spelling.h"
#include "core/search/tie_break.h"
#include "core/search/weighting.h"

namespace newsdex {

namespace {

Xapian::Database open_readonly(const std::string& path) {
    if (const auto remote = parse_remote(path)) {
        return with_xapian(path, [&] { return open_remote(*remote); });
    }
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw Error(ErrorKind::Database, "no database at " + path,
                    "create one with: newsdex-index --db " + path + " PATH...");
    // `newsdex-index --rebuild` switches the folder's stub to a new index and removes the
    // old one; opening exactly then can find the old one gone: open again.
    return with_xapian(path, [&] {
        return retry_reopening<Xapian::DatabaseOpeningError>([&] { return Xapian::Database(path); }, [] {});
    });
}

/// What a database says of itself: its schema version and stemming language.
struct DatabaseFacts {
    std::string schema_version;  ///< "" when it says nothing (not made by Newsdex)
    std::string stemmer;
    bool from_metadata = true;   ///< false: read from the articles (a remote database)
};

DatabaseFacts facts_of(const Xapian::Database& db) {
    DatabaseFacts facts{db.get_metadata(std::string(schema::kMetaSchemaVersion)),
                        db.get_metadata(std::string(schema::kMetaLanguage)), true};
    if (!facts.schema_version.empty()) return facts;
    // xapian-tcpsrv serves no metadata: every article carries the same facts as a term.
    const std::string prefix(schema::kPrefixDatabase);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        if (const auto term = schema::parse_database_term(*it)) return {term->schema_version, term->stemmer, false};
    return facts;
}

/// The stemming language a database was built with; throws unless Newsdex of this version made it.
DatabaseFacts checked_facts(const Xapian::Database& db, const std::string& path) {
    const DatabaseFacts facts = facts_of(db);
    const std::string& version = facts.schema_version;
    if (version.empty() && db.get_doccount() > 0)
        throw Error(ErrorKind::Database, "database " + path + " was not made by newsdex-index" +
                                             (names_remote(path) ? " (or by a version before remote search)" : ""));
    if (!version.empty() && version != std::to_string(schema::kSchemaVersion))
        throw Error(ErrorKind::Database,
                    "database " + path + " has schema version " + version + "; this newsdex-search reads version " +
                        std::to_string(schema::kSchemaVersion),
                    "rebuild it with newsdex-index into a new --db");
    return facts;
}

std::string joined(const std::vector<std::string>& paths) {
    std::string out;
    for (const auto& p : paths) out += (out.empty() ? "" : ", ") + p;
    return out;
}

/// One ranked run of the search: the articles holding every word, or those holding some.
struct Part {
    Xapian::Query query;
    bool all_words = true;
};

/// Hits for `page`, ranked from first_rank; snippets, when wanted, come from `snippets`.
void append_hits(const std::vector<PageHit>& page, Xapian::doccount first_rank, bool all_words,
                 const LanguageSnippets* snippets, const SearchRequest& request, std::vector<Hit>& hits) {
    for (std::size_t i = 0; i < page.size(); ++i) {
        Hit hit;
        if (request.collapse) hit.similar = page[i].similar;
        hit.rank = first_rank + static_cast<Xapian::doccount>(i);
        hit.score = page[i].weight;
        hit.all_words = all_words;
        hit.article = schema::decode_data(page[i].document.get_data());
        if (snippets) {
            const SnippetMaker& maker = snippets->for_language(hit.article.language);
            hit.title = maker.title(hit.article.title);
            Snippet snippet = maker.body(hit.article.body_text());
            hit.snippet = join_fragments(snippet.fragments);
            hit.fragments = std::move(snippet.fragments);
            hit.snippet_from_lead = snippet.from_lead;
        } else {
            hit.title = {Span{hit.article.title, false}};
        }
        hits.push_back(std::move(hit));
    }
}

/// Matches left after collapsing, from a spy on the group slot that saw every match: one
/// per group, and one per article without a group (Xapian never collapses those).
Xapian::doccount collapsed_count(const Xapian::ValueCountMatchSpy& groups) {
    Xapian::doccount distinct = 0, grouped = 0;
    for (auto it = groups.values_begin(); it != groups.values_end(); ++it) {
        ++distinct;
        grouped += it.get_termfreq();
    }
    return distinct + (static_cast<Xapian::doccount>(groups.get_total()) - grouped);
}

/// "in*" from Xapian's "Wildcard in* expands to more than 1000 terms".
std::string wildcard_of(const std::string& message) {
    const std::string head = "Wildcard ";
    const auto end = message.find(" expands");
    if (message.rfind(head, 0) == 0 && end != std::string::npos) return message.substr(head.size(), end - head.size());
    return "a wildcard";
}

}  // namespace

void Searcher::mark_every_word(const Xapian::Query& every_word, Xapian::doccount check, Xapian::doccount page_end,
                               SearchResults& results) {
    // How many hold every word: exact when fewer than a page and one, or when every match
    // is checked; else Xapian's estimate within its bounds.
    Xapian::Enquire count(db_);
    count.set_weighting_scheme(Xapian::BoolWeight());
    count.set_query(every_word);
    const Xapian::doccount asked = page_end + 1;
    const Xapian::MSet counted = count.get_mset(0, asked, check);
    const Xapian::doccount counted_total =
        counted.size() < asked ? counted.size()
                               : std::clamp(counted.get_matches_estimated(), counted.get_matches_lower_bound(),
                                            std::max(counted.get_matches_lower_bound(), counted.get_matches_upper_bound()));
    results.total_all_words = std::min(counted_total, results.total);
    // Which hits on the page hold every word: the page's articles that match it.
    std::vector<Xapian::Query> ids;
    for (const auto& hit : results.hits) ids.emplace_back(schema::id_term(hit.article.id));
    if (!ids.empty()) {
        Xapian::Enquire page(db_);
        page.set_weighting_scheme(Xapian::BoolWeight());
        page.set_query(Xapian::Query(Xapian::Query::OP_FILTER, every_word,
                                     Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
        std::vector<std::string> holding;
        const Xapian::MSet matched = page.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
        for (auto it = matched.begin(); it != matched.end(); ++it)
            holding.push_back(schema::stored_term(db_, *it, schema::kPrefixId));
        for (auto& hit : results.hits)
            hit.all_words = std::find(holding.begin(), holding.end(), schema::id_term(hit.article.id)) != holding.end() ||
                            std::find(holding.begin(), holding.end(), hit.article.id) != holding.end();
    }
    results.partial = results.total_all_words < results.total ||
                      std::any_of(results.hits.begin(), results.hits.end(), [](const Hit& h) { return !h.all_words; });
}

Searcher::Searcher(const std::string& db_path) : Searcher(std::vector<std::string>{db_path}) {}

Searcher::Searcher(const std::vector<std::string>& db_paths) : db_label_(joined(db_paths)) {
    if (db_paths.empty()) throw Error(ErrorKind::Usage, "no database given");
    std::vector<Xapian::Database> shards;
    for (const auto& path : db_paths) shards.push_back(open_readonly(path));
    // Opened just as an indexer committed twice: read the newest revision instead.
    with_xapian(db_label_, [&] {
        retry_reopening([&] { read_metadata(db_paths, shards); }, [&] {
            for (auto& shard : shards) shard.reopen();
        });
    });
    for (const auto& shard : shards) db_.add_database(shard);
}

void Searcher::read_metadata(const std::vector<std::string>& db_paths, const std::vector<Xapian::Database>& shards) {
    stemmer_name_.clear();
    facet_slots_ = true;
    remote_parts_ = false;
    for (std::size_t i = 0; i < shards.size(); ++i) {
        const std::string& path = db_paths[i];
        try {
            const DatabaseFacts facts = checked_facts(shards[i], path);
            const std::string& language = facts.stemmer;
            // Through a remote part Xapian gives no spelling data and, for a stub that
            // starts with one, no metadata: read both from the articles instead.
            if (!facts.from_metadata || names_remote(path)) remote_parts_ = true;
            // The first database's language reads articles without an L term; the others'
            // articles are read in their own languages (multilingual.h).
            if (!language.empty() && stemmer_name_.empty()) stemmer_name_ = language;
            // Articles carrying the database term were all made with the facet slots.
            if (shards[i].get_doccount() > 0 && facts.from_metadata &&
                shards[i].get_metadata(std::string(schema::kMetaFacetSlots)).empty())
                facet_slots_ = false;
        } catch (const Xapian::DatabaseModifiedError&) {
            throw;
        } catch (...) {
            rethrow_as_database_error(path);
        }
    }
    if (stemmer_name_.empty()) stemmer_name_ = "english";
}

Searcher::~Searcher() = default;

SearchResults Searcher::search(const SearchRequest& request) {
    // An indexer committing twice during our search invalidates what we read: reopen, retry.
    for (int attempt = 0;; ++attempt) {
        try {
            languages_ = stemming_languages(db_, stemmer_name_);
            SearchResults results = run(request, request.query);
            const bool has_words = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
            if (!has_words || !request.like_id.empty()) return results;
            const SpellingSuggestion spelling =
                suggest_spelling(read_prose(request.query).text, db_, stemmers_of(languages_), remote_parts_);
            const std::string& suggestion = spelling.text;
            if (suggestion.empty()) return results;
            if (request.correct_spelling && spelling.searchable && results.total_all_words == 0) {
                SearchResults corrected = run(request, suggestion);
                if (corrected.total_all_words > 0 || (results.total == 0 && corrected.total > 0)) {
                    corrected.corrected_from = request.query;
                    return corrected;
                }
            }
            // `Ukrain` found as written: nothing to suggest.
            if (!(spelling.case_only && results.total_all_words > 0)) results.suggestion = suggestion;
            return results;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 20) throw database_error(e, db_label_);
            db_.reopen();
        } catch (const Xapian::WildcardError& e) {
            throw query_error(request.query, "the wildcard " + wildcard_of(e.get_msg()) + " matches more than " +
                                                 std::to_string(request.query_options.wildcard_limit) +
                                                 " words; put more letters before the *");
        } catch (const Xapian::Error& e) {
            throw database_error(e, db_label_);
        }
    }
}

bool Searcher::reopen() {
    try {
        return db_.reopen();
    } catch (const Xapian::Error& e) {
        throw database_error(e, db_label_);
    }
}

std::optional<ArticleView> Searcher::article(const std::string& id, const std::string& query,
                                             const QueryOptions& options) {
    for (int attempt = 0;; ++attempt) {
        try {
            const std::string term = schema::id_term(id);
            const auto it = db_.postlist_begin(term);
            if (it == db_.postlist_end(term)) return std::nullopt;
            ArticleView view;
            view.article = schema::decode_data(db_.get_document(*it).get_data());
            const std::string body = view.article.body_text();
            if (query.find_first_not_of(" \t\r\n") == std::string::npos) {
                view.title = {Span{view.article.title, false}};
                view.body = {Span{body, false}};
                return view;
            }
            QueryBuilder builder(db_, stemmer_name_, options);
            // One passage as long as the body: all of it, its matches marked.
            const SnippetMaker marks(builder.parse(query, Xapian::Query::OP_OR), builder.stemmer(), &db_,
                                     SnippetOptions{.fragments = 1,
                                                    .fragment_chars = body.size() + 2,
                                                    .max_scan_bytes = body.size() + 1});
            view.title = marks.title(view.article.title);
            const Snippet snippet = marks.body(body);
            view.body = snippet.from_lead || snippet.fragments.empty() ? MarkedText{Span{body, false}}
                                                                       : snippet.fragments.front().text;
            return view;
        } catch (const Xapian::DatabaseModifiedError& e) {
            if (attempt >= 20) throw database_error(e, db_label_);
            db_.reopen();
        } catch (const Xapian::Error& e) {
            throw database_error(e, db_label_);
        }
    }
}

SearchResults Searcher::run(const SearchRequest& request, const std::string& query) {
    using Q = Xapian::Query;
    MultilingualQueryBuilder builder(db_, languages_, request.query_options);
    SearchResults results;
    results.query = query;
    results.offset = request.offset;
    const bool has_words = query.find_first_not_of(" \t\r\n") != std::string::npos;

    // Prose pasted as a query: stray brackets and quotes are plain text; capitals fold.
    const ProseQuery prose = read_prose(query);
    const std::string searched = fold_capitals(prose.text);
    std::vector<Part> parts;
    Q highlight;  // what snippets mark
    QueryWords words;
    std::optional<Q> every_word;  // the query with every word required, when that differs
    if (!request.like_id.empty()) {
        LikeQuery like = more_like_this(db_, request.like_id, builder.stemmer());
        results.like_id = like.id;
        results.like_words = like.words;
        highlight = like.query;
        // The query's words choose among the similar articles; similarity alone ranks them.
        parts.push_back({has_words ? Q(Q::OP_FILTER, like.query, builder.parse(searched, Q::OP_AND)) : like.query, true});
    } else if (has_words) {
        const Q all_words = builder.parse(searched, Q::OP_AND);
        const Q any_word = builder.parse(searched, Q::OP_OR);
        // Highlight from the any-word form: partial matches are shown with what they hold.
        highlight = any_word;
        // One ranking (core/search/ranking.h): articles holding more of the words rank
        // higher, decisively so for 2-3 words; which hold every word is told afterwards.
        words = query_words(any_word, [&builder](const std::string& term) { return builder.primary().unstem(term); });
        parts.push_back({soft_query(any_word, all_words, words, request.ranking), true});
        if (all_words.serialise() != any_word.serialise()) every_word = all_words;
    } else {
        parts.push_back({Q::MatchAll, true});
    }
    results.notes = builder.notes();
    results.literal = prose.literal;
    if (!prose.literal.empty() && has_words) results.notes.push_back(literal_note(prose.literal));
    if (!facet_slots_ && !request.facets.empty())
        results.notes.push_back("this database was built before facets were recorded, so its older articles are "
                                "not counted; rebuild it (newsdex-index --rebuild) for complete facets");
    std::optional<LanguageSnippets> snippets;
    if (request.snippets)
        snippets.emplace(highlight, request.like_id.empty() ? &builder : nullptr, languages_, &db_,
                         SnippetOptions{.fragments = request.fragments, .fragment_chars = request.snippet_length});
    results.collapsed = request.collapse;
    if (!request.group_of.empty()) {
        // The group's articles share the XDUP term of its key; an article without one is alone.
        const std::string id_term = schema::id_term(request.group_of);
        const auto it = db_.postlist_begin(id_term);
        if (it == db_.postlist_end(id_term))
            throw Error(ErrorKind::Usage, "no article with id " + request.group_of + " in the index");
        const std::string key = db_.get_document(*it).get_value(schema::kSlotDupGroup);
        const Q group = key.empty() ? Q(id_term) : Q(schema::dup_group_term(key));
        for (auto& part : parts) part.query = Q(Q::OP_FILTER, part.query, group);
    }
    if (!request.dates.from.empty() || !request.dates.to.empty()) {
        const Q in_range = day_range_query(request.dates, db_);
        for (auto& part : parts) part.query = Q(Q::OP_FILTER, part.query, in_range);
        if (every_word) every_word = Q(Q::OP_FILTER, *every_word, in_range);
    }
    const std::unique_ptr<Xapian::Weight> weighting =
        parse_weighting(request.weighting.empty() ? kDefaultWeighting : std::string_view(request.weighting));
    // Feedback from the top-ranked articles, when ranking by relevance.
    const bool by_date = request.sort == SortOrder::Newest || request.sort == SortOrder::Oldest;
    if (!words.terms.empty() && !by_date)
        parts.front().query = with_feedback(parts.front().query, words, db_, *weighting, request.ranking,
                                            builder.stemmer());
    results.sort = request.sort.value_or(has_words || !request.like_id.empty() ? SortOrder::Relevance
                                                                               : SortOrder::Newest);
    if (!request.sort && results.sort == SortOrder::Relevance) {
        // Filters alone (author:Connolly, date:2024) rank every match equally: list newest first.
        Xapian::Enquire probe(db_);
        probe.set_weighting_scheme(*parse_weighting(kDefaultWeighting));
        probe.set_query(parts.front().query);
        if (!(probe.get_mset(0, 0).get_max_possible() > 0)) results.sort = SortOrder::Newest;
    }

    std::vector<std::unique_ptr<FacetCounter>> counters;
    for (const FacetKind kind : request.facets)
        if (std::none_of(counters.begin(), counters.end(), [kind](const auto& c) { return c->kind() == kind; }))
            counters.push_back(std::make_unique<FacetCounter>(kind));
    std::optional<TimelineCounter> timeline;
    if (request.timeline) timeline.emplace();
    // Xapian counts exactly, and lets match spies see every match, only when told to look
    // at as many documents as there are.
    const Xapian::doccount doccount = db_.get_doccount();
    const Xapian::doccount check = request.exact_total || !counters.empty() || timeline ? doccount : 0;
    // This page is [page_begin, page_end) of the whole ranking; 64-bit sums, capped at the
    // number of articles, so a huge --offset or --limit neither wraps nor allocates.
    const auto page_end = static_cast<Xapian::doccount>(
        std::min<std::uint64_t>(std::uint64_t{request.offset} + request.limit, doccount));
    const Xapian::doccount page_begin = std::min(request.offset, page_end);

    if (results.sort == SortOrder::Oldest) {
        // Oldest first, undated articles last: ascending by date would put them (an empty
        // value) first, and a key maker that fixes that is unknown to remote servers. So
        // each part runs twice: its dated articles, then its undated ones.
        const Q dated(Q::OP_VALUE_GE, schema::kSlotDate, "0");
        std::vector<Part> split;
        for (const auto& part : parts) {
            split.push_back({Q(Q::OP_FILTER, part.query, dated), part.all_words});
            split.push_back({Q(Q::OP_AND_NOT, part.query, dated), part.all_words});
        }
        parts = std::move(split);
    }
    Xapian::doccount before = 0;   // matches of the parts already ranked (exact while ranking goes on)
    bool ranking = true;           // this page still has room for the next part's hits
    for (const auto& part : parts) {
        Xapian::Enquire enquire(db_);
        enquire.set_weighting_scheme(*weighting);
        Q query_to_run = part.query;
        SortOrder sort = results.sort;
        if (sort == SortOrder::Recent) {
            enquire.set_query(part.query);
            const double best = enquire.get_mset(0, 1).get_max_attained();
            if (best > 0)
                query_to_run = with_recency_bonus(part.query, db_, request.query_options.today,
                                                  request.recency_half_life_days, best);
            else
                sort = SortOrder::Newest;  // nothing to rank by relevance (a pure filter)
        }
        if (sort == SortOrder::Newest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, true);
        if (sort == SortOrder::Oldest) enquire.set_sort_by_value_then_relevance(schema::kSlotDate, false);
        enquire.set_query(query_to_run);
        if (request.collapse) enquire.set_collapse_key(schema::kSlotDupGroup);
        for (const auto& counter : counters) enquire.add_matchspy(counter.get());
        if (timeline) enquire.add_matchspy(&*timeline);
        if (request.time_limit > 0) enquire.set_time_limit(request.time_limit);
        // Collapsing makes Xapian's counts unreliable unless every match is kept (1.4.22
        // estimated 30 of 24 articles). Rather than hold every match, count exactly by
        // the groups among them: a spy sees every match when check covers the database.
        Xapian::ValueCountMatchSpy groups(schema::kSlotDupGroup);
        const bool count_groups = request.collapse && check > 0;
        if (count_groups) enquire.add_matchspy(&groups);

        // Fetch the ranking from its start to the end of the page: a part that runs out
        // before the page ends is thereby counted exactly, and the next part follows it.
        const Xapian::doccount need = ranking && page_end > before ? page_end - before : 0;
        // One item past the page tells whether the next hit weighs the same as the last.
        const Xapian::doccount asked = need > 0 ? need + 1 : 0;
        const Xapian::MSet mset = enquire.get_mset(0, asked, check);
        if (ranking) {
            const Xapian::doccount from = page_begin > before ? page_begin - before : 0;
            // Hits of equal relevance are ranked (and each group represented) by a hash of
            // their ids, not by docid, so that one database and its shards agree (see
            // core/search/tie_break.h). A tie at the page's edge needs a second ranking, without
            // the spies (counts come from the first); other ties are settled on the page.
            const bool by_relevance = sort == SortOrder::Relevance || sort == SortOrder::Recent;
            const bool rerank = by_relevance && need > 0 && !mset.empty() &&
                                (remote_parts_ || tie_at_page_edge(mset, from, need));
            std::vector<PageHit> page;
            if (rerank) {
                Xapian::Enquire tied(db_);
                tied.set_weighting_scheme(*weighting);
                tied.set_query(with_tie_break(query_to_run));
                if (request.collapse) tied.set_collapse_key(schema::kSlotDupGroup);
                // What can reach this page weighs at least its last hit (the tie-break only
                // adds): a cutoff there lets Xapian pass over everything lighter.
                // (Not when it would be 0 or less: xapian-tcpsrv drops the connection.)
                const double lightest = mset[std::min(need, mset.size()) - 1].get_weight();
                const double cutoff = lightest - std::max(1e-6, lightest * 1e-9);
                if (cutoff > 0) tied.set_cutoff(0, cutoff);
                page = page_hits(tied.get_mset(0, need), from, need, db_, remote_parts_);
            } else {
                page = page_hits(mset, from, need, db_, remote_parts_);
            }
            if (request.collapse) settle_groups(db_, query_to_run, *weighting, by_relevance && !rerank, page);
            if (by_relevance && !rerank) order_ties(page);
            append_hits(page, before + from + 1, part.all_words, snippets ? &*snippets : nullptr, request,
                        results.hits);
        }
        // Fewer matches than asked for: they are all here, however Xapian's bounds read
        // (with collapsing they stay loose). Otherwise folding never adds matches: keep the
        // estimate within what the uncollapsed count allows.
        const bool all_held = mset.size() < asked;
        const Xapian::doccount exact = count_groups ? collapsed_count(groups) : 0;
        const Xapian::doccount lower = count_groups ? exact : all_held ? mset.size() : mset.get_matches_lower_bound();
        const Xapian::doccount upper =
            count_groups ? exact
            : all_held   ? mset.size()
                         : std::min(mset.get_matches_upper_bound(), mset.get_uncollapsed_matches_upper_bound());
        const Xapian::doccount estimated = std::clamp(
            std::min(mset.get_matches_estimated(), mset.get_uncollapsed_matches_estimated()), lower, std::max(lower, upper));
        results.total += estimated;
        results.total_lower += lower;
        results.total_upper += std::max(lower, upper);
        if (part.all_words) {
            results.total_all_words += estimated;
            results.total_all_words_exact = results.total_all_words_exact && lower == upper;
        }
        if (!part.all_words && estimated > 0) results.partial = true;
        const Xapian::doccount held = std::min<Xapian::doccount>(mset.size(), need);
        ranking = ranking && held < need;
        before += held;
    }
    if (every_word) mark_every_word(*every_word, check, page_end, results);
    // Every spy saw every match of every part (before collapsing); remote servers add
    // their spies' totals to ours, where Xapian's uncollapsed estimates stay local.
    if (!counters.empty()) results.facet_total = static_cast<Xapian::doccount>(counters.front()->get_total());
    for (const auto& counter : counters) results.facets.push_back(counter->result(request.facet_limit));
    if (timeline) results.timeline = timeline->result(request.timeline_unit);
    return results;
}

}  // namespace newsdex
