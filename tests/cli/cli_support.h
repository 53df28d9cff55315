/** @file @brief Helpers shared by the end-to-end tests of the two programs. */
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
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

/// Writes n articles into dir/name-NNNN.txt with bodies that share no story (distinct
/// word sequences from a seeded generator), so duplicate grouping leaves them apart.
/// Returns the folder.
inline std::string write_generated_corpus(const std::string& dir, int n, int words_per_article = 120,
                                          const std::string& name = "article") {
    static const char* vocabulary[] = {
        "council", "harbour", "budget", "river", "festival", "railway", "museum", "election", "vaccine",
        "glacier", "orchard", "tribunal", "stadium", "airport", "library", "bakery", "volcano", "lighthouse",
        "refinery", "quarry", "minister", "strike", "tariff", "drought", "flood", "summit", "treaty", "pension",
        "hospital", "school", "bridge", "tunnel", "market", "factory", "vineyard", "coalition", "verdict",
        "protest", "satellite", "reactor", "ferry", "forest", "border", "harvest", "festival", "senate"};
    constexpr std::size_t kWords = sizeof vocabulary / sizeof vocabulary[0];
    std::filesystem::create_directories(dir);
    std::uint64_t state = 88172645463325252ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < n; ++i) {
        char file[64];
        std::snprintf(file, sizeof file, "/%s-%04d.txt", name.c_str(), i);
        std::ofstream out(dir + file);
        out << "Title: Report number " << i << " on the " << vocabulary[next() % kWords] << "\n\n";
        for (int w = 0; w < words_per_article; ++w) {
            out << vocabulary[next() % kWords] << ' ' << (next() % 1000);
            out << (w % 15 == 14 ? ".\n" : " ");
        }
        out << "End of report " << i << ".\n";
    }
    return dir;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace newsdex::test
