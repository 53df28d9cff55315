/** @file @brief The closing summary of newsdex-index and the --stats report. */
#pragma once

#include <string>

#include "core/db/db_stats.h"
#include "core/index/ingest.h"

namespace newsdex {

/// First line (always): "indexed N articles (A new, U updated), K unchanged, D deleted,
/// G duplicates (E exact, N near) from F files (R read, S unchanged); X skipped, Y failed
/// [, Z ignored (not article files)]; T s, N articles/s, M MB/s -> DB". Then, when there
/// were any, one line each for skipped and failed inputs with their reasons grouped.
std::string format_summary(const IngestStats& stats, double seconds, const std::string& db);

/// `--stats`: one "key: value" line per figure.
std::string format_stats(const DbStats& stats);

}  // namespace newsdex
