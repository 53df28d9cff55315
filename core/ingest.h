/** @file @brief Walks the paths given to the indexer and feeds every article the readers
 *  find to the writer, reporting each input it cannot use and going on with the rest. */
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>
#include <functional>
#include <string>

#include "core/index_writer.h"
#include "core/problem.h"
#include "core/readers/read_file.h"

namespace newsdex {

struct IngestStats {
    std::size_t files = 0;          ///< files read or attempted
    std::size_t added = 0;          ///< new articles
    std::size_t replaced = 0;       ///< articles that replaced an earlier version
    std::size_t skipped = 0;        ///< inputs that are not articles (empty, binary, ...)
    std::size_t failed = 0;         ///< inputs that could not be read or stored
    std::size_t repaired = 0;       ///< indexed with repairs (bad bytes replaced, ...)
    std::size_t ignored = 0;        ///< files in folders with an unsupported name
    std::uintmax_t bytes = 0;       ///< article text bytes indexed
    std::size_t indexed() const { return added + replaced; }
};

class Ingest {
  public:
    using Reporter = std::function<void(const Problem&)>;

    Ingest(IndexWriter& writer, readers::ReadOptions options, Reporter report);

    /// Indexes a file, or every article file below a folder (hidden entries skipped,
    /// in name order so runs are reproducible). Problems go to the reporter; only
    /// database errors throw.
    void add_path(const std::string& path);

    const IngestStats& stats() const { return stats_; }

  private:
    class WriterSink;
    void add_file(const std::string& path);
    void add_directory(const std::string& path);
    void collect_files(const std::filesystem::path& dir, std::vector<std::filesystem::path>& files);
    void report(Problem&& problem);

    IndexWriter& writer_;
    readers::ReadOptions options_;
    Reporter report_;
    IngestStats stats_;
};

}  // namespace newsdex
