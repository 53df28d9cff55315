/** @file @brief Queries pasted from prose: punctuation that would be query syntax by
 *  accident is read as plain text, and capitals are searched like lower case.
 *
 *  A paragraph pasted as a query holds `1)` and `2)`, a `(` never closed, an odd quotation
 *  mark, a lone `-` or `:`; none of them can be meant as syntax, so each is read as
 *  plain text (blanked: the words around it are searched) and named in a note. A query
 *  typed in capitals (a pasted headline, caps lock) and a word in capitals beyond its
 *  first letter (`NATO`, `TSS`) are searched like their lower-case forms, so they are
 *  stemmed; a capitalised name in a mixed-case query (`Taurus`) keeps its exact form. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// A character read as plain text instead of query syntax.
struct LiteralMark {
    std::size_t character = 0;  ///< 1-based character position in the query
    std::string text;           ///< the character(s), e.g. ")"
};

struct ProseQuery {
    std::string text;                  ///< the query with those characters blanked (same length)
    std::vector<LiteralMark> literal;  ///< in query order
};

/// Blanks unmatched `(` and `)`, empty `()`, the last quotation mark of an odd number of
/// them, and `-`, `:` standing alone between spaces. Everything else is left as typed
/// (so `title:` with no value, `AND OR` alone, `date:2024-13-45` are still errors).
ProseQuery read_prose(std::string_view text);

/// The note for the output: `read as plain text, not query syntax: ")" at character 195`.
std::string literal_note(const std::vector<LiteralMark>& literal);

/// The query with capitals folded as described above. The operators AND, OR, NOT, XOR,
/// NEAR, ADJ (and NEAR/n, ADJ/n) stay as typed. Folds valid UTF-8 only (else unchanged).
std::string fold_capitals(std::string_view text);

}  // namespace newsdex
