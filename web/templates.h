/** @file @brief The page templates (web/templates/, compiled in) and how they are filled.
 *
 *  A template holds `{{name}}`, replaced by the value HTML-escaped, and `{{{name}}}`,
 *  replaced by the value as it is: only for HTML the server built itself, from escaped
 *  parts. So anything from an article or a query is escaped unless code says otherwise. */
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::web {

/// A file of web/templates by its name ("page.html", "style.css"); nullopt if none.
std::optional<std::string_view> embedded_file(std::string_view name);

using Values = std::map<std::string, std::string, std::less<>>;

/// The template filled in; a name without a value becomes "". Throws std::logic_error
/// for a template that does not exist (a bug, not input).
std::string render(std::string_view name, const Values& values);

}  // namespace newsdex::web
