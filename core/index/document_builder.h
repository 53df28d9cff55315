/** @file @brief Article -> Xapian::Document, following the layout in schema.h. */
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "core/article/article.h"
#include "core/text/language.h"

namespace newsdex {

class DocumentBuilder {
  public:
    /// default_language stems articles that do not name their own language.
    explicit DocumentBuilder(Language default_language);

    /// The document for an article: terms, values and data. Its id term is
    /// schema::id_term(article.id); pass that to replace_document.
    Xapian::Document build(const Article& article);

  private:
    const Xapian::Stem& stemmer_for(const std::string& language_code);

    Language default_language_;
    std::map<std::string, Xapian::Stem> stemmers_;
    Xapian::TermGenerator generator_;
};

}  // namespace newsdex
