// End-to-end tests of issue 19's items 10 and 13 over corpus/ indexed by the real
// indexer: what --count and the text headline count (every word, as FTS5 and notmuch
// count), Lucene/Elasticsearch habits (&&, ||, !word, author:Conn*), and --help's examples.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

using json = nlohmann::json;

class QueryHabitsCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        db_ = tmp_->str() + "/db";
        const auto r = index_cmd({"--db", db_, NEWSDEX_CORPUS_DIR "/text"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_, "--color", "never"});
        return search_cmd(args);
    }
    static int count(const std::string& query) {
        const auto r = search({"--count", query});
        EXPECT_LE(r.exit_code, 1) << r.err;
        return std::stoi(r.out);
    }
    static json search_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        return json::parse(search(args).out);
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string db_;
};

TEST_F(QueryHabitsCli, CountIsTheArticlesHoldingEveryWord) {
    const int both = count("Taurus WebEx");
    EXPECT_GT(both, 0);
    EXPECT_LT(both, count("Taurus"));
    EXPECT_EQ(both, count("Taurus AND WebEx"));
    EXPECT_GT(count("Taurus OR WebEx"), count("Taurus"));  // an operator is taken as written
    const auto j = search_json({"--limit", "50", "Taurus WebEx"});
    EXPECT_EQ(j["total_all_words"].get<int>(), both);
    EXPECT_TRUE(j["partial"].get<bool>());
    // The headline leads with the same number, and says how many more hold some words.
    const auto r = search({"Taurus WebEx"});
    EXPECT_TRUE(contains(r.out, std::to_string(both) + " matches holding every word of \"Taurus WebEx\" (")) << r.out;
    // No article holds both: --count says 0, with grep's status for no match.
    const auto none = search({"--count", "Taurus zeppelin"});
    EXPECT_EQ(none.out, "0\n");
    EXPECT_EQ(none.exit_code, 1);
    EXPECT_TRUE(contains(search({"Taurus zeppelin"}).out, "No article holds every word of \"Taurus zeppelin\""));
}

TEST_F(QueryHabitsCli, LuceneOperatorsAreReadAsTheirNewsdexSpellingsAndSaidSo) {
    EXPECT_EQ(count("Taurus && WebEx"), count("Taurus AND WebEx"));
    EXPECT_EQ(count("Taurus || WebEx"), count("Taurus OR WebEx"));
    EXPECT_EQ(count("Taurus !WebEx"), count("Taurus -WebEx"));
    EXPECT_LT(count("Taurus !WebEx"), count("Taurus"));
    const auto r = search({"--count", "Taurus && !WebEx"});
    EXPECT_TRUE(contains(r.err, "note: \"&&\" at character 8 was read as the operator AND")) << r.err;
    EXPECT_TRUE(contains(r.err, "note: \"!\" at character 11 was read as \"-\": without WebEx")) << r.err;
    const auto j = search_json({"!Taurus"});
    EXPECT_EQ(j["notes"].size(), 1u) << j.dump();
}

TEST_F(QueryHabitsCli, AFilterFieldTakesAWildcard) {
    EXPECT_EQ(count("author:Conn*"), count("author:Connolly"));
    EXPECT_GT(count("author:Conn*"), 0);
    EXPECT_EQ(count("author:Zzq*"), 0);
}

TEST_F(QueryHabitsCli, HelpsFacetExampleRuns) {
    const auto help = search_cmd({"--help"});
    ASSERT_TRUE(contains(help.out, "newsdex-search --facet author --facet year --limit 0 Taurus")) << help.out;
    const auto r = search({"--facet", "author", "--facet", "year", "--limit", "0", "Taurus"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "author: Kate Connolly")) << r.out;
}

}  // namespace
}  // namespace newsdex::test
