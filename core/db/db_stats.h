/** @file @brief What a Newsdex database holds, for `newsdex-index --stats`. */
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace newsdex {

struct DbStats {
    std::string path;                 ///< the database folder
    std::string index_path;           ///< the glass folder holding the live index
    std::uint64_t articles = 0;
    std::uint64_t source_files = 0;   ///< files with a recorded state
    std::uint64_t publications = 0;   ///< distinct source names
    std::vector<std::pair<std::string, std::uint64_t>> top_publications;  ///< most articles first
    std::vector<std::pair<std::string, std::uint64_t>> languages;         ///< ISO code, articles
    std::string first_date, last_date;  ///< YYYY-MM-DD; empty when no article has a date
    std::uint64_t duplicate_groups = 0;   ///< groups of two or more articles
    std::uint64_t duplicate_articles = 0; ///< articles in those groups beyond the first of each
    std::uintmax_t bytes_on_disk = 0;
    std::string last_update;           ///< ISO 8601 time of the last commit; empty if unknown
    std::string schema_version, language;
};

/// Reads the statistics of the database folder `db_path`. Throws Error(Database) when
/// there is no readable Newsdex database there.
DbStats read_db_stats(const std::string& db_path, std::size_t top_publications = 10);

}  // namespace newsdex
