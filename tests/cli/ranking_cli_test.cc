// End-to-end tests of newsdex-search's ranking options (--weighting, --no-snippets,
// long result lists) over an index of corpus/ built by the real indexer.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

class RankingCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        db_ = tmp_->str() + "/db";
        const auto r = index_cmd({"--db", db_, NEWSDEX_CORPUS_DIR});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return search_cmd(args);
    }
    static nlohmann::json search_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const auto r = search(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    static std::vector<std::string> ids(const nlohmann::json& j) {
        std::vector<std::string> out;
        for (const auto& h : j["hits"]) out.push_back(h["id"]);
        return out;
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string db_;
};

TEST_F(RankingCli, EverySchemeStillFindsTheMissileArticlesFirst) {
    const std::set<std::string> missile{"taurus-kerch-bridge-analysis.txt", "taurus-bundestag-debate.txt",
                                        "scholz-taurus-refusal.txt"};
    for (const char* scheme : {"bm25:k1=1.2,b=0.75", "bm25plus", "dlh", "ineb2:c=1", "pl2:c=2",
                               "lm:smoothing=dirichlet,mu=300", "tfidf:norm=ltn"}) {
        const auto j = search_json({"--weighting", scheme, "Taurus missile"});
        ASSERT_GE(j["hits"].size(), 2u) << scheme;
        for (std::size_t i = 0; i < 2; ++i) {
            const std::string path = j["hits"][i]["path"];
            EXPECT_TRUE(missile.count(path.substr(path.rfind('/') + 1))) << scheme << ": " << path;
        }
    }
}

TEST_F(RankingCli, TheSchemeChangesTheScores) {
    const auto bm25 = search_json({"--weighting", "bm25", "Taurus"});
    const auto tuned = search_json({"--weighting", "bm25:k1=2,b=0.9", "Taurus"});
    const auto plain = search_json({"Taurus"});
    EXPECT_NE(bm25["hits"][0]["score"], tuned["hits"][0]["score"]);
    EXPECT_EQ(ids(bm25).size(), ids(tuned).size());  // the same articles match
    EXPECT_EQ(plain["total"], bm25["total"]);
}

TEST_F(RankingCli, InvalidWeightingIsAOneLineUsageError) {
    for (const char* bad : {"okapi", "bm25:k1=-1", "bm25:k1=1.2,", "pl2:c=0", "bm25:x=1", ""}) {
        const auto r = search({"--weighting", bad, "Taurus"});
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_EQ(r.out, "") << bad;
        EXPECT_TRUE(r.err.starts_with("newsdex-search: ")) << r.err;
        EXPECT_TRUE(contains(r.err, "--weighting \"" + std::string(bad) + "\"")) << r.err;
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
    }
}

TEST_F(RankingCli, NoSnippetsKeepsTheRankingAndTheSchema) {
    const auto with = search_json({"--limit", "20", "Taurus missiles"});
    const auto without = search_json({"--limit", "20", "--no-snippets", "Taurus missiles"});
    EXPECT_EQ(ids(with), ids(without));
    EXPECT_EQ(with["partial"], without["partial"]);
    for (const auto& h : without["hits"]) {
        EXPECT_EQ(h["snippet"], "");
        EXPECT_FALSE(contains(h["title_highlighted"].get<std::string>(), "<mark>"));
        for (const char* key : {"id", "title", "path"}) EXPECT_TRUE(h[key].is_string()) << key;
    }
    const auto text = search({"--no-snippets", "--limit", "2", "Taurus"});
    EXPECT_EQ(text.exit_code, 0);
    EXPECT_FALSE(contains(text.out, "[Taurus]")) << text.out;
    EXPECT_TRUE(contains(text.out, "2. ")) << text.out;
}

TEST_F(RankingCli, ALongResultListHoldsEveryMatchOnce) {
    const auto j = search_json({"--limit", "1000", "--no-snippets", "the Taurus missile OR WebEx OR election"});
    const auto list = ids(j);
    EXPECT_EQ(list.size(), j["total"].get<std::size_t>());
    EXPECT_EQ(std::set<std::string>(list.begin(), list.end()).size(), list.size());
    for (std::size_t i = 0; i < list.size(); ++i) EXPECT_EQ(j["hits"][i]["rank"], i + 1);
}

TEST_F(RankingCli, HelpDocumentsTheRankingOptions) {
    const auto r = search_cmd({"--help"});
    for (const char* s : {"--weighting", "--no-snippets", "Ranking", "bm25 ", "k1=", "ineb2 ", "smoothing="})
        EXPECT_TRUE(contains(r.out, s)) << s;
}

}  // namespace
}  // namespace newsdex::test

// Issue 15: one soft ranking, capitals folded, prose searched.
namespace newsdex::test {
namespace {

TEST_F(RankingCli, TaurusMissilesShowsArticlesWithBothWordsFirst) {
    const auto j = search_json({"Taurus missiles"});
    ASSERT_GE(j["hits"].size(), 3u);
    EXPECT_TRUE(j["partial"].get<bool>()) << "articles with one word follow";
    bool seen_partial = false;
    for (const auto& h : j["hits"]) {
        if (!h["all_words"].get<bool>()) seen_partial = true;
        else EXPECT_FALSE(seen_partial) << "an article with both words after a partial match: " << h["path"];
    }
    EXPECT_TRUE(j["hits"][0]["all_words"].get<bool>());
    EXPECT_GE(j["total_all_words"].get<int>(), 1);
}

TEST_F(RankingCli, StormShadowPhraseFindsTheDeliveriesArticleFirst) {
    const auto j = search_json({"\"Storm Shadow\""});
    ASSERT_FALSE(j["hits"].empty());
    const std::string path = j["hits"][0]["path"];
    EXPECT_NE(path.find("storm-shadow-scalp-deliveries"), std::string::npos) << path;
    for (const auto& h : j["hits"]) EXPECT_TRUE(h["all_words"].get<bool>());
}

TEST_F(RankingCli, AnUpperCaseQueryFindsWhatItsLowerCaseFormFinds) {
    const auto lower = search_json({"--no-expand", "taurus missiles bundestag"});
    const auto upper = search_json({"--no-expand", "TAURUS MISSILES BUNDESTAG"});
    ASSERT_FALSE(lower["hits"].empty());
    EXPECT_EQ(ids(upper), ids(lower));
    EXPECT_EQ(upper["total"], lower["total"]);
}

TEST_F(RankingCli, APastedParagraphWithNumberedItemsIsSearchedAndNoted) {
    const std::string paragraph =
        "Allies asked for two things: 1) Taurus missiles for Ukraine and 2) a decision before Easter";
    const auto text = search({paragraph});
    EXPECT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("read as plain text, not query syntax: \")\" at character 31"), std::string::npos)
        << text.out;
    const auto j = search_json({paragraph});
    ASSERT_FALSE(j["hits"].empty());
    ASSERT_EQ(j["literal"].size(), 2u) << j.dump();
    EXPECT_EQ(j["literal"][0]["character"], 31);
    EXPECT_EQ(j["literal"][0]["text"], ")");
    // What cannot mean anything is still refused.
    EXPECT_EQ(search({"AND OR"}).exit_code, 2);
    EXPECT_EQ(search({"title:"}).exit_code, 2);
    EXPECT_EQ(search({"date:2024-13-45"}).exit_code, 2);
}

}  // namespace
}  // namespace newsdex::test
