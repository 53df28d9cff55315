/** @file @brief The shape of a query, checked before Xapian parses it.
 *
 *  Xapian's QueryParser accepts much that a user did not mean (`"unclosed`, `(a OR b`,
 *  `title:` alone, `-car` searched *for* car) and words its errors for programmers. This
 *  lexer reads a query the way the parser will, rejects those inputs with a message that
 *  names the character where the problem is, and rewrites the few forms the parser lacks:
 *  a filter field applied to a group (`author:(Connolly OR Vogel)`) and lower-case
 *  operators where they cannot be ordinary words. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace newsdex {

/// Longest query accepted, in characters: room for a pasted paragraph; anything longer is
/// almost surely a mistake (a file pasted whole) and would only be slow.
inline constexpr std::size_t kMaxQueryChars = 2000;

/// Most wildcards (`inter*`) one query may hold: each expands to up to the wildcard limit.
inline constexpr std::size_t kMaxWildcards = 10;

struct QueryToken {
    enum class Kind {
        Word,      ///< a word, possibly with sign and field: `Taurus`, `-car`, `title:inter*`
        Phrase,    ///< a quoted phrase, possibly with sign and field: `author:"Kate Connolly"`
        Open,      ///< `(` or `field:(`
        Close,     ///< `)`
        Operator,  ///< AND OR NOT XOR NEAR ADJ (NEAR/5, ADJ/3), or a lower-case and/or/not
    };
    Kind kind = Kind::Word;
    std::size_t begin = 0;    ///< byte offsets of the whole token in the query
    std::size_t end = 0;
    std::size_t value = 0;    ///< where the value starts, after sign and `field:`
    char sign = 0;            ///< '+', '-' or '~' in front of it, else 0
    std::string field;        ///< `title` for title:x and title:(
    std::string group_field;  ///< field of the innermost field:( group around it
    std::string op;           ///< for operators: the upper-case operator (`AND`, `NEAR/5`)
};

/// The tokens of a query. Throws Error(Query) for a quotation mark or parenthesis never
/// closed, a `)` without `(`, a field without a value (`title:`), a lone `*`, and more than
/// kMaxQueryChars characters or kMaxWildcards wildcards; each message names the character.
std::vector<QueryToken> lex_query(std::string_view text);

struct CheckedQuery {
    /// The query for Xapian: filter-field groups spread over their terms
    /// (`author:(a OR b)` -> `(author:a OR author:b)`), lower-case operators upper-cased.
    std::string text;
    /// Every term is excluded (`-car -bike`): Xapian would search for them, so the caller
    /// must search everything but `excluded` (the terms without their signs).
    bool only_excluded = false;
    std::string excluded;
    /// Things worth telling the user about how the query was read.
    std::vector<std::string> notes;
};

/// Lexes the query and checks its operators: each binary operator needs something on both
/// sides, NEAR/ADJ join words or phrases, groups are not empty, and there is a word to
/// search for. Lower-case `and`/`or` between two terms, and `not` right after one of them,
/// become operators; elsewhere they stay words ("not guilty"). Throws Error(Query).
CheckedQuery check_query(std::string_view text);

/// Error(Query): `malformed query "<query, shortened if long>": <problem>`.
Error query_error(std::string_view query, const std::string& problem);

/// "character 5": 1-based character (not byte) position of `byte` in `text`.
std::string character_at(std::string_view text, std::size_t byte);

}  // namespace newsdex
