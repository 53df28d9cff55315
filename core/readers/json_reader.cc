#include "core/readers/json_reader.h"

#include <cctype>
#include <cmath>

#include "core/text/date.h"
#include "core/text/encoding.h"
#include "core/text/language.h"
#include "core/readers/json_bounded.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

using nlohmann::json;

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

/// record[key], matching the key exactly first and then without regard to case.
const json* find_key(const json& record, std::string_view key) {
    if (!record.is_object()) return nullptr;
    if (auto it = record.find(std::string(key)); it != record.end()) return &*it;
    for (auto it = record.begin(); it != record.end(); ++it)
        if (iequals(it.key(), key)) return &it.value();
    return nullptr;
}

/// The strings a value holds: a string; a number as written; each element of a list;
/// the name/text of an object ({"name": "A"}, {"rendered": "<p>..."}, {"@value": "x"}).
void collect_strings(const json& value, std::vector<std::string>& out, int depth = 0) {
    if (depth > 8) return;
    switch (value.type()) {
        case json::value_t::string: out.push_back(value.get<std::string>()); break;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: out.push_back(value.dump()); break;
        case json::value_t::array:
            for (const auto& v : value) collect_strings(v, out, depth + 1);
            break;
        case json::value_t::object:
            for (const char* key : {"name", "rendered", "text", "value", "@value", "#text", "content"})
                if (const json* v = find_key(value, key)) {
                    collect_strings(*v, out, depth + 1);
                    break;
                }
            break;
        default: break;
    }
}

json value_for(const json& record, Field field, const FieldMap& fields) {
    if (auto it = fields.find(field); it != fields.end()) return json_at_path(record, it->second);
    for (auto key : default_keys(field))
        if (const json* v = find_key(record, key); v && !v->is_null()) {
            // An empty string under "text" should not hide a full "description".
            if (v->is_string() && v->get_ref<const std::string&>().empty()) continue;
            return *v;
        }
    return nullptr;
}

std::vector<std::string> strings_for(const json& record, Field field, const FieldMap& fields) {
    std::vector<std::string> out;
    collect_strings(value_for(record, field, fields), out);
    return out;
}

std::string first_string(const json& record, Field field, const FieldMap& fields) {
    for (auto& s : strings_for(record, field, fields)) {
        std::string t = squeeze_whitespace(s);
        if (!t.empty()) return t;
    }
    return {};
}

/// A date from a string or a Unix time in seconds or milliseconds.
std::optional<Date> date_from(const json& value) {
    if (value.is_number()) {
        double t = value.get<double>();
        if (!std::isfinite(t) || t <= 0) return std::nullopt;
        if (t > 1e11) t /= 1000;  // milliseconds
        if (t > 4e10) return std::nullopt;
        Date d = from_time_t(static_cast<std::time_t>(t));
        if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
        return d;
    }
    std::vector<std::string> strings;
    collect_strings(value, strings);
    for (const auto& s : strings)
        if (auto d = parse_date(s)) return d;
    return std::nullopt;
}

/// Makes a record's text safe for the index: valid UTF-8, no control characters.
std::string clean(std::string_view s) { return clean_text(s).text; }

void report_record(JsonArticle parsed, std::string_view record, std::string_view locator, Emitter& emitter) {
    emitter.article(std::move(parsed.article), record, locator, parsed.warnings);
}

std::string short_parse_error(const std::string& what) {
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error ..." -> from "column".
    std::string out = what;
    if (auto pos = out.find("] "); pos != std::string::npos) out.erase(0, pos + 2);
    if (auto pos = out.find("at line 1, "); pos != std::string::npos) out.erase(pos, 11);
    return std::string(utf8_truncate_bytes(out, 160));
}

bool has_text(const Article& a) {
    for (const auto& p : a.paragraphs)
        if (!p.empty()) return true;
    return false;
}

// What the nesting limit did, said where the record is reported.
std::string too_deep_warning() { return "values " + too_deep_note() + " dropped"; }
std::string too_deep_skip() {
    return "JSON " + too_deep_note() + ": what is nested deeper is not read, and no article text is left";
}

std::string size_reason(std::size_t size, std::uintmax_t limit) {
    return "record of " + human_size(size) + " is over the " + human_size(limit) +
           " limit for one article: not read";
}

}  // namespace

json json_at_path(const json& record, std::string_view path) {
    std::vector<const json*> current{&record};
    std::size_t start = 0;
    bool gathered = false;  // a list was crossed: the result is a list
    while (start <= path.size()) {
        auto dot = path.find('.', start);
        if (dot == std::string_view::npos) dot = path.size();
        const std::string_view key = path.substr(start, dot - start);
        std::vector<const json*> next;
        for (const json* node : current) {
            if (node->is_array()) {
                bool numeric = !key.empty() && key.find_first_not_of("0123456789") == std::string_view::npos;
                if (numeric) {
                    const std::size_t index = std::stoul(std::string(key.substr(0, 9)));
                    if (index < node->size()) next.push_back(&(*node)[index]);
                } else {
                    gathered = true;
                    for (const auto& element : *node)
                        if (const json* v = find_key(element, key)) next.push_back(v);
                }
            } else if (const json* v = find_key(*node, key)) {
                next.push_back(v);
            }
        }
        current = std::move(next);
        if (current.empty()) return nullptr;
        start = dot + 1;
    }
    if (!gathered && current.size() == 1) return *current.front();
    json list = json::array();
    for (const json* v : current) list.push_back(*v);
    return list;
}

