#include "searcher/output.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace newsdex {

namespace {

constexpr const char* kSgrReset = "\033[0m";
constexpr const char* kSgrMatch = "\033[1;31m";
constexpr const char* kSgrTitle = "\033[1m";
constexpr const char* kSgrDim = "\033[2m";


nlohmann::json nullable(const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); }

std::string count_phrase(const SearchResults& r) {
    const bool exact = r.total_lower == r.total_upper;
    std::string n = (exact ? "" : "about ") + std::to_string(r.total);
    n += r.total == 1 && exact ? " match" : " matches";
    if (!exact) n += " (" + std::to_string(r.total_lower) + " to " + std::to_string(r.total_upper) + ")";
    return n;
}

/// The headline's number when partial matches follow: the articles holding every word,
/// the number --count prints (issue 19: one meaning for both).
std::string all_words_phrase(const SearchResults& r) {
    const bool exact = r.total_all_words_exact;
    std::string n = (exact ? "" : "about ") + std::to_string(r.total_all_words);
    n += r.total_all_words == 1 && exact ? " match" : " matches";
    return n;
}

/// ` of "QUERY"`, or "" without query words.
std::string of_query(const SearchResults& r) { return r.query.empty() ? std::string() : " of \"" + r.query + "\""; }

/// " (about N more hold some of them)".
std::string partial_phrase(const SearchResults& r) {
    const bool exact = r.total_lower == r.total_upper && r.total_all_words_exact;
    const Xapian::doccount some = r.total > r.total_all_words ? r.total - r.total_all_words : 0;
    return std::string(" (") + (exact ? "" : "about ") + std::to_string(some) + " more hold some of them)";
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

/// A histogram, one line a period: "2024-03  ######## 12", bars scaled to the largest.
void print_timeline(const SearchResults& r, std::ostream& out) {
    if (!r.timeline) return;
    const Timeline& t = *r.timeline;
    out << "Timeline (matches by " << timeline_unit_name(t.unit) << "):";
    if (t.bars.empty()) out << " no match is dated";
    out << '\n';
    Xapian::doccount most = 0;
    for (const auto& bar : t.bars) most = std::max(most, bar.count);
    constexpr Xapian::doccount kWidth = 50;
    for (const auto& bar : t.bars) {
        // Any count above 0 gets at least one mark, so that no match disappears.
        const Xapian::doccount marks =
            bar.count == 0 ? 0 : std::max<Xapian::doccount>(1, static_cast<Xapian::doccount>(
                                                                  std::uint64_t{bar.count} * kWidth / most));
        out << "  " << bar.period << std::string(11 - std::min<std::size_t>(10, bar.period.size()), ' ')
            << std::string(marks, '#') << (marks ? " " : "") << bar.count << '\n';
    }
    if (t.undated > 0) out << "  (" << t.undated << " undated)\n";
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

/// A field of a JSON hit: its name (what --fields accepts), whether it needs the snippets
/// made (the rest are there without them), and its value.
struct HitField {
    std::string_view name;
    bool needs_snippets;
    nlohmann::json (*value)(const Hit& hit);
};

/// Every field a JSON hit has, in README order. The first ten are the v1 contract and never
/// change meaning; the rest are extensions.
const HitField kHitFields[] = {
    {"rank", false, [](const Hit& h) { return nlohmann::json(h.rank); }},
    {"id", false, [](const Hit& h) { return nlohmann::json(h.article.id); }},
    {"score", false, [](const Hit& h) { return nlohmann::json(std::round(h.score * 1e6) / 1e6); }},
    {"title", false, [](const Hit& h) { return nlohmann::json(h.article.title); }},
    {"author", false, [](const Hit& h) { return nullable(h.article.author_line()); }},
    {"date", false,
     [](const Hit& h) { return h.article.date ? nlohmann::json(to_iso(*h.article.date)) : nlohmann::json(nullptr); }},
    {"source", false, [](const Hit& h) { return nullable(h.article.source); }},
    {"path", false, [](const Hit& h) { return nullable(h.article.path); }},
    {"url", false, [](const Hit& h) { return nullable(h.article.url); }},
    {"snippet", true, [](const Hit& h) { return nlohmann::json(to_html(h.snippet)); }},
    {"authors", false, [](const Hit& h) { return nlohmann::json(h.article.authors); }},
    {"date_origin", false, [](const Hit& h) { return nlohmann::json(std::string(to_string(h.article.date_origin))); }},
    {"title_highlighted", true, [](const Hit& h) { return nlohmann::json(to_html(h.title)); }},
    {"all_words", false, [](const Hit& h) { return nlohmann::json(h.all_words); }},
    {"language", false, [](const Hit& h) { return nullable(h.article.language); }},
    {"similar", false, [](const Hit& h) { return nlohmann::json(h.similar); }},
    {"fragments", true, [](const Hit& h) { return fragments_json(h.fragments); }},
    {"snippet_from_lead", true, [](const Hit& h) { return nlohmann::json(h.snippet_from_lead); }},
    {"title_highlights", true, [](const Hit& h) { return offsets_json(h.title); }},
};

const std::vector<std::string_view> kHitFieldNames = [] {
    std::vector<std::string_view> names;
    for (const auto& field : kHitFields) names.push_back(field.name);
    return names;
}();

const HitField* find_hit_field(std::string_view name) {
    for (const auto& field : kHitFields)
        if (field.name == name) return &field;
    return nullptr;
}

/// The hit as JSON, keeping only `fields` (all when empty).
nlohmann::json hit_json(const Hit& hit, const std::vector<std::string>& fields) {
    nlohmann::json h = nlohmann::json::object();
    if (fields.empty()) {
        for (const auto& field : kHitFields) h[std::string(field.name)] = field.value(hit);
        return h;
    }
    for (const auto& name : fields)
        if (const HitField* field = find_hit_field(name)) h[name] = field->value(hit);
    return h;
}

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

/// Snippets keep the article's paragraph breaks; a listing reads better on one line.
std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return s;
}

}  // namespace

