#include "core/article/article.h"

#include "core/text/utf8.h"

#include <cctype>

namespace newsdex {

std::string_view to_string(DateOrigin origin) {
    switch (origin) {
        case DateOrigin::Header: return "header";
        case DateOrigin::FileTime: return "file-mtime";
        case DateOrigin::Capture: return "capture-time";
        case DateOrigin::UrlPath: return "url-path";
        case DateOrigin::None: break;
    }
    return "none";
}

DateOrigin date_origin_from_string(std::string_view text) {
    if (text == "header") return DateOrigin::Header;
    if (text == "file-mtime") return DateOrigin::FileTime;
    if (text == "capture-time") return DateOrigin::Capture;
    if (text == "url-path") return DateOrigin::UrlPath;
    return DateOrigin::None;
}

std::string Article::body_text() const {
    std::string out;
    for (const auto& p : paragraphs) {
        if (!out.empty()) out += '\n';
        out += p;
    }
    return out;
}

std::string Article::author_line() const {
    std::string out;
    for (const auto& a : authors) {
        if (!out.empty()) out += ", ";
        out += a;
    }
    return out;
}

namespace {

bool is_sentence_end(std::string_view text, std::size_t i) {
    const char c = text[i];
    if (c != '.' && c != '!' && c != '?') return false;
    if (i + 1 < text.size() && text[i + 1] != ' ') return false;
    // "Lt. Gen" or "U.S. forces": a one- or two-letter word before a dot is an abbreviation.
    if (c == '.') {
        std::size_t start = i;
        while (start > 0 && text[start - 1] != ' ') --start;
        if (i - start <= 2) return false;
        // "N.Y.", "U.S.", "U.K.", "U.S.A.": single letters joined by dots are initials.
        bool initials = true;
        for (std::size_t k = start; k < i && initials; ++k)
            initials = (k - start) % 2 == 0 ? std::isalpha(static_cast<unsigned char>(text[k])) != 0
                                            : text[k] == '.';
        if (initials) return false;
    }
    return true;
}

}  // namespace

std::string derive_title(std::string_view lead, std::size_t max_chars) {
    while (!lead.empty() && lead.front() == ' ') lead.remove_prefix(1);
    for (std::size_t i = 0; i < lead.size(); ++i) {
        if (is_sentence_end(lead, i)) {
            std::string_view sentence = lead.substr(0, lead[i] == '.' ? i : i + 1);
            if (utf8_length(sentence) <= max_chars) return std::string(sentence);
            break;
        }
    }
    if (utf8_length(lead) <= max_chars) return std::string(lead);
    // Cut at the last space that keeps the title within max_chars characters.
    std::string_view head = utf8_prefix(lead, max_chars);
    const auto space = head.rfind(' ');
    if (space != std::string_view::npos && space > max_chars / 2) head = head.substr(0, space);
    while (!head.empty() && (head.back() == ',' || head.back() == ';' || head.back() == ':' ||
                             head.back() == ' '))
        head.remove_suffix(1);
    return std::string(head) + "…";
}

}  // namespace newsdex
