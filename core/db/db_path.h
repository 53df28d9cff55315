/** @file @brief Where the database lives when no --db is given: the same for both programs. */
#pragma once

#include <string>

namespace newsdex {

/// The database path: `flag` when non-empty, else $NEWSDEX_DB, else
/// $XDG_DATA_HOME/newsdex/db, else ~/.local/share/newsdex/db.
/// Throws Error(Usage) when none can be determined (no HOME).
std::string resolve_db_path(const std::string& flag);

}  // namespace newsdex
