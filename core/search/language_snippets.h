/** @file @brief Snippets for hits in several languages: each article's matches are found
 *  with its own language's stemmer and the query as that language read it. */
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/search/multilingual.h"
#include "core/snippets/snippet.h"

namespace newsdex {

class LanguageSnippets {
  public:
    /// With `readings` (after its parse of the highlighted form), a SnippetMaker per
    /// stemming language, each for its own reading; without, one for `highlight`
    /// stemmed in the primary language.
    LanguageSnippets(const Xapian::Query& highlight, const MultilingualQueryBuilder* readings,
                     const std::vector<StemmingLanguage>& languages, const Xapian::Database* db,
                     SnippetOptions options);

    /// The maker for an article of language `code` (ISO 639-1; "" for unknown), made on
    /// first use: a page's hits are in few languages, and each maker reads the query's
    /// terms from the database.
    const SnippetMaker& for_language(const std::string& code) const;

  private:
    std::vector<StemmingLanguage> languages_;
    std::vector<Xapian::Query> queries_;  // as languages_
    const Xapian::Database* db_;
    SnippetOptions options_;
    mutable std::map<std::size_t, SnippetMaker> makers_;  // by index in languages_
};

}  // namespace newsdex
