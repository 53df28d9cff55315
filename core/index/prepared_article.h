/** @file @brief An article made ready for the writer by a worker thread: its Xapian
 *  document (terms, values, data) and its duplicate signature. Building these is most of
 *  the CPU cost of indexing, so it runs in parallel; only storing them is serial. */
#pragma once

#include <cstddef>
#include <string>

#include <xapian.h>

#include "core/article/article.h"
#include "core/index/document_builder.h"
#include "core/index/dup_signature.h"

namespace newsdex {

struct PreparedArticle {
    std::string id;
    std::string id_term;
    std::string path;         ///< as the reader named it, for messages
    Xapian::Document document;
    DupSignature signature;
    std::size_t text_bytes = 0;  ///< title and body bytes, for batching and MB/s
};

/// Builds the document with `builder` (one per thread: TermGenerator is not thread-safe)
/// and adds what ties it to `source_file` (the file on disk) and its signature.
PreparedArticle prepare_article(DocumentBuilder& builder, const Article& article, const std::string& source_file);

}  // namespace newsdex
