/** @file @brief Reads plain-text articles: optional header block, headline, byline, body,
 *  with web-page boilerplate (share/comment/cookie lines) removed. No I/O, no Xapian. */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article/article.h"

namespace newsdex::readers {

struct ParsedText {
    Article article;                    ///< id, path and fallback date are the caller's to set
    std::vector<std::string> warnings;  ///< e.g. an unreadable Date: header
};

/// Parses one article from clean UTF-8 text. An RFC-822-style header block (Title:,
/// Author:/By:, Date:, Source:, URL:, Language:, and the e-mail forms Subject:/From:)
/// wins over what is guessed from the lines below it.
ParsedText parse_text_article(std::string_view text);

/// The author names on a byline line ("By Kate Connolly in Berlin" -> {"Kate Connolly"}),
/// or nullopt when the line is not a byline.
std::optional<std::vector<std::string>> parse_byline(std::string_view line);

/// Names from an author header value: "A and B", "A, B", "A <a@x.org>", "a@x.org (A)".
std::vector<std::string> parse_author_list(std::string_view value);

/// True for a headline-shaped line: short, no sentence-final full stop.
bool looks_like_headline(std::string_view line);

/// True for web-page furniture that is not part of the article ("Post a Comment",
/// "Share this:", cookie notices, "Posted by X at 10:42", ...).
bool is_boilerplate_line(std::string_view line);

/// True for furniture lines that are never article text wherever they stand
/// ("Advertisement", "Share this article", "Most read", ...).
bool is_furniture_anywhere(std::string_view line);

}  // namespace newsdex::readers

namespace newsdex::readers {

struct Input;
class Emitter;

/// The Format::Text reader: decodes the file (any encoding) and reads one article from it.
/// A line over ReadOptions::max_record_bytes marks the file as not article text.
void read_text(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
