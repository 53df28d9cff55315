/** @file @brief Snippets for hits in several languages: each article's matches are found
 *  with its own language's stemmer and the query as that language read it. */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "core/search/multilingual.h"
#include "core/snippets/snippet.h"

namespace newsdex {

class LanguageSnippets {
  public:
    /// With `readings` (after its parse of the highlighted form), one SnippetMaker per
    /// stemming language, each for its own reading; without, one for `highlight`
    /// stemmed in the primary language.
    LanguageSnippets(const Xapian::Query& highlight, const MultilingualQueryBuilder* readings,
                     const std::vector<StemmingLanguage>& languages, const Xapian::Database* db,
                     SnippetOptions options);

    /// The maker for an article of language `code` (ISO 639-1; "" for unknown).
    const SnippetMaker& for_language(const std::string& code) const;

  private:
    std::vector<StemmingLanguage> languages_;
    std::vector<SnippetMaker> makers_;  // as languages_, or one
};

}  // namespace newsdex
