/** @file @brief What a parsed query looks for in an article's text: its words, stems,
 *  wildcards, phrases and NEAR groups, where each may match, and which are excluded. */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex::snippets {

/// One way a word of the text can satisfy a query term.
struct WordTest {
    enum class Kind {
        Exact,   ///< the word's term equals `text` (capitalised query words, phrase words)
        Stem,    ///< the word stems to `text` (the index's Z terms)
        Prefix,  ///< the word's term starts with `text` (wildcards)
    };
    Kind kind = Kind::Exact;
    std::string text;
    bool title_only = false;  ///< from a `title:` term: matches in the title, not the body
    bool operator==(const WordTest&) const = default;
};

/// A word position of a pattern; any of its tests satisfies it.
using Slot = std::vector<WordTest>;

/// Something the query looks for, highlighted as a unit wherever it occurs.
struct Pattern {
    enum class Kind {
        Word,    ///< one slot: a term, a stem, a wildcard or a synonym group
        Phrase,  ///< slots in order within `window` positions (tight when window == slots)
        Near,    ///< slots in any order within `window` positions
    };
    Kind kind = Kind::Word;
    std::vector<Slot> slots;
    Xapian::termcount window = 1;
    bool excluded = false;  ///< under NOT / AND_NOT: never highlighted, and hides what it covers
    double weight = 1.0;    ///< how rare it is in the collection (an idf)
    std::string label;      ///< readable form for diagnostics, e.g. "\"foreign minister\""

    /// True when it can match only in the title (every test comes from `title:`).
    bool title_only() const;
};

/// Breaks `query` into patterns (duplicates removed, positive ones first). Terms of other
/// fields (author:, source:, dates, ids) match nothing in the text and are left out.
/// Weights come from `db` when given (idf of each term; of a wildcard's expansions), else 1.
std::vector<Pattern> analyse_query(const Xapian::Query& query, const Xapian::Database* db);

}  // namespace newsdex::snippets
