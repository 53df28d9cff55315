/** @file @brief Reading one input file (or standard input) into memory, safely: no blocking
 *  on FIFOs or devices, a size limit, and every failure as a reason instead of an exception. */
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <variant>

namespace newsdex {

struct SourceFile {
    std::string path;            ///< as given or found
    std::string canonical_path;  ///< absolute, symlinks resolved: the article id
    std::time_t mtime = 0;
    std::string bytes;           ///< the raw content, undecoded
};

/// Why a file was not read; `skipped` is a file that is not an article (too large, a
/// device), otherwise it is a failure (unreadable, vanished).
struct ReadFailure {
    std::string reason;
    bool skipped = false;
};

/// Reads a regular file of at most max_bytes. Returns the failure instead of throwing.
std::variant<SourceFile, ReadFailure> read_source_file(const std::string& path, std::uintmax_t max_bytes);

/// Reads standard input to its end (at most max_bytes); mtime is the time of reading.
std::variant<SourceFile, ReadFailure> read_standard_input(std::uintmax_t max_bytes);

}  // namespace newsdex
