/** @file @brief `--field article-field=path`: where a JSON or CSV record keeps an article field. */
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex::readers {

/// The article fields a record can supply.
enum class Field { Title, Author, Date, Text, Url, Source, Language };

/// Field -> a dotted JSON path ("meta.headline", "authors.0.name"; a list on the way is
/// searched element by element) or, for CSV, a column name or 1-based column number.
using FieldMap = std::map<Field, std::string>;

std::string_view field_name(Field field);

/// Parses "title=meta.headline"; nullopt (with `error` set) for an unknown field or no path.
std::optional<std::pair<Field, std::string>> parse_field_mapping(std::string_view spec, std::string& error);

/// The names --field accepts on the left of `=`, for messages.
std::string field_names();

/// The record keys each field is looked for under when --field does not say, in order of
/// preference: the names used by news-please, newspaper3k, NewsAPI, schema.org and the
/// usual CSV dumps.
const std::vector<std::string_view>& default_keys(Field field);

}  // namespace newsdex::readers
