#include "core/snippet.h"

#include "core/utf8.h"

namespace newsdex {

namespace {

// Markers handed to Xapian and split on afterwards. Stored text never holds them:
// the readers drop control characters (utf8.h clean_text).
constexpr char kStart = '\x02';
constexpr char kEnd = '\x03';
constexpr const char* kEllipsis = "\xE2\x80\xA6";

/// MSet::snippet HTML-escapes &, < and >; undo that so each printer escapes for itself.
std::string unescape_html(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            if (s.substr(i, 5) == "&amp;") { out += '&'; i += 4; continue; }
            if (s.substr(i, 4) == "&lt;") { out += '<'; i += 3; continue; }
            if (s.substr(i, 4) == "&gt;") { out += '>'; i += 3; continue; }
        }
        out += s[i];
    }
    return out;
}

MarkedText split_marked(const std::string& raw) {
    MarkedText spans;
    bool in_match = false;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) spans.push_back({unescape_html(current), in_match});
        current.clear();
    };
    for (char c : raw) {
        if (c == kStart || c == kEnd) {
            flush();
            in_match = c == kStart;
        } else {
            current += c;
        }
    }
    flush();
    return spans;
}

bool has_match(const MarkedText& spans) {
    for (const auto& s : spans)
        if (s.match) return true;
    return false;
}

}  // namespace

std::string plain_text(const MarkedText& marked) {
    std::string out;
    for (const auto& s : marked) out += s.text;
    return out;
}

std::string lead_text(const std::string& text, std::size_t length) {
    if (text.size() <= length) return text;
    std::string_view head = utf8_truncate_bytes(text, length);
    if (auto space = head.find_last_of(" \n"); space != std::string_view::npos && space > length / 2)
        head = head.substr(0, space);
    while (!head.empty() && (head.back() == ',' || head.back() == ' ' || head.back() == ';'))
        head.remove_suffix(1);
    return std::string(head) + kEllipsis;
}

MarkedText make_snippet(const Xapian::MSet& mset, const std::string& text,
                        const Xapian::Stem& stemmer, std::size_t length) {
    // EXHAUSTIVE scans the whole text for the best window; EMPTY_WITHOUT_MATCH lets us show
    // the lead instead of an arbitrary chunk when only the title or author matched.
    constexpr unsigned kFlags = Xapian::MSet::SNIPPET_EXHAUSTIVE | Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;
    const std::string raw = mset.snippet(text, length, stemmer, kFlags, std::string(1, kStart),
                                         std::string(1, kEnd), kEllipsis);
    MarkedText spans = split_marked(raw);
    if (!has_match(spans)) return {Span{lead_text(text, length), false}};
    return spans;
}

MarkedText highlight_all(const Xapian::MSet& mset, const std::string& text, const Xapian::Stem& stemmer) {
    const std::string raw = mset.snippet(text, text.size() + 16, stemmer, 0, std::string(1, kStart),
                                         std::string(1, kEnd), "");
    MarkedText spans = split_marked(raw);
    // Xapian drops trailing punctuation such as "…"; put back whatever it left off the end.
    const std::string shown = plain_text(spans);
    if (shown == text) return spans;
    if (text.compare(0, shown.size(), shown) == 0) {
        spans.push_back(Span{text.substr(shown.size()), false});
        return spans;
    }
    return {Span{text, false}};
}

}  // namespace newsdex
