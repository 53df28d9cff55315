/** @file @brief One input file -> the articles in it, whatever its format. The seam
 *  between the readers (which know formats) and ingest (which knows the database). */
#pragma once

#include <cstdint>
#include <string>

#include "core/article.h"
#include "core/language.h"
#include "core/problem.h"

namespace newsdex::readers {

struct ReadOptions {
    std::uintmax_t max_file_bytes = 64ULL << 20;
    Language language{"en", "english"};  ///< for articles that do not name theirs
};

/// Receives what read_file finds, in file order.
class ArticleSink {
  public:
    virtual ~ArticleSink() = default;
    /// A complete article: id, path, date (the file's time when it has none) and language set.
    /// The id must be stable across runs (core/article_id.h: the canonical path, `#URL` or
    /// `#N` for a record, `!member` for an archive member): the indexer replaces by id and
    /// removes the ids a re-read file no longer yields.
    virtual void article(Article&& article) = 0;
    /// An input, or part of one, that could not be fully used.
    virtual void problem(Problem&& problem) = 0;
};

/// Reads every article in the file at `path` (today: one plain-text article per file).
/// Never throws for bad input: each problem goes to the sink and reading goes on.
void read_file(const std::string& path, const ReadOptions& options, ArticleSink& sink);

/// True for file names read when met inside a folder (files named on the command line
/// are always read).
bool is_article_file_name(const std::string& filename);

}  // namespace newsdex::readers
