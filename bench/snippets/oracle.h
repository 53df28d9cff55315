/** @file @brief The benchmark's judge of snippets, written apart from core/snippets so it
 *  does not share that code's mistakes: what a query asks for is read from the query tree,
 *  what an article holds and what a highlighted span says come from Xapian's own
 *  TermGenerator, and sentence boundaries from a plain punctuation rule. */
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "core/snippets/snippet.h"

namespace newsdex::bench {

/// Something the query asks for that can appear in an article body.
struct Unit {
    enum class Kind { Term, Phrase, Near, Wildcard };
    Kind kind = Kind::Term;
    std::vector<std::string> terms;  ///< index terms: "taurus", "Zmissil"; a wildcard's prefix
    Xapian::termcount window = 0;    ///< for Phrase and Near
    std::string label;
};

struct QueryUnits {
    std::vector<Unit> positive;      ///< body-searchable, not excluded
    std::set<std::string> excluded;  ///< terms under NOT / AND_NOT
    bool has_phrase() const;
};

/// Reads the units of a parsed query (title:, author:, source: and date parts left out).
QueryUnits read_units(const Xapian::Query& query);

/// A snippet as the judge sees it: fragments as byte ranges of the body (when they can
/// be found in it) and the highlighted spans.
struct JudgedText {
    std::vector<std::pair<std::size_t, std::size_t>> fragments;  ///< located in the body
    std::size_t unlocated = 0;                                   ///< fragments not found in the body
    std::vector<MarkedText> marked;                              ///< each fragment's spans
};

struct Verdict {
    std::size_t units_present = 0;  ///< positive units the body holds
    std::size_t units_shown = 0;    ///< of those, how many the snippet shows highlighted
    std::size_t phrases_present = 0;
    std::size_t phrases_shown = 0;  ///< shown whole, as one highlighted span
    std::size_t highlighted_words = 0;
    std::size_t false_words = 0;    ///< highlighted words that match nothing the query asks for
    std::size_t fragments = 0;
    std::size_t aligned_fragments = 0;  ///< starting and ending at a sentence boundary
    std::vector<std::string> false_examples;
};

class Judge {
  public:
    Judge(QueryUnits units, Xapian::Stem stemmer);

    /// Looks at one article body (call before judge()).
    void set_body(const std::string& body);

    Verdict judge(const JudgedText& snippet);

  private:
    /// Positional words of a text and their stem terms, as TermGenerator makes them.
    std::vector<std::string> words_of(const std::string& text) const;
    std::string stem_term(const std::string& word);
    bool present(const Unit& u) const;
    bool starts_sentence(std::size_t pos) const;
    bool ends_sentence(std::size_t pos) const;

    QueryUnits units_;
    Xapian::Stem stemmer_;
    std::string body_;
    std::map<std::string, std::vector<Xapian::termpos>> body_positions_;
    std::set<std::string> body_terms_;
    std::map<std::string, std::string> stem_cache_;
};

/// Locates snippet text in the body: each fragment's plain text, "…" marks stripped.
JudgedText locate(const std::string& body, const std::vector<MarkedText>& fragments);

}  // namespace newsdex::bench
