/** @file @brief Printing search results: a text listing for people, JSON for programs.
 *  Both print the same SearchResults; neither knows about Xapian. */
#pragma once

#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/search/search.h"

namespace newsdex {

/// How text output marks the words that matched.
enum class Highlight {
    Auto,   ///< Ansi when `color` is on, else Plain
    Ansi,   ///< bold red (SGR escape codes)
    Plain,  ///< mark_start and mark_end around each match
    Html,   ///< <mark>…</mark>, and the rest of titles and snippets HTML-escaped
};

struct TextStyle {
    bool color = false;  ///< ANSI bold/colour; otherwise matches are marked [like this]
    Highlight highlight = Highlight::Auto;
    std::string mark_start = "[";  ///< for Highlight::Plain (and Auto without colour)
    std::string mark_end = "]";
};

void print_text(const SearchResults& results, const TextStyle& style, std::ostream& out);

/// One JSON object: {"query","total","offset","hits":[{"rank","id","score","title",
/// "author","date","source","path","url","snippet",...}],...}; snippets and titles are
/// HTML-escaped with matches in <mark>…</mark>. See README "JSON output".
/// `fields` (names from hit_field_names()) limits what each hit carries; empty: everything.
void print_json(const SearchResults& results, std::ostream& out, const std::vector<std::string>& fields = {});

/// JSON Lines: one hit object per line (as in print_json), nothing else.
void print_jsonl(const SearchResults& results, std::ostream& out, const std::vector<std::string>& fields = {});

/// One stored article as JSON: {"id","title","author","authors","date","date_origin",
/// "source","path","url","language","text","title_highlighted","text_highlighted"}, the
/// *_highlighted forms HTML-escaped with the marked words in <mark>.
void print_article_json(const Article& article, const MarkedText& title, const MarkedText& text, std::ostream& out);

/// The ids of the hits, one per line.
void print_ids(const SearchResults& results, std::ostream& out);

/// The number of matches holding every word (the all-words reading of the query: what
/// FTS5 and notmuch count; explicit operators are taken as written), alone.
void print_count(const SearchResults& results, std::ostream& out);

/// For outputs with no room for them (--count, --ids, jsonl): how the query was read and
/// the correction searched instead of it, one "newsdex-search: note:" line each.
void print_notes(const SearchResults& results, std::ostream& err);

/// The names of the fields a JSON hit has, in order: what --fields accepts.
std::span<const std::string_view> hit_field_names();

/// An article's date as listings show it: "2024-03-05", with " (file date)" or
/// " (capture date)" when that is all there is; "" when undated.
std::string display_date(const Article& article);
/// Whether any of these JSON hit fields is made from snippets or highlights (so the search
/// must make them); unknown names need none.
bool hit_fields_need_snippets(const std::vector<std::string>& fields);

/// Text safe inside an HTML element (& < > " escaped); with `attribute`, also inside a
/// single- or double-quoted attribute value (' escaped too).
std::string html_escape(std::string_view text, bool attribute = false);

/// Marked text as HTML: escaped, matches wrapped in <mark>.
std::string to_html(const MarkedText& marked);

/// Marked text for a terminal or a pipe, marked as style.highlight says; base_sgr is
/// the colour of the surrounding text, restored after each match (ANSI only).
std::string to_terminal(const MarkedText& marked, const TextStyle& style, const char* base_sgr = "");

/// Start and end of each match in the plain text of `marked`, in Unicode code points.
std::vector<std::pair<std::size_t, std::size_t>> match_offsets(const MarkedText& marked);

}  // namespace newsdex
