/** @file @brief Helpers shared by the end-to-end tests of the two programs. */
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/run_command.h"

namespace newsdex::test {

inline CommandResult index_cmd(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), NEWSDEX_INDEX_BIN);
    return run_command(args, env);
}

inline CommandResult search_cmd(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
    args.insert(args.begin(), NEWSDEX_SEARCH_BIN);
    return run_command(args, env);
}

inline std::string corpus_file(const std::string& name) {
    return std::string(NEWSDEX_CORPUS_DIR) + "/text/" + name;
}

/// Number of lines in s (a last line without newline counts).
inline std::size_t line_count(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '\n';
    return n + (!s.empty() && s.back() != '\n');
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace newsdex::test
