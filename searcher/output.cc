#include "searcher/output.h"

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace newsdex {

namespace {

constexpr const char* kSgrReset = "\033[0m";
constexpr const char* kSgrMatch = "\033[1;31m";
constexpr const char* kSgrTitle = "\033[1m";
constexpr const char* kSgrDim = "\033[2m";

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string display_date(const Article& a) {
    if (!a.date) return {};
    std::string d = to_iso(*a.date).substr(0, 10);
    if (a.date_origin == DateOrigin::FileTime) d += " (file date)";
    if (a.date_origin == DateOrigin::Capture) d += " (capture date)";
    return d;
}

nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string count_phrase(const SearchResults& r) {
    const bool exact = r.total_lower == r.total_upper;
    std::string n = (exact ? "" : "about ") + std::to_string(r.total);
    n += r.total == 1 && exact ? " match" : " matches";
    if (!exact) n += " (" + std::to_string(r.total_lower) + " to " + std::to_string(r.total_upper) + ")";
    return n;
}

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

nlohmann::json offsets_json(const MarkedText& marked) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& [begin, end] : match_offsets(marked)) out.push_back({begin, end});
    return out;
}

nlohmann::json fragments_json(const std::vector<Fragment>& fragments) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& f : fragments)
        out.push_back({{"text", plain_text(f.text)},
                       {"offset", f.char_offset},
                       {"highlights", offsets_json(f.text)},
                       {"elided_before", f.elided_before},
                       {"elided_after", f.elided_after}});
    return out;
}

const char* sort_phrase(SortOrder sort) {
    switch (sort) {
        case SortOrder::Relevance: return "";
        case SortOrder::Newest: return " Newest first.";
        case SortOrder::Oldest: return " Oldest first.";
        case SortOrder::Recent: return " By relevance, newer articles boosted.";
    }
    return "";
}

/// What the user should know before the hits: the query as it was read and searched.
void print_preamble(const SearchResults& r, std::ostream& out) {
    for (const auto& note : r.notes) out << "Note: " << note << ".\n";
    if (!r.corrected_from.empty())
        out << "Showing results for \"" << r.query << "\": no article holds every word of \"" << r.corrected_from
            << "\".\n";
    if (!r.suggestion.empty()) out << "Did you mean: " << r.suggestion << "?\n";
    if (!r.like_id.empty()) {
        out << "Articles like " << r.like_id << " (by its terms:";
        for (std::size_t i = 0; i < r.like_words.size(); ++i) out << (i ? ", " : " ") << r.like_words[i];
        out << ").\n";
    }
}

void print_facets(const SearchResults& r, std::ostream& out) {
    if (r.facets.empty()) return;
    // Facets count every matching article, copies folded into a hit by collapsing too.
    if (r.facet_total == r.total)
        out << "Facets (over all " << r.total << (r.total == 1 ? " match):\n" : " matches):\n");
    else
        out << "Facets (over all " << r.facet_total << " matching articles, similar copies included):\n";
    for (const auto& facet : r.facets) {
        out << "  " << facet_name(facet.kind) << ":";
        if (facet.values.empty()) out << " (none)";
        for (std::size_t i = 0; i < facet.values.size(); ++i)
            out << (i ? ", " : " ") << facet.values[i].value << " (" << facet.values[i].count << ")";
        if (facet.distinct > facet.values.size()) out << ", and " << facet.distinct - facet.values.size() << " more";
        out << '\n';
    }
}

std::string_view sort_name(SortOrder sort) {
    switch (sort) {
        case SortOrder::Relevance: return "relevance";
        case SortOrder::Newest: return "date";
        case SortOrder::Oldest: return "-date";
        case SortOrder::Recent: return "recent";
    }
    return "";
}

constexpr std::string_view kHitFields[] = {"rank", "id", "score", "title", "author", "date", "source", "path", "url",
                                           "snippet", "authors", "date_origin", "title_highlighted", "all_words",
                                           "language", "similar", "fragments", "snippet_from_lead",
                                           "title_highlights"};

