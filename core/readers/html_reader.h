/** @file @brief Reads a news web page: the article's metadata (Open Graph, JSON-LD,
 *  meta tags, <time>, bylines) and its main text without the page furniture. */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/article/article.h"
#include "core/readers/emitter.h"

namespace newsdex::readers {

struct HtmlPage {
    Article article;                    ///< no id/path; date_origin Header when the page has a date
    std::vector<std::string> warnings;  ///< repairs: charset guessed, bad bytes, flattened nesting
};

/// Extracts the article of a page given as raw bytes. The charset comes from a BOM, then
/// `transport_charset` (an HTTP Content-Type's), then the page's <meta>, then detection.
/// Title: og:title, JSON-LD headline, <h1>, <title> (a " | Site Name" tail removed).
/// Body: schema.org articleBody, else <article>, else <main>, else the block with the
/// densest run of paragraphs; navigation, asides, footers, forms, cookie banners, share
/// bars and link lists left out.
HtmlPage parse_html_page(std::string_view bytes, std::string_view transport_charset = {});

/// Removes a trailing (or leading) site name from a page title: "Headline | The Daily" ->
/// "Headline". `site` is the publication's name when known.
std::string strip_site_name(std::string_view title, std::string_view site);

/// The date in a page address's path, /2019/11/19/ or /2019/11/ (the first of the month):
/// a page's date of last resort (DateOrigin::UrlPath).
std::optional<Date> date_in_url(std::string_view url);

/// The Format::Html reader: one article per page.
void read_html(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
