#include "core/readers/paragraphs.h"

#include <array>
#include <cctype>

#include "core/readers/html_text.h"

namespace newsdex::readers {

std::string squeeze_whitespace(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || nbsp) {
            space = true;
            if (nbsp) ++i;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

std::vector<std::string> split_paragraphs(std::string_view text) {
    std::vector<std::string_view> lines;
    bool has_blank = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        lines.push_back(line);
        start = nl + 1;
    }
    while (!lines.empty() && lines.back().find_first_not_of(" \t\r") == std::string_view::npos) lines.pop_back();
    for (auto line : lines)
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) has_blank = true;
    std::vector<std::string> out;
    std::string block;
    auto flush = [&] {
        std::string p = squeeze_whitespace(block);
        if (!p.empty()) out.push_back(std::move(p));
        block.clear();
    };
    for (auto line : lines) {
        const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
        if (blank || !has_blank) {
            if (!has_blank) block.append(line);
            flush();
        } else {
            block.append(line);
            block += ' ';
        }
    }
    flush();
    return out;
}

std::vector<std::string> split_blocks(std::string_view text) {
    std::vector<std::string> out;
    std::string block;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            if (auto p = squeeze_whitespace(block); !p.empty()) out.push_back(std::move(p));
            block.clear();
        } else {
            block.append(line);
            block += ' ';
        }
        if (nl == text.size()) break;
    }
    if (auto p = squeeze_whitespace(block); !p.empty()) out.push_back(std::move(p));
    return out;
}

bool looks_like_html(std::string_view text) {
    static constexpr std::array<std::string_view, 16> kTags{
        "<p>", "<p ", "</p>", "<br", "<div", "</div>", "</a>", "<strong>", "<em>", "<b>",
        "<i>", "<img", "<ul>", "<li>", "<h2", "<blockquote"};
    std::string lower;
    const std::string_view head = text.substr(0, 65536);
    lower.reserve(head.size());
    for (char c : head) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto tag : kTags)
        if (lower.find(tag) != std::string::npos) return true;
    return false;
}

std::vector<std::string> text_field_paragraphs(std::string_view text) {
    if (looks_like_html(text)) return html_fragment_paragraphs(text);
    return split_paragraphs(text);
}

}  // namespace newsdex::readers
