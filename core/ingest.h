/** @file @brief Walks the paths given to the indexer and feeds every article to the writer,
 *  reporting each input it cannot use and going on with the rest. */
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "core/index_writer.h"
#include "core/language.h"

namespace newsdex {

struct IngestOptions {
    std::uintmax_t max_file_bytes = 64ULL << 20;
    Language language{"en", "english"};  ///< for articles that do not name theirs
};

/// One input the indexer could not fully use.
struct Problem {
    enum class Level { Repaired, Skipped, Failed };
    Level level;
    std::string where;   ///< file path (and later, record)
    std::string reason;
};

struct IngestStats {
    std::size_t files = 0;          ///< files read or attempted
    std::size_t added = 0;          ///< new articles
    std::size_t replaced = 0;       ///< articles that replaced an earlier version
    std::size_t skipped = 0;        ///< inputs that are not articles (empty, binary, ...)
    std::size_t failed = 0;         ///< inputs that could not be read or stored
    std::size_t repaired = 0;       ///< indexed with repairs (bad bytes replaced, ...)
    std::size_t ignored = 0;        ///< files in folders with an unsupported name
    std::uintmax_t bytes = 0;       ///< text bytes indexed
    std::size_t indexed() const { return added + replaced; }
};

class Ingest {
  public:
    using Reporter = std::function<void(const Problem&)>;

    Ingest(IndexWriter& writer, IngestOptions options, Reporter report);

    /// Indexes a file, or every article file below a folder (hidden entries skipped,
    /// in name order so runs are reproducible). Problems go to the reporter; only
    /// database errors throw.
    void add_path(const std::string& path);

    const IngestStats& stats() const { return stats_; }

  private:
    void add_file(const std::string& path);
    void add_directory(const std::string& path);
    void report(Problem::Level level, const std::string& where, const std::string& reason);

    IndexWriter& writer_;
    IngestOptions options_;
    Reporter report_;
    IngestStats stats_;
};

/// True for file names the text reader takes when met inside a folder.
bool is_text_article_name(const std::string& filename);

}  // namespace newsdex
