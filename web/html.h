/** @file @brief Escaping for HTML text and attribute values, and for URLs. */
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsdex::web {

/// Text safe inside an element and inside a quoted attribute value: & < > " ' escaped.
std::string escape(std::string_view text);

/// Percent-encoding for a query-string value (everything but unreserved characters).
std::string url_encode(std::string_view text);

/// "?a=1&b=x%20y" from the pairs, empty values left out; "?" alone never ("" instead).
std::string query_string(const std::vector<std::pair<std::string, std::string>>& params);

/// An article's URL as a link target: only http and https (a `javascript:` or `data:`
/// URL stored in an article must never become a link); "" for anything else.
std::string safe_link(std::string_view url);

}  // namespace newsdex::web
