/** @file @brief newsdex-search's command line: options bound straight to SearchRequest and
 *  the printers' settings (each default stated once, there), the help text, and validation. */
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/search/search.h"
#include "searcher/output.h"

namespace newsdex {

// Exit statuses, as grep's (documented in --help and the README).
inline constexpr int kExitMatch = 0;
inline constexpr int kExitNoMatch = 1;
inline constexpr int kExitError = 2;  // usage error, malformed query, database error

inline constexpr const char* kSearchProgram = "newsdex-search";

enum class Format { Text, Json, JsonLines, Ids, Count };
enum class Color { Auto, Always, Never };

/// What one run of newsdex-search does.
struct SearcherConfig {
    std::vector<std::string> dbs;
    SearchRequest request;
    Format format = Format::Text;
    Color color = Color::Auto;
    std::vector<std::string> fields;  ///< --fields: what JSON hits carry (empty: all)
    TextStyle style;  ///< highlight mode and markers; colour is settled when printing
};

/// Reads the command line into `config`; returns an exit status when the program should stop
/// now (--help, --version, or a usage error already printed). Throws
/// boost::program_options::error, or Error(Usage) for a bad --fields, date or --weighting.
std::optional<int> parse_options(int argc, char** argv, SearcherConfig& config);

}  // namespace newsdex