/// The hit as JSON, keeping only `fields` (all when empty).
nlohmann::json hit_json(const Hit& hit, const std::vector<std::string>& fields) {
    const Article& a = hit.article;
    nlohmann::json h;
    h["rank"] = hit.rank;
    h["id"] = a.id;
    h["score"] = std::round(hit.score * 1e6) / 1e6;
    h["title"] = a.title;
    h["author"] = nullable(a.author_line());
    h["date"] = a.date ? nlohmann::json(to_iso(*a.date)) : nlohmann::json(nullptr);
    h["source"] = nullable(a.source);
    h["path"] = nullable(a.path);
    h["url"] = nullable(a.url);
    h["snippet"] = to_html(hit.snippet);
    // Extensions beyond the v1 contract; the fields above never change meaning.
    h["authors"] = a.authors;
    h["date_origin"] = std::string(to_string(a.date_origin));
    h["title_highlighted"] = to_html(hit.title);
    h["all_words"] = hit.all_words;
    h["language"] = nullable(a.language);
    h["similar"] = hit.similar;
    h["fragments"] = fragments_json(hit.fragments);
    h["snippet_from_lead"] = hit.snippet_from_lead;
    h["title_highlights"] = offsets_json(hit.title);
    if (fields.empty()) return h;
    nlohmann::json chosen = nlohmann::json::object();
    for (const auto& field : fields)
        if (h.contains(field)) chosen[field] = h[field];
    return chosen;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

/// Snippets keep the article's paragraph breaks; a listing reads better on one line.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return s;
}

}  // namespace

std::string to_html(const MarkedText& marked) {
    std::string out;
    for (const auto& span : marked) {
        if (span.match) out += "<mark>";
        out += html_escape(span.text);
        if (span.match) out += "</mark>";
    }
    return out;
}

std::string to_terminal(const MarkedText& marked, const TextStyle& style, const char* base_sgr) {
    Highlight mode = style.highlight;
    if (mode == Highlight::Auto) mode = style.color ? Highlight::Ansi : Highlight::Plain;
    if (mode == Highlight::Html) return to_html(marked);
    // Surrounding colour (a bold title) only with colour on; the marks may be ANSI anyway.
    const char* base = style.color ? base_sgr : "";
    std::string out;
    if (*base) out += base;
    for (const auto& span : marked) {
        if (!span.match) {
            out += span.text;
        } else if (mode == Highlight::Ansi) {
            out += kSgrMatch;
            out += span.text;
            out += kSgrReset;
            out += base;
        } else {
            out += style.mark_start;
            out += span.text;
            out += style.mark_end;
        }
    }
    if (*base) out += kSgrReset;
    return out;
}

std::vector<std::pair<std::size_t, std::size_t>> match_offsets(const MarkedText& marked) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t pos = 0;
    for (const auto& span : marked) {
        const std::size_t length = code_points(span.text);
        if (span.match) out.emplace_back(pos, pos + length);
        pos += length;
    }
    return out;
}

