#include "web/templates.h"

#include <stdexcept>

#include "web/html.h"

namespace newsdex::web {

std::string render(std::string_view name, const Values& values) {
    const auto text = embedded_file(name);
    if (!text) throw std::logic_error("no template " + std::string(name));
    std::string out;
    out.reserve(text->size() * 2);
    std::size_t pos = 0;
    while (pos < text->size()) {
        const auto open = text->find("{{", pos);
        if (open == std::string_view::npos) break;
        const bool raw = text->compare(open, 3, "{{{") == 0;
        const std::string_view close_mark = raw ? "}}}" : "}}";
        const auto key_start = open + (raw ? 3 : 2);
        const auto close = text->find(close_mark, key_start);
        if (close == std::string_view::npos) break;
        out.append(text->substr(pos, open - pos));
        const auto found = values.find(text->substr(key_start, close - key_start));
        if (found != values.end()) out += raw ? found->second : escape(found->second);
        pos = close + close_mark.size();
    }
    out.append(text->substr(pos));
    return out;
}

}  // namespace newsdex::web
