/** @file @brief newsdex-index's command line: options bound straight to the core's option
 *  structs (each default stated once, there), the help text, and validation. */
#pragma once

#include <optional>
#include <string>

#include "core/index/index_writer.h"
#include "core/index/ingest.h"

namespace newsdex {

// Exit statuses (documented in --help and the README).
inline constexpr int kExitOk = 0;           // every input indexed
inline constexpr int kExitSomeInputs = 1;   // finished, but some inputs were skipped or failed
inline constexpr int kExitUsage = 2;        // bad options or arguments
inline constexpr int kExitDatabase = 3;     // the database could not be opened or written
inline constexpr int kExitSignalBase = 128; // stopped by SIGINT (130) or SIGTERM (143), work committed

inline constexpr const char* kIndexProgram = "newsdex-index";

/// What one run of newsdex-index does.
struct IndexerConfig {
    IndexerConfig();
    IndexWriterOptions writer;  ///< database, language, batches, rebuild, shards, compaction, lock, spelling
    IngestOptions ingest;       ///< PATHs, how files are read, jobs, prune, incremental
    bool stats = false;
    bool quiet = false;
    bool verbose = false;
    double progress_interval = 10;  ///< seconds between progress lines on a pipe (0: none)
    std::string synonyms;  ///< synonym file to load into the database; empty: leave as is
};

/// Reads the command line into `config`; returns an exit status when the program should stop
/// now (--help, --version, or a usage error already printed). Throws
/// boost::program_options::error for values Boost refuses.
std::optional<int> parse_options(int argc, char** argv, IndexerConfig& config);

}  // namespace newsdex
