/** @file @brief Running a query against a Newsdex database: ranked hits with snippets. */
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/article.h"
#include "core/snippet.h"

namespace newsdex {

struct SearchRequest {
    std::string query;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    std::size_t snippet_length = SnippetOptions{}.fragment_chars;  ///< characters per snippet fragment
    /// Show one article per duplicate group (exact and near-duplicates), the best-ranked;
    /// false shows every copy.
    bool collapse = true;
    std::size_t fragments = SnippetOptions{}.fragments;            ///< snippet fragments per hit, at most
    /// Ranking scheme, as parse_weighting() reads it; empty for kDefaultWeighting.
    std::string weighting{};
    /// False leaves Hit::snippet empty and Hit::title unmarked: for programs that need
    /// only the ranking (a 1000-hit ranking is then several times faster).
    bool snippets = true;
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
    std::string query;
    Xapian::doccount offset = 0;
    Xapian::doccount total = 0;        ///< Xapian's estimate of all matches
    Xapian::doccount total_lower = 0;  ///< bounds of that estimate; equal when exact
    Xapian::doccount total_upper = 0;
    /// True when fewer articles than asked for hold every word, so best partial matches
    /// (holding only some words) follow them.
    bool partial = false;
    bool collapsed = false;  ///< duplicates were collapsed (SearchRequest::collapse)
    std::vector<Hit> hits;
};

class Searcher {
  public:
    /// Opens the database read-only. Throws Error(Database) when it is missing, not a
    /// Newsdex database, or of another schema version.
    explicit Searcher(const std::string& db_path);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Articles holding every word rank first; when there are fewer of them than the page
    /// needs, the best partial matches follow. Throws Error(Query) for malformed queries.
    SearchResults search(const SearchRequest& request);

  private:
    SearchResults run(const SearchRequest& request);
    void read_metadata();

    std::string db_path_;
    Xapian::Database db_;
    std::string stemmer_name_;
};

}  // namespace newsdex
