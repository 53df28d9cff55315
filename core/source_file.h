/** @file @brief Reading one input file into clean text, refusing what is not article text. */
#pragma once

#include <cstdint>
#include <ctime>
#include <string>
#include <variant>
#include <vector>

namespace newsdex {

struct SourceFile {
    std::string path;                   ///< as given or found
    std::string canonical_path;         ///< absolute, symlinks resolved: the article id
    std::time_t mtime = 0;
    std::string text;                   ///< valid UTF-8
    std::vector<std::string> warnings;  ///< repairs made, e.g. invalid UTF-8 replaced
};

/// Why a file was not read; `skipped` is a file that is not an article (empty, binary,
/// too large), otherwise it is a failure (unreadable, vanished).
struct ReadFailure {
    std::string reason;
    bool skipped = false;
};

/// Reads and cleans a file (see clean_text). Returns the failure instead of throwing.
/// max_bytes bounds memory: larger files are skipped.
std::variant<SourceFile, ReadFailure> read_source_file(const std::string& path, std::uintmax_t max_bytes);

}  // namespace newsdex
