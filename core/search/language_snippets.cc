#include "core/search/language_snippets.h"

#include <algorithm>

namespace newsdex {

LanguageSnippets::LanguageSnippets(const Xapian::Query& highlight, const MultilingualQueryBuilder* readings,
                                   const std::vector<StemmingLanguage>& languages, const Xapian::Database* db,
                                   SnippetOptions options)
    : languages_(languages), db_(db), options_(options) {
    if (languages_.empty()) languages_.push_back({"english", {}});
    for (const auto& l : languages_)
        queries_.push_back(readings && readings->has_readings() ? readings->reading(l.stemmer) : highlight);
}

const SnippetMaker& LanguageSnippets::for_language(const std::string& code) const {
    std::size_t i = 0;
    for (std::size_t k = 1; k < languages_.size(); ++k)
        if (std::find(languages_[k].codes.begin(), languages_[k].codes.end(), code) != languages_[k].codes.end()) i = k;
    auto it = makers_.find(i);
    if (it == makers_.end()) {
        const std::string& name = languages_[i].stemmer;
        const Xapian::Stem stemmer = name == "none" || name.empty() ? Xapian::Stem() : Xapian::Stem(name);
        it = makers_.emplace(i, SnippetMaker(queries_[i], stemmer, db_, options_)).first;
    }
    return it->second;
}

}  // namespace newsdex
