/** @file @brief Article -> Xapian::Document, following the layout in schema.h. */
#pragma once

#include <map>
#include <string>

#include <xapian.h>

#include "core/article.h"
#include "core/language.h"

namespace newsdex {

class DocumentBuilder {
  public:
    /// default_language stems articles that do not name their own language.
    explicit DocumentBuilder(Language default_language);

    /// The document for an article: terms, values and data. Its id term is
    /// schema::id_term(article.id); pass that to replace_document.
    Xapian::Document build(const Article& article);

    /// Whether prepare_article() should also collect the words for the spelling dictionary
    /// (what "Did you mean" suggests from); the writer thread adds them to the database.
    void record_spelling(bool on) { record_spelling_ = on; }
    bool records_spelling() const { return record_spelling_; }

    /// What schema version 2 added to a document built from `article`: the author-list
    /// and language slots and the parent-domain host terms. build() includes them; the
    /// writer adds them to a version-1 document when it upgrades a database.
    void add_version2_fields(Xapian::Document& doc, const Article& article) const;

  private:
    const Xapian::Stem& stemmer_for(const std::string& language_code);

    Language default_language_;
    std::map<std::string, Xapian::Stem> stemmers_;
    Xapian::TermGenerator generator_;
    bool record_spelling_ = false;
};

}  // namespace newsdex
