/** @file @brief The single writer of a Newsdex database: replace-by-id, batched commits. */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/article.h"
#include "core/document_builder.h"
#include "core/language.h"
#include "core/synonyms.h"

namespace newsdex {

struct IndexWriterOptions {
    std::string db_path;
    Language language{"en", "english"};
    /// Articles per commit: a crash loses at most this many; ~1000 is also the fastest
    /// setting measured for news-sized documents (see shared XAPIAN.md).
    std::size_t batch_size = 1000;
    /// Record every word in the spelling dictionary ("Did you mean"); costs index time.
    bool spelling = true;
};

class IndexWriter {
  public:
    /// Opens or creates the database (and its parent folders). Throws Error(Database)
    /// when it is locked, corrupt, or was built with another schema or language.
    explicit IndexWriter(const IndexWriterOptions& options);
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    enum class Outcome { Added, Replaced };
    /// Adds the article, replacing any earlier version with the same id.
    Outcome add(const Article& article);

    /// Replaces the database's synonyms with these groups (see core/synonyms.h), stemmed
    /// in the database's language; returns the number of synonym keys. Not committed.
    std::size_t replace_synonyms(const std::vector<SynonymGroup>& groups);

    /// Makes everything added so far durable and visible to searchers.
    void commit();

    Xapian::doccount document_count() const { return db_.get_doccount(); }

  private:
    void check_or_write_metadata();

    IndexWriterOptions options_;
    Xapian::WritableDatabase db_;
    DocumentBuilder builder_;
    std::size_t uncommitted_ = 0;
};

}  // namespace newsdex
