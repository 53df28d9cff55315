#include "core/readers/html_bounds.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace newsdex::readers {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// Elements whose content the tokenizer reads as text up to their end tag.
bool has_raw_text(std::string_view name) {
    static constexpr std::array<std::string_view, 8> kRaw{"script", "style",   "textarea", "title",
                                                          "xmp",    "iframe",  "noembed",  "noframes"};
    return std::find(kRaw.begin(), kRaw.end(), name) != kRaw.end();
}

/// Where the end tag `</name` closing raw text that starts at `from` begins (any case), or
/// the end of the input.
std::size_t find_end_tag(std::string_view html, std::size_t from, std::string_view name) {
    for (auto at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        const std::size_t after = at + 2 + name.size();
        if (after <= html.size() && lower(html.substr(at + 2, name.size())) == name &&
            (after == html.size() || is_space(html[after]) || html[after] == '/' || html[after] == '>'))
            return at;
    }
    return html.size();
}

/// One start or end tag from its '<': where its name ends, where the attribute past the
/// limit starts (npos if none is), how many attributes it has, and where it ends (one past
/// '>', or the end of the input).
struct TagScan {
    std::size_t name_end = 0;
    std::size_t cut_at = std::string_view::npos;
    std::size_t attributes = 0;
    std::size_t end = 0;
    bool self_closing = false;
};

TagScan scan_tag(std::string_view html, std::size_t pos) {
    TagScan t;
    std::size_t i = pos + 1 + (html[pos + 1] == '/' ? 1 : 0);
    while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>') ++i;
    t.name_end = i;
    for (;;) {
        while (i < html.size() && (is_space(html[i]) || (html[i] == '/' && html.substr(i, 2) != "/>"))) ++i;
        if (i >= html.size()) break;
        if (html[i] == '>' || html.substr(i, 2) == "/>") {
            t.self_closing = html[i] == '/';
            t.end = i + (t.self_closing ? 2 : 1);
            return t;
        }
        if (++t.attributes == kMaxHtmlAttributes + 1) t.cut_at = i;
        ++i;  // a name's first character may be '=' (a parse error, but part of the name)
        while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
        std::size_t j = i;
        while (j < html.size() && is_space(html[j])) ++j;
        if (j >= html.size() || html[j] != '=') continue;
        i = j + 1;
        while (i < html.size() && is_space(html[i])) ++i;
        if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
            const auto close = html.find(html[i], i + 1);
            i = close == std::string_view::npos ? html.size() : close + 1;
        } else {
            while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
        }
    }
    t.end = html.size();
    return t;
}

}  // namespace

AttributeBound bound_attributes(std::string_view html) {
    AttributeBound out;
    std::size_t copied = 0;  // html[0, copied) is in out.html (only once something is cut)
    for (std::size_t pos = html.find('<'); pos != std::string_view::npos && pos + 1 < html.size();
         pos = html.find('<', pos)) {
        if (html.substr(pos, 4) == "<!--") {
            const auto close = html.find("-->", pos + 4);
            if (close == std::string_view::npos) break;
            pos = close + 3;
            continue;
        }
        const bool closing = html[pos + 1] == '/';
        const std::size_t name_at = pos + 1 + (closing ? 1 : 0);
        if (name_at >= html.size() || !is_letter(html[name_at])) {
            ++pos;  // "<" as text, "<!doctype", "<?": no attributes to count
            continue;
        }
        const TagScan tag = scan_tag(html, pos);
        out.most = std::max(out.most, tag.attributes);
        if (tag.cut_at != std::string_view::npos) {
            if (!out.cut) out.html.reserve(html.size());
            out.cut = true;
            out.html.append(html.substr(copied, tag.cut_at - copied));
            out.html.append(tag.self_closing ? "/>" : ">");
            copied = tag.end;
        }
        const std::string name = lower(html.substr(pos + 1, tag.name_end - pos - 1));
        pos = tag.end;
        if (!closing && !tag.self_closing && has_raw_text(name)) pos = find_end_tag(html, pos, name);
    }
    if (out.cut) out.html.append(html.substr(std::min(copied, html.size())));
    return out;
}

std::string attribute_bound_note(std::size_t most) {
    return "an element with " + std::to_string(most) + " attributes (limit " + std::to_string(kMaxHtmlAttributes) +
           "): the attributes past the limit dropped";
}

}  // namespace newsdex::readers
