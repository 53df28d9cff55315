#include "core/readers/fields.h"

#include <cctype>

namespace newsdex::readers {

namespace {

struct Entry {
    Field field;
    std::string_view name;
    std::vector<std::string_view> keys;
};

const std::array<Entry, 7>& table() {
    static const std::array<Entry, 7> kTable{{
        {Field::Title, "title", {"title", "headline", "heading"}},
        {Field::Author, "author", {"author", "authors", "byline", "creator", "author_name"}},
        {Field::Date, "date",
         {"date", "published", "date_publish", "datePublished", "date_published", "publish_date",
          "published_at", "publishedAt", "pubDate", "pub_date", "created_at", "timestamp"}},
        {Field::Text, "text",
         {"text", "body", "content", "maintext", "articleBody", "article", "full_text",
          "article_text", "description", "summary", "abstract", "lead"}},
        {Field::Url, "url", {"url", "link", "canonical_url", "href", "uri"}},
        {Field::Source, "source",
         {"source", "source_domain", "publisher", "site_name", "sitename", "source_name",
          "publication", "domain"}},
        {Field::Language, "language", {"language", "lang", "inLanguage", "locale"}},
    }};
    return kTable;
}

}  // namespace

std::string_view field_name(Field field) {
    for (const auto& e : table())
        if (e.field == field) return e.name;
    return "";
}

std::optional<std::pair<Field, std::string>> parse_field_mapping(std::string_view spec, std::string& error) {
    const auto eq = spec.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == spec.size()) {
        error = "--field wants ARTICLE-FIELD=PATH, e.g. title=meta.headline, not \"" + std::string(spec) + "\"";
        return std::nullopt;
    }
    std::string name(spec.substr(0, eq));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "authors" || name == "byline") name = "author";
    if (name == "body") name = "text";
    if (name == "lang") name = "language";
    for (const auto& e : table())
        if (e.name == name) return std::make_pair(e.field, std::string(spec.substr(eq + 1)));
    error = "unknown article field \"" + name + "\" in --field (choose one of: " + field_names() + ")";
    return std::nullopt;
}

std::string field_names() {
    std::string out;
    for (const auto& e : table()) out += (out.empty() ? "" : ", ") + std::string(e.name);
    return out;
}

const std::vector<std::string_view>& default_keys(Field field) {
    for (const auto& e : table())
        if (e.field == field) return e.keys;
    static const std::vector<std::string_view> kNone;
    return kNone;
}

}  // namespace newsdex::readers
