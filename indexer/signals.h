/** @file @brief SIGINT/SIGTERM for newsdex-index: the first asks the run to stop cleanly
 *  (store what is in flight, commit, report); a second one ends the process at once,
 *  which is safe too, since the database only ever holds whole commits. */
#pragma once

#include <atomic>

namespace newsdex {

void install_stop_handlers();

/// Becomes true at the first SIGINT or SIGTERM.
const std::atomic<bool>& stop_requested();

/// The signal that asked to stop (SIGINT or SIGTERM), 0 if none.
int stop_signal();

}  // namespace newsdex
