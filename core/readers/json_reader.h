/** @file @brief Reads JSON Lines (one article per line) and JSON (an array of articles, an
 *  object holding one, or a single article object), as crawlers such as news-please and
 *  newspaper3k and APIs such as NewsAPI write them. */
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/article/article.h"
#include "core/readers/emitter.h"
#include "core/readers/fields.h"

namespace newsdex::readers {

struct JsonArticle {
    Article article;
    std::vector<std::string> warnings;
};

/// The article in one JSON record. Each field comes from the path `fields` gives it, else
/// from the first of default_keys() the record has (keys compared without regard to case);
/// authors may be a string or a list of strings or {"name": ...} objects; text may be a
/// string (plain or HTML) or a list of paragraphs; dates may be strings or Unix times.
JsonArticle article_from_json(const nlohmann::json& record, const FieldMap& fields);

/// The value at a dotted path ("meta.headline", "authors.0.name"); a list met on the way
/// is searched element by element and the results gathered in a list. Null when absent.
nlohmann::json json_at_path(const nlohmann::json& record, std::string_view path);

/// Format::JsonLines: each line is a record; a malformed line is reported with its line
/// number and skipped, and the others are read. Ids are `path#LINE`.
void read_json_lines(const Input& input, Emitter& emitter);

/// Format::Json: an array of records, an object with a list of records under a usual
/// key ("articles", "items", "data", "results", "entries", "posts", "docs"), or one record.
/// Ids are `path#N` for the N-th record (1-based), the plain path for a single record.
void read_json(const Input& input, Emitter& emitter);

}  // namespace newsdex::readers
