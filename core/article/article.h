/** @file @brief The Article record every reader produces and the index stores. Pure data. */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/text/date.h"

namespace newsdex {

/// Where an article's date came from, so users can tell a real publication date
/// from a file's modification time.
enum class DateOrigin {
    None,
    Header,    ///< the article's own metadata (header block, JSON field, page or feed markup)
    FileTime,  ///< the file's modification time
    Capture,   ///< when a web archive captured the page (WARC-Date)
    UrlPath,   ///< the date in the page's address (/2019/11/19/), when its markup has none
};

std::string_view to_string(DateOrigin origin);
DateOrigin date_origin_from_string(std::string_view text);

struct Article {
    std::string id;                    ///< unique: canonical path of the source file
    std::string title;
    bool title_derived = false;        ///< true when the title was made from the lead
    std::vector<std::string> authors;
    std::optional<Date> date;
    DateOrigin date_origin = DateOrigin::None;
    std::string source;                ///< publication name
    std::string url;
    std::string path;                  ///< file the article was read from, as given
    std::string language;              ///< ISO 639-1 code, e.g. "en"; empty if unknown
    std::vector<std::string> paragraphs;

    /// Paragraphs joined by newlines: the text indexed and shown in snippets.
    std::string body_text() const;
    /// Authors as printed: "Kate Connolly" or "Tom Hughes, Priya Natarajan".
    std::string author_line() const;
};

/// A headline-length title made from the lead when an article has none: the first
/// sentence when it is short enough, else the lead cut at a word boundary with "…".
std::string derive_title(std::string_view lead, std::size_t max_chars = 90);

}  // namespace newsdex
