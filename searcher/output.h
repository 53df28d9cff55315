/** @file @brief Printing search results: a text listing for people, JSON for programs.
 *  Both print the same SearchResults; neither knows about Xapian. */
#pragma once

#include <ostream>

#include "core/search.h"

namespace newsdex {

struct TextStyle {
    bool color = false;  ///< ANSI bold/colour; otherwise matches are marked [like this]
};

void print_text(const SearchResults& results, const TextStyle& style, std::ostream& out);

/// One JSON object: {"query","total","offset","hits":[{"rank","id","score","title",
/// "author","date","source","path","url","snippet",...}],...}; snippets and titles are
/// HTML-escaped with matches in <mark>…</mark>. See README "JSON output".
void print_json(const SearchResults& results, std::ostream& out);

/// Marked text as HTML: escaped, matches wrapped in <mark>.
std::string to_html(const MarkedText& marked);

/// Marked text for a terminal or a pipe.
std::string to_terminal(const MarkedText& marked, const TextStyle& style, const char* base_sgr = "");

}  // namespace newsdex