std::string html_escape(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'':
                if (attribute) out += "&#39;";
                else out += c;
                break;
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
        else if (r.offset < r.total_lower && r.partial)  // --limit 0: the count alone was asked for
            out << all_words_phrase(r) << " holding every word" << of_query(r) << partial_phrase(r) << ".\n";
        else if (r.offset < r.total_lower)
            out << count_phrase(r) << what << ".\n";
        else
            out << count_phrase(r) << what << "; none from result " << std::uint64_t{r.offset} + 1 << " on.\n";
        print_facets(r, out);
        print_timeline(r, out);
        return;
    }
    const std::string showing = "showing " + std::to_string(r.hits.front().rank) + "-" + std::to_string(r.hits.back().rank);
    if (!r.partial) {
        out << count_phrase(r) << what << ", " << showing << ".";
    } else if (r.total_all_words == 0) {
        out << "No article holds every word" << of_query(r) << "; " << showing
            << " of " << count_phrase(r) << " holding some of them.";
    } else {
        // The headline counts what --count counts: the articles holding every word.
        out << all_words_phrase(r) << " holding every word" << of_query(r) << partial_phrase(r) << ", " << showing
            << ".";
        if (!r.hits.back().all_words)
            out << (r.hits.front().all_words ? " Partial matches follow those holding every word."
                                             : " These hold some of the words.");
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
    print_timeline(r, out);
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
    if (r.timeline) {
        nlohmann::json bars = nlohmann::json::array();
        for (const auto& bar : r.timeline->bars) bars.push_back({{"period", bar.period}, {"count", bar.count}});
        doc["timeline"] = {{"unit", std::string(timeline_unit_name(r.timeline->unit))},
                           {"bars", std::move(bars)},
                           {"undated", r.timeline->undated}};
    }
    out << dump(doc) << '\n';
}

void print_article_json(const Article& a, const MarkedText& title, const MarkedText& text, std::ostream& out) {
    nlohmann::json doc;
    doc["id"] = a.id;
    doc["title"] = a.title;
    doc["author"] = nullable(a.author_line());
    doc["authors"] = a.authors;
    doc["date"] = a.date ? nlohmann::json(to_iso(*a.date)) : nlohmann::json(nullptr);
    doc["date_origin"] = std::string(to_string(a.date_origin));
    doc["source"] = nullable(a.source);
    doc["path"] = nullable(a.path);
    doc["url"] = nullable(a.url);
    doc["language"] = nullable(a.language);
    doc["text"] = plain_text(text);
    doc["title_highlighted"] = to_html(title);
    doc["text_highlighted"] = to_html(text);
    out << dump(doc) << '\n';
}

void print_jsonl(const SearchResults& r, std::ostream& out, const std::vector<std::string>& fields) {
    for (const auto& hit : r.hits) out << dump(hit_json(hit, fields)) << '\n';
}

void print_ids(const SearchResults& r, std::ostream& out) {
    for (const auto& hit : r.hits) out << hit.article.id << '\n';
}

void print_notes(const SearchResults& r, std::ostream& err) {
    for (const auto& note : r.notes) err << "newsdex-search: note: " << note << '\n';
    if (!r.corrected_from.empty())
        err << "newsdex-search: note: searched \"" << r.query << "\" instead of \"" << r.corrected_from
            << "\", of which no article holds every word (--no-correct searches it as typed)\n";
}

void print_count(const SearchResults& r, std::ostream& out) { out << r.total_all_words << '\n'; }

std::span<const std::string_view> hit_field_names() { return kHitFieldNames; }

bool hit_fields_need_snippets(const std::vector<std::string>& fields) {
    return std::any_of(fields.begin(), fields.end(), [](const std::string& name) {
        const HitField* field = find_hit_field(name);
        return field && field->needs_snippets;
    });
}

}  // namespace newsdex
