// Option values Boost would take silently (issue 20, item 15): a negative count wraps, an
// empty value means the option was not given. Each is a usage error: exit 2, one line
// naming the option, nothing on stdout, and nothing indexed or searched.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

struct Refused {
    std::vector<std::string> args;
    std::string message;  ///< the first line of stderr, after "<program>: "
};

void expect_refused(bool indexer, const Refused& row, const std::string& db) {
    std::vector<std::string> args = {"--db", db};
    args.insert(args.end(), row.args.begin(), row.args.end());
    const auto r = indexer ? index_cmd(args) : search_cmd(args);
    const std::string program = indexer ? "newsdex-index" : "newsdex-search";
    EXPECT_EQ(r.exit_code, 2) << row.args.front();
    EXPECT_EQ(r.out, "") << row.args.front();
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')), program + ": " + row.message) << r.err;
}

TEST(OptionValues, TheIndexerRefusesNegativeEmptyAndOutOfRangeValues) {
    TempDir dir;
    const std::string db = dir.str() + "/db";
    const std::string file = corpus_file("cisco-earnings-webex.txt");
    const Refused rows[] = {
        {{"--batch-size", "-5", file}, "--batch-size must not be negative (it was given -5)"},
        {{"--batch-size=-1", file}, "--batch-size must not be negative (it was given -1)"},
        {{"--jobs", "-1", file}, "--jobs must not be negative (it was given -1)"},
        {{"--shards", "-2", file}, "--shards must not be negative (it was given -2)"},
        {{"--batch-size", "0", file}, "--batch-size must be at least 1"},
        {{"--batch-mb", "-3", file}, "--batch-mb must be positive"},
        {{"--max-size", "0", file}, "--max-size must be positive"},
        {{"--jobs", "257", file}, "--jobs must be between 1 and 256"},
        {{"--synonyms", "", file}, "--synonyms needs a value (it was given an empty one)"},
        {{"--language", "", file}, "--language needs a value (it was given an empty one)"},
        {{"--format", "", file}, "--format needs a value (it was given an empty one)"},
        {{"--field", "", file}, "--field needs a value (it was given an empty one)"},
    };
    for (const auto& row : rows) expect_refused(true, row, db);
    EXPECT_EQ(index_cmd({"--db", "", file}).exit_code, 2);
    EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(OptionValues, TheSearcherRefusesNegativeEmptyAndOutOfRangeValues) {
    TempDir dir;
    const std::string db = dir.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "-q", corpus_file("cisco-earnings-webex.txt")}).exit_code, 0);
    const Refused rows[] = {
        {{"--limit", "-1", "WebEx"}, "--limit must not be negative (it was given -1)"},
        {{"--offset", "-5", "WebEx"}, "--offset must not be negative (it was given -5)"},
        {{"--offset=-5", "WebEx"}, "--offset must not be negative (it was given -5)"},
        {{"--facet-limit", "-1", "WebEx"}, "--facet-limit must not be negative (it was given -1)"},
        {{"--fragments", "-1", "WebEx"}, "--fragments must not be negative (it was given -1)"},
        {{"--snippet-length", "-20", "WebEx"}, "--snippet-length must not be negative (it was given -20)"},
        {{"--wildcard-limit", "-1", "WebEx"}, "--wildcard-limit must not be negative (it was given -1)"},
        {{"--offset", "99999999999", "WebEx"}, "the argument ('99999999999') for option '--offset' is invalid"},
        {{"--half-life", "-1", "WebEx"}, "--half-life must be a number of days above 0"},
        {{"--since", "", "WebEx"}, "--since needs a value (it was given an empty one)"},
        {{"--until", "", "WebEx"}, "--until needs a value (it was given an empty one)"},
        {{"--like", ""}, "--like needs a value (it was given an empty one)"},
        {{"--sort", "", "WebEx"}, "--sort needs a value (it was given an empty one)"},
        {{"--fields", " ", "--format", "json", "WebEx"}, "--fields needs a value (it was given an empty one)"},
    };
    for (const auto& row : rows) expect_refused(false, row, db);
    EXPECT_EQ(search_cmd({"--db", "", "WebEx"}).exit_code, 2);
    // An empty highlight mark is a choice, not a missing value.
    const auto r = search_cmd({"--db", db, "--highlight", "plain", "--hl-start", "", "--hl-end", "", "WebEx"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_FALSE(contains(r.out, "[WebEx]")) << r.out;
}

}  // namespace
}  // namespace newsdex::test
