/** @file @brief Running a query against one or more Newsdex databases: ranked hits with
 *  snippets, filters, sorting, facets, spelling correction and more-like-this. */
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/article/article.h"
#include "core/search/date_filter.h"
#include "core/search/facets.h"
#include "core/search/multilingual.h"
#include "core/search/prose_query.h"
#include "core/search/query.h"
#include "core/search/ranking.h"
#include "core/search/timeline.h"
#include "core/snippets/snippet.h"

namespace newsdex {

enum class SortOrder {
    Relevance,  ///< best match first
    Newest,     ///< by date, newest first (undated articles last), then by relevance
    Oldest,     ///< by date, oldest first (undated articles last), then by relevance
    Recent,     ///< relevance plus a bonus for newer articles (see core/search/recency.h)
};

struct SearchRequest {
    std::string query;                  ///< may be empty with like_id or dates: everything matches
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    std::size_t snippet_length = SnippetOptions{}.fragment_chars;  ///< characters per snippet fragment
    /// Show one article per duplicate group (exact and near-duplicates), the best-ranked;
    /// false shows every copy.
    bool collapse = true;
    std::size_t fragments = SnippetOptions{}.fragments;            ///< snippet fragments per hit, at most
    /// Unset: Relevance, or Newest when nothing ranks by relevance (no query words and no
    /// like_id, or a query of filters only such as `author:Connolly date:2024`).
    std::optional<SortOrder> sort{};
    double recency_half_life_days = 30;  ///< for SortOrder::Recent
    DayRange dates{};                   ///< --since/--until; open ends are unbounded
    std::vector<FacetKind> facets{};    ///< counted over all matches
    std::size_t facet_limit = 10;       ///< values per facet (0: all)
    std::string like_id{};              ///< more like this article (an id or indexed path)
    bool exact_total = false;           ///< count every match exactly, not Xapian's estimate
    /// False leaves Hit::snippet empty and Hit::title unmarked: for programs that need
    /// only the ranking (a 1000-hit ranking is then several times faster).
    bool snippets = true;
    bool correct_spelling = true;       ///< when nothing holds every word, search the suggestion
    QueryOptions query_options{};
    /// Ranking scheme, as parse_weighting() reads it; empty for kDefaultWeighting.
    std::string weighting{};
    /// Count the matches by period (SearchResults::timeline), in timeline_unit or the
    /// unit that fits their span.
    bool timeline = false;
    std::optional<TimelineUnit> timeline_unit{};
    /// Only the duplicate group of the article with this id (its exact and near copies),
    /// for expanding a hit's "+N similar"; Error(Usage) for an unknown id.
    std::string group_of{};
    /// Seconds the matcher may spend on each ranking (Xapian's Enquire::set_time_limit;
    /// counts past it are estimates); 0: no limit.
    double time_limit = 0;
    /// Coordination, proximity and feedback (core/search/ranking.h).
    RankingOptions ranking{};
};

struct Hit {
    Xapian::doccount rank = 0;   ///< 1-based, counting from the first result of all pages
    double score = 0;
    bool all_words = true;       ///< false for a best partial match
    Article article;             ///< as stored (body included)
    MarkedText title;            ///< title with matched words marked
    MarkedText snippet;          ///< best passages joined by " … ", matched words marked
    /// Other articles of its duplicate group that also match, hidden by collapsing.
    Xapian::doccount similar = 0;
    std::vector<Fragment> fragments;  ///< the passages of `snippet`, each with its place in the body
    bool snippet_from_lead = false;   ///< nothing in the body matched: `snippet` is the lead
};

struct SearchResults {
    std::string query;                 ///< the query searched (the correction, if one was searched)
    Xapian::doccount offset = 0;
    /// Matches in all: the articles holding every word and then, when the query's words
    /// are joined by the default operator, those holding only some of them. Xapian's
    /// estimate unless total_lower == total_upper.
    Xapian::doccount total = 0;
    Xapian::doccount total_lower = 0;  ///< bounds of that estimate; equal when exact
    Xapian::doccount total_upper = 0;
    Xapian::doccount total_all_words = 0;  ///< of those, the ones holding every word (estimate likewise)
    bool total_all_words_exact = true;     ///< total_all_words is a count, not an estimate
    /// True when articles holding only some of the words are among the matches (after
    /// those holding every word, or instead of them when there are none).
    bool partial = false;
    bool collapsed = false;  ///< duplicates were collapsed (SearchRequest::collapse)
    std::vector<Hit> hits;

