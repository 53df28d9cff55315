#include "web/html.h"

#include "searcher/output.h"

#include <cctype>

namespace newsdex::web {

std::string escape(std::string_view text) { return html_escape(text, /*attribute=*/true); }

std::string url_encode(std::string_view text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

std::string query_string(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (value.empty()) continue;
        out += out.empty() ? "?" : "&";
        out += url_encode(name) + "=" + url_encode(value);
    }
    return out;
}

std::string safe_link(std::string_view url) {
    std::string lower;
    for (char c : url.substr(0, 8)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0) return std::string(url);
    return {};
}

}  // namespace newsdex::web
