/** @file @brief Turning a record's text field into body paragraphs (plain text or HTML). */
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::readers {

/// Collapses runs of white space (including newlines and no-break spaces) to one space and trims.
std::string squeeze_whitespace(std::string_view text);

/// Paragraphs of plain text: blocks separated by blank lines, or lines when there is no
/// blank line; white space squeezed, empty ones dropped.
std::vector<std::string> split_paragraphs(std::string_view text);

/// Paragraphs of hard-wrapped text: blocks separated by blank lines, their lines joined.
std::vector<std::string> split_blocks(std::string_view text);

/// True when a text field holds HTML markup (`<p>`, `<br>`, `</div>`, ...) rather than text.
bool looks_like_html(std::string_view text);

/// Paragraphs of a text field that may be HTML: markup is parsed (entities decoded,
/// scripts dropped, block elements become paragraphs), plain text is split.
std::vector<std::string> text_field_paragraphs(std::string_view text);

}  // namespace newsdex::readers
