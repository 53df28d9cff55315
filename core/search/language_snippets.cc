#include "core/search/language_snippets.h"

#include <algorithm>

namespace newsdex {

LanguageSnippets::LanguageSnippets(const Xapian::Query& highlight, const MultilingualQueryBuilder* readings,
                                   const std::vector<StemmingLanguage>& languages, const Xapian::Database* db,
                                   SnippetOptions options)
    : languages_(languages) {
    const auto stemmers = stemmers_of(languages_);
    if (!readings || !readings->has_readings() || languages_.size() < 2) {
        makers_.emplace_back(highlight, stemmers.empty() ? Xapian::Stem("english") : stemmers.front(), db, options);
        return;
    }
    for (std::size_t i = 0; i < languages_.size(); ++i)
        makers_.emplace_back(readings->reading(languages_[i].stemmer), stemmers[i], db, options);
}

const SnippetMaker& LanguageSnippets::for_language(const std::string& code) const {
    if (makers_.size() == 1) return makers_.front();
    for (std::size_t i = 0; i < languages_.size(); ++i)
        if (std::find(languages_[i].codes.begin(), languages_[i].codes.end(), code) != languages_[i].codes.end())
            return makers_[i];
    return makers_.front();
}

}  // namespace newsdex
