#include "searcher/output.h"

#include <cmath>

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
    return n + (r.total == 1 && exact ? " match" : " matches");
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
    if (r.hits.empty()) {
        if (r.total == 0)
            out << "No articles match \"" << r.query << "\".\n";
        else
            out << count_phrase(r) << " for \"" << r.query << "\"; none from result " << r.offset + 1 << " on.\n";
        return;
    }
    out << count_phrase(r) << " for \"" << r.query << "\", showing " << r.hits.front().rank << "-"
        << r.hits.back().rank << ".";
    if (r.partial) {
        const bool any_full = r.hits.front().all_words;
        out << (any_full ? " After the articles holding every word come those holding some of them."
                         : " No article holds every word; these hold some of them.");
    }
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
}

void print_json(const SearchResults& r, std::ostream& out) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : r.hits) {
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
        hits.push_back(std::move(h));
    }
    nlohmann::json doc;
    doc["query"] = r.query;
    doc["total"] = r.total;
    doc["offset"] = r.offset;
    doc["hits"] = std::move(hits);
    doc["total_exact"] = r.total_lower == r.total_upper;
    doc["total_lower"] = r.total_lower;
    doc["total_upper"] = r.total_upper;
    doc["partial"] = r.partial;
    doc["collapsed"] = r.collapsed;
    out << doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace newsdex