void print_text(const SearchResults& r, const TextStyle& style, std::ostream& out) {
    print_preamble(r, out);
    const std::string what = r.query.empty() ? std::string() : " for \"" + r.query + "\"";
    if (r.hits.empty()) {
        if (r.total == 0)
            out << "No articles match" << (r.query.empty() ? std::string(".") : " \"" + r.query + "\".") << "\n";
        else if (r.offset < r.total_lower)  // --limit 0: the count alone was asked for
            out << count_phrase(r) << what << ".\n";
        else
            out << count_phrase(r) << what << "; none from result " << std::uint64_t{r.offset} + 1 << " on.\n";
        print_facets(r, out);
        return;
    }
    out << count_phrase(r) << what << ", showing " << r.hits.front().rank << "-" << r.hits.back().rank << ".";
    if (r.partial) {
        const bool exact = r.total_lower == r.total_upper;
        const std::string n = std::to_string(r.total_all_words);
        if (r.total_all_words == 0)
            out << " No article holds every word; these hold some of them.";
        else if (r.hits.back().all_words)
            out << (exact ? " " : " About ") << n << " hold every word; later results hold some of them.";
        else if (r.hits.front().all_words)
            out << " After the articles holding every word (" << (exact ? "" : "about ") << n
                << ") come those holding some of them.";
        else
            out << " These hold some of the words (the articles holding every word, " << (exact ? "" : "about ") << n
                << ", come first).";
    }
    out << sort_phrase(r.sort);
    out << "\n\n";
    for (const auto& hit : r.hits) {
        const Article& a = hit.article;
        out << hit.rank << ". " << to_terminal(hit.title, style, kSgrTitle) << '\n';
        std::string meta;
        auto add = [&meta](const std::string& part) {
            if (part.empty()) return;
            if (!meta.empty()) meta += " \xC2\xB7 ";
            meta += part;
        };
        add(a.author_line());
        add(display_date(a));
        add(a.source);
        add(a.url.empty() ? a.path : a.url);
        if (!hit.all_words) add("(some of the words)");
        if (hit.similar > 0) add("+" + std::to_string(hit.similar) + " similar");
        out << "   " << (style.color ? kSgrDim : "") << meta << (style.color ? kSgrReset : "") << '\n';
        if (!hit.snippet.empty()) out << "   " << one_line(to_terminal(hit.snippet, style)) << '\n';
        out << '\n';
    }
    print_facets(r, out);
}

void print_json(const SearchResults& r, std::ostream& out, const std::vector<std::string>& fields) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : r.hits) hits.push_back(hit_json(hit, fields));
    nlohmann::json doc;
    doc["query"] = r.query;
    doc["total"] = r.total;
    doc["offset"] = r.offset;
    doc["hits"] = std::move(hits);
    doc["total_exact"] = r.total_lower == r.total_upper;
    doc["total_lower"] = r.total_lower;
    doc["total_upper"] = r.total_upper;
    doc["partial"] = r.partial;
    // Added with the query language (issue 5); all optional to readers of the v1 schema.
    doc["total_all_words"] = r.total_all_words;
    doc["sort"] = std::string(sort_name(r.sort));
    doc["suggestion"] = nullable(r.suggestion);
    doc["corrected_from"] = nullable(r.corrected_from);
    doc["notes"] = r.notes;
    // Added with lenient parsing (issue 15): the query characters read as plain text.
    nlohmann::json literal = nlohmann::json::array();
    for (const auto& mark : r.literal) literal.push_back({{"character", mark.character}, {"text", mark.text}});
    doc["literal"] = std::move(literal);
    if (!r.like_id.empty()) doc["like"] = {{"id", r.like_id}, {"terms", r.like_words}};
    if (!r.facets.empty()) {
        nlohmann::json facets = nlohmann::json::object();
        for (const auto& facet : r.facets) {
            nlohmann::json values = nlohmann::json::array();
            for (const auto& v : facet.values) values.push_back({{"value", v.value}, {"count", v.count}});
            facets[std::string(facet_name(facet.kind))] = std::move(values);
        }
        doc["facets"] = std::move(facets);
        doc["facet_total"] = r.facet_total;
    }
    doc["collapsed"] = r.collapsed;
    out << dump(doc) << '\n';
}

void print_jsonl(const SearchResults& r, std::ostream& out, const std::vector<std::string>& fields) {
    for (const auto& hit : r.hits) out << dump(hit_json(hit, fields)) << '\n';
}

void print_ids(const SearchResults& r, std::ostream& out) {
    for (const auto& hit : r.hits) out << hit.article.id << '\n';
}

void print_count(const SearchResults& r, std::ostream& out) { out << r.total << '\n'; }

std::span<const std::string_view> hit_field_names() { return kHitFields; }

}  // namespace newsdex