JsonArticle article_from_json(const json& record, const FieldMap& fields) {
    JsonArticle out;
    Article& a = out.article;
    a.title = clean(first_string(record, Field::Title, fields));
    for (const auto& s : strings_for(record, Field::Author, fields))
        for (auto& name : parse_author_list(clean(s)))
            if (!name.starts_with("http")) a.authors.push_back(std::move(name));
    const json date_value = value_for(record, Field::Date, fields);
    if (!date_value.is_null()) {
        if (auto d = date_from(date_value)) {
            a.date = d;
            a.date_origin = DateOrigin::Header;
        } else {
            out.warnings.push_back("unrecognised date " + std::string(utf8_truncate_bytes(clean(date_value.dump()), 40)));
        }
    }
    for (const auto& s : strings_for(record, Field::Text, fields))
        for (auto& p : text_field_paragraphs(clean(s))) a.paragraphs.push_back(std::move(p));
    a.url = clean(first_string(record, Field::Url, fields));
    a.source = clean(first_string(record, Field::Source, fields));
    if (const std::string lang = first_string(record, Field::Language, fields); !lang.empty()) {
        if (auto l = find_language(lang); l && !l->code.empty())
            a.language = l->code;
        else
            out.warnings.push_back("unknown language \"" + std::string(utf8_truncate_bytes(clean(lang), 20)) + "\"");
    }
    return out;
}

void read_json_lines(const Input& input, Emitter& emitter) {
    std::string_view bytes = input.bytes;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const auto limit = emitter.options().max_record_bytes;
    std::size_t line_no = 0, records = 0;
    std::size_t start = 0;
    while (start < bytes.size()) {
        auto nl = bytes.find('\n', start);
        if (nl == std::string_view::npos) nl = bytes.size();
        std::string_view line = bytes.substr(start, nl - start);
        start = nl + 1;
        ++line_no;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty()) continue;
        emitter.reached(start, bytes.size());
        ++records;
        const std::string locator = ":" + std::to_string(line_no);
        if (line.size() > limit) {
            emitter.problem(Problem::Level::Skipped, locator, size_reason(line.size(), limit));
            continue;
        }
        // A line with bad bytes is repaired rather than lost: the JSON parser rejects
        // invalid UTF-8 outright.
        std::vector<std::string> repairs;
        std::string repaired;
        if (!is_valid_utf8(line)) {
            DecodedText decoded = decode_text(line);
            repaired = std::move(decoded.text);
            repairs = std::move(decoded.warnings);
            line = repaired;
        }
        BoundedJson parsed_line;
        try {
            parsed_line = parse_json_bounded(line);
        } catch (const json::exception& e) {
            emitter.problem(Problem::Level::Skipped, locator, "malformed JSON: " + short_parse_error(e.what()));
            continue;
        }
        const json& record = parsed_line.value;
        if (!record.is_object()) {
            emitter.problem(Problem::Level::Skipped, locator, "not a JSON object (a " + std::string(record.type_name()) + ")");
            continue;
        }
        JsonArticle parsed = article_from_json(record, emitter.options().fields);
        parsed.warnings.insert(parsed.warnings.begin(), repairs.begin(), repairs.end());
        if (parsed_line.too_deep) {
            if (!has_text(parsed.article)) {
                emitter.problem(Problem::Level::Skipped, locator, too_deep_skip());
                continue;
            }
            parsed.warnings.push_back(too_deep_warning());
        }
        report_record(std::move(parsed), std::to_string(line_no), locator, emitter);
    }
    if (records == 0) emitter.problem(Problem::Level::Skipped, "", "empty file (no JSON records)");
}

void read_json(const Input& input, Emitter& emitter) {
    // JSON is UTF-8 by definition, but UTF-16 files exist: decode like any text.
    const DecodedText decoded = decode_text(input.bytes, "UTF-8");
    BoundedJson parsed_document;
    try {
        parsed_document = parse_json_bounded(decoded.text);
    } catch (const json::exception& e) {
        emitter.problem(Problem::Level::Failed, "", "malformed JSON: " + short_parse_error(e.what()));
        return;
    }
    const json& document = parsed_document.value;
    const bool too_deep = parsed_document.too_deep;
    const json* list = nullptr;
    if (document.is_array()) {
        list = &document;
    } else if (document.is_object()) {
        for (const char* key : {"articles", "items", "data", "results", "entries", "posts", "docs", "documents"})
            if (const json* v = find_key(document, key); v && v->is_array()) {
                list = v;
                break;
            }
    } else {
        emitter.problem(Problem::Level::Skipped, "", "JSON holds no article (a " + std::string(document.type_name()) + ")");
        return;
    }
    if (!list) {
        JsonArticle parsed = article_from_json(document, emitter.options().fields);
        parsed.warnings.insert(parsed.warnings.begin(), decoded.warnings.begin(), decoded.warnings.end());
        if (too_deep) {
            if (!has_text(parsed.article)) return emitter.problem(Problem::Level::Skipped, "", too_deep_skip());
            parsed.warnings.push_back(too_deep_warning());
        }
        report_record(parsed, "", "", emitter);
        return;
    }
    if (list->empty()) {
        emitter.problem(Problem::Level::Skipped, "", "empty JSON list (no articles)");
        return;
    }
    std::size_t n = 0;
    for (const auto& record : *list) {
        ++n;
        const std::string locator = "#" + std::to_string(n);
        if (!record.is_object()) {
            emitter.problem(Problem::Level::Skipped, locator, "not a JSON object (a " + std::string(record.type_name()) + ")");
            continue;
        }
        report_record(article_from_json(record, emitter.options().fields), std::to_string(n), locator, emitter);
    }
    std::vector<std::string> notes = decoded.warnings;
    if (too_deep) notes.push_back(too_deep_warning());
    if (!notes.empty()) emitter.problem(Problem::Level::Repaired, "", join_warnings(notes));
}

}  // namespace newsdex::readers