    SortOrder sort = SortOrder::Relevance;        ///< the order used
    std::string suggestion;                       ///< "Did you mean" (not searched), or ""
    std::string corrected_from;                   ///< the user's query when `query` is its correction
    std::vector<Facet> facets;                    ///< in the order asked
    /// The articles the facets counted: every match, copies folded by collapsing
    /// included (Xapian's match spies see matches before collapsing), so it can exceed total.
    Xapian::doccount facet_total = 0;
    std::string like_id;                          ///< the article more-like-this started from
    std::vector<std::string> like_words;          ///< the terms it was represented by
    std::vector<std::string> notes;               ///< how the query was read
    std::vector<LiteralMark> literal;             ///< query characters read as plain text
    std::optional<Timeline> timeline;             ///< when SearchRequest::timeline asked for it
};

/// One stored article, as an article page shows it.
struct ArticleView {
    Article article;
    MarkedText title;  ///< matches of the query marked
    MarkedText body;   ///< the whole body text, matches of the query marked
};

class Searcher {
  public:
    /// Opens the database read-only. Throws Error(Database) when it is missing, not a
    /// Newsdex database, or of another schema version.
    explicit Searcher(const std::string& db_path);
    /// Opens several databases (folders, stub files listing shards, or tcp://HOST:PORT for
    /// one served by xapian-tcpsrv) searched as one:
    /// results merge into a single ranking. Each article is matched in the stemming of
    /// its own language, whichever database holds it.
    explicit Searcher(const std::vector<std::string>& db_paths);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// One ranking by relevance (core/search/ranking.h): for 2-3 words, articles holding
    /// every word first; for longer queries a gentle preference for covering more words.
    /// Throws Error(Query) for malformed queries and wildcards that match too many words,
    /// Error(Usage) for an unknown like_id, Error(Database) for database trouble.
    SearchResults search(const SearchRequest& request);

    /// The article with this id (exactly as stored, never a file path), with the words
    /// `query` matches marked; nullopt when the index holds no such article.
    std::optional<ArticleView> article(const std::string& id, const std::string& query = {},
                                       const QueryOptions& options = {});

    /// Moves to the newest revision the indexer committed; true when there was one.
    bool reopen();

    /// How many articles the databases hold.
    Xapian::doccount article_count() const { return db_.get_doccount(); }

  private:
    SearchResults run(const SearchRequest& request, const std::string& query);
    /// Sets total_all_words, partial and each hit's all_words from the every-word query.
    void mark_every_word(const Xapian::Query& every_word, Xapian::doccount check, Xapian::doccount page_end,
                         SearchResults& results);
    /// Each database's checks; sets stemmer_name_ and facet_slots_.
    void read_metadata(const std::vector<std::string>& db_paths, const std::vector<Xapian::Database>& shards);

    std::string db_label_;  ///< the path(s), for messages
    Xapian::Database db_;
    std::string stemmer_name_;
    std::vector<StemmingLanguage> languages_;  ///< the articles' stemming languages (multilingual.h)
    /// Every database was made with the facet slots (schema::kMetaFacetSlots).
    bool facet_slots_ = true;
    /// Some database is served by xapian-tcpsrv: spelling comes from the index's words.
    bool remote_parts_ = false;
};

}  // namespace newsdex
