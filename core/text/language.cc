#include "core/text/language.h"
#include "core/text/utf8.h"

#include <array>
#include <cctype>

namespace newsdex {

namespace {

struct Entry {
    std::string_view code, stemmer;
};

// The stemmers of Xapian 1.4 (Stem::get_available_languages()) with their ISO codes.
constexpr std::array<Entry, 23> kLanguages{{
    {"ar", "arabic"},     {"hy", "armenian"},   {"eu", "basque"},    {"ca", "catalan"},
    {"da", "danish"},     {"nl", "dutch"},      {"en", "english"},   {"fi", "finnish"},
    {"fr", "french"},     {"de", "german"},     {"hu", "hungarian"}, {"id", "indonesian"},
    {"ga", "irish"},      {"it", "italian"},    {"lt", "lithuanian"}, {"ne", "nepali"},
    {"no", "norwegian"},  {"pt", "portuguese"}, {"ro", "romanian"},  {"ru", "russian"},
    {"es", "spanish"},    {"sv", "swedish"},    {"tr", "turkish"},
}};

}  // namespace

std::optional<Language> find_language(std::string_view name) {
    std::string key = ascii_lower(name);
    if (key == "none") return Language{"", "none"};
    // "en-GB", "pt_BR": the region does not change the stemmer.
    if (auto sep = key.find_first_of("-_"); sep != std::string::npos && sep <= 3) key.resize(sep);
    if (key == "nb" || key == "nn") key = "no";
    for (const auto& e : kLanguages)
        if (key == e.code || key == e.stemmer) return Language{std::string(e.code), std::string(e.stemmer)};
    return std::nullopt;
}

std::string known_languages() {
    std::string out;
    for (const auto& e : kLanguages) {
        if (!out.empty()) out += ", ";
        out += e.stemmer;
    }
    return out + ", none";
}

}  // namespace newsdex
