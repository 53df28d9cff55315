// The periodic progress line (stderr not a terminal) inside one big multi-record file:
// bytes read against the inputs' size, MB/s and an ETA before the file ends.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/support/gzip.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

/// n JSON Lines records of distinct generated text (about 700 bytes each).
std::string generated_jsonl(int n) {
    static const char* words[] = {"council", "harbour", "budget", "river", "festival", "railway", "museum",
                                  "election", "glacier", "orchard", "tribunal", "stadium", "airport", "ferry",
                                  "minister", "strike", "tariff", "drought", "flood", "summit", "treaty"};
    constexpr std::size_t kWords = sizeof words / sizeof words[0];
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    std::string out;
    for (int i = 0; i < n; ++i) {
        out += "{\"id\": \"s" + std::to_string(i) + "\", \"title\": \"Report " + std::to_string(i) + "\", \"text\": \"";
        for (int w = 0; w < 90; ++w) out += std::string(words[next() % kWords]) + " " + std::to_string(next() % 1000) + " ";
        out += "\"}\n";
    }
    return out;
}

std::vector<std::string> progress_lines(const std::string& err) {
    std::vector<std::string> lines;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("newsdex-index: progress: ")) lines.push_back(line);
    return lines;
}

/// Indexes one file with a progress line every 50 ms and checks every line's whole
/// format; at least one must come from inside the file (no file done, some bytes read),
/// with an ETA, and measured against the file's size as stored.
void expect_progress_inside(const std::string& file, std::uintmax_t stored_size, const std::string& db) {
    const auto started = std::chrono::steady_clock::now();
    const auto r = index_cmd({"--db", db, "--progress-interval", "0.05", file});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 3000 articles")) << r.out;
    const std::regex shape(
        R"(newsdex-index: progress: (\d+)/1 files, (\d+\.\d)/(\d+\.\d) MB, \d+ articles?, \d+ articles/s, )"
        R"(\d+\.\d MB/s(, ETA (\d+s|\d+m\d\ds|\d+h\d\dm))?, \d+ warnings?)");
    const auto lines = progress_lines(r.err);
    ASSERT_FALSE(lines.empty()) << r.err;
    char total[32];
    std::snprintf(total, sizeof total, "%.1f", static_cast<double>(stored_size) / 1e6);
    std::size_t inside = 0, with_eta = 0;
    double last_done = 0;
    for (const auto& line : lines) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(line, m, shape)) << line;
        EXPECT_EQ(m[3].str(), total) << line;
        const double done = std::stod(m[2].str());
        EXPECT_GE(done, last_done) << "bytes read never go back: " << line;
        last_done = done;
        if (m[1].str() == "0" && done > 0 && done < std::stod(m[3].str())) {
            ++inside;
            with_eta += m[4].matched;
        }
    }
    EXPECT_GT(inside, 0u) << "no progress line from inside the file:\n" << r.err;
    // The ETA appears after the run's first second, and the run's end (commit, compaction)
    // takes a second or more of its own, so only a long run must show one mid-file; the
    // ETA's text is pinned by Console.InsideOneBigFileBytesReadGiveRateAndEta.
    if (seconds > 10.0) {
        EXPECT_GT(with_eta, 0u) << "no ETA before the file ended:\n" << r.err;
    }
}

TEST(ProgressCli, APeriodicLineInsideOneBigJsonLinesFileShowsBytesRateAndEta) {
    TempDir tmp;
    const std::string path = tmp.str() + "/dump.jsonl";
    const std::string data = generated_jsonl(3000);
    std::ofstream(path, std::ios::binary) << data;
    expect_progress_inside(path, data.size(), tmp.str() + "/db");
}

TEST(ProgressCli, ACompressedDumpIsMeasuredAgainstItsCompressedSize) {
    TempDir tmp;
    const std::string path = tmp.str() + "/dump.jsonl.gz";
    const std::string packed = gzip(generated_jsonl(3000));
    std::ofstream(path, std::ios::binary) << packed;
    expect_progress_inside(path, packed.size(), tmp.str() + "/db");
}

}  // namespace
}  // namespace newsdex::test
