/** @file @brief The ranking query: the words of a query joined by OR, with a coordination
 *  bonus for articles holding every word (decisive for 2-3 words, gentle for long
 *  queries), a proximity bonus for neighbouring query words found near each other, and
 *  pseudo-relevance feedback (words of the top-ranked articles, at a reduced weight).
 *
 *  Built from stock Xapian operators only (OP_OR, OP_AND_MAYBE, OP_SCALE_WEIGHT, OP_NEAR)
 *  and the database's own statistics, so one database, its shards and remote databases
 *  rank alike. Chosen by bench/relevance.sh's leave-one-collection-out study. */
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct RankingOptions {
    /// Weight of the every-word bonus for queries of more than kDecisiveWords words, as a
    /// fraction of the article's own score for those words (0: none).
    double coordination = 0.25;
    /// The same bonus for queries of 2 to kDecisiveWords words: by default so large that it
    /// is decisive (kDecisiveScale); a study knob (`short=`), not for users.
    double short_coordination = 1000;
    /// Weight of each neighbouring-pair proximity bonus (0: none).
    double proximity = 0;  // off: every setting tried lost MAP held out (bench/README.md)
    /// Words count as near when within this many positions of each other.
    Xapian::termcount window = 8;
    /// Weight of the feedback words relative to the query's (0 or !expand: no feedback).
    double expansion = 0.5;
    /// Off by default: it did not win held out on every collection, and Xapian 1.4's
    /// expand weights differ between one database and its shards (bench/README.md).
    bool expand = false;
    Xapian::doccount feedback_articles = 10;  ///< top-ranked articles the words come from
    Xapian::termcount feedback_words = 20;    ///< words added at most
};

/// Up to this many words, the every-word bonus is decisive: an article holding every word
/// ranks above any holding only some (as `Taurus missiles` always did).
inline constexpr std::size_t kDecisiveWords = 3;

/// Parses `KEY=VALUE,...` (coord, short, prox, window, expand, fbdocs, fbterms) over `base`.
/// Throws Error(Usage) naming the spec and what is wrong with it.
RankingOptions parse_ranking(std::string_view spec, RankingOptions base = {});

/// The words a query searches for, in query order: each a term as the index holds it,
/// for text positions the unstemmed form (`unstem` maps a stemmed Z-term back to it).
struct QueryWords {
    std::vector<std::string> terms;       ///< distinct free-text terms (stemmed or not)
    std::vector<std::string> positional;  ///< unstemmed forms in query order, for proximity
};
QueryWords query_words(const Xapian::Query& any_word,
                       const std::function<std::string(const std::string&)>& unstem);

/// any_word ranked with the coordination and proximity bonuses. all_words is the same
/// text with every word required; when it equals any_word (one word, or explicit
/// operators) only the proximity bonus applies.
Xapian::Query soft_query(const Xapian::Query& any_word, const Xapian::Query& all_words, const QueryWords& words,
                         const RankingOptions& options);

/// The feedback words of `query`'s top-ranked articles as an optional addition: the
/// query itself when there are none. Matches stay those of `query` (the added words only
/// rank). The weights are Xapian's expand weights scaled so the best word weighs
/// options.expansion of one query word.
/// `stemmer` gives the stemmed forms of unstemmed query words (a capitalised `Taurus`),
/// which are not added either.
Xapian::Query with_feedback(const Xapian::Query& query, const QueryWords& words, const Xapian::Database& db,
                            const Xapian::Weight& weighting, const RankingOptions& options,
                            const Xapian::Stem& stemmer = {});

}  // namespace newsdex
