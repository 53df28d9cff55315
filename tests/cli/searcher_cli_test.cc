// End-to-end tests of newsdex-search over an index of corpus/ built by the real indexer.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <set>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

class SearcherCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        db_ = tmp_->str() + "/db";
        const auto r = index_cmd({"--db", db_, std::string(NEWSDEX_CORPUS_DIR) + "/text"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static CommandResult search(std::vector<std::string> args, const std::map<std::string, std::string>& env = {}) {
        args.insert(args.begin(), {"--db", db_});
        return search_cmd(args, env);
    }
    static nlohmann::json search_json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const auto r = search(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return nlohmann::json::parse(r.out);
    }
    /// File names (without folder) of the hits, in rank order.
    static std::vector<std::string> hit_files(const nlohmann::json& j) {
        std::vector<std::string> out;
        for (const auto& h : j["hits"]) {
            const std::string path = h["path"];
            out.push_back(path.substr(path.rfind('/') + 1));
        }
        return out;
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string db_;
};

TEST_F(SearcherCli, TaurusFindsTheMissileArticlesFirstWithTheWordMarked) {
    const auto r = search({"Taurus"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "[Taurus]")) << r.out;   // plain markers: stdout is not a terminal
    EXPECT_FALSE(contains(r.out, "\033[")) << "no colour on a pipe";

    const auto files = hit_files(search_json({"Taurus"}));
    ASSERT_GE(files.size(), 3u);
    const std::set<std::string> top3(files.begin(), files.begin() + 3);
    const std::set<std::string> missile_articles{"taurus-kerch-bridge-analysis.txt", "taurus-bundestag-debate.txt",
                                                 "scholz-taurus-refusal.txt"};
    EXPECT_EQ(top3, missile_articles);
}

TEST_F(SearcherCli, TaurusMissilesRanksMissileArticlesAboveTheCarAndTheStars) {
    const auto files = hit_files(search_json({"Taurus missiles"}));
    auto rank_of = [&](const std::string& f) {
        return std::find(files.begin(), files.end(), f) - files.begin();
    };
    for (const char* missile : {"taurus-kerch-bridge-analysis.txt", "scholz-taurus-refusal.txt"})
        for (const char* other : {"ford-taurus-used-car-market.txt", "taurus-constellation-taurids.txt",
                                  "taurus-horoscope-spring.txt", "prize-bull-county-show.txt"})
            EXPECT_LT(rank_of(missile), rank_of(other)) << missile << " vs " << other;
}

TEST_F(SearcherCli, WebExFindsTheWebExArticlesFirstNotTheWebcasts) {
    const auto j = search_json({"WebEx"});
    const auto files = hit_files(j);
    ASSERT_GE(files.size(), 3u);
    const std::set<std::string> top3(files.begin(), files.begin() + 3);
    const std::set<std::string> expected{"videoconference-security-governments.txt", "luftwaffe-webex-leak-inquiry.txt",
                                         "cisco-earnings-webex.txt"};
    EXPECT_EQ(top3, expected);
    for (const auto& f : files) {
        EXPECT_NE(f, "nordvik-earnings-webcast.txt");
        EXPECT_NE(f, "church-service-livestream.txt");
    }
    // Case variants ("Webex") are the same word, and are marked as written.
    for (const auto& h : j["hits"]) {
        const std::string snippet = h["snippet"];
        EXPECT_TRUE(contains(snippet, "<mark>WebEx</mark>") || contains(snippet, "<mark>Webex</mark>")) << snippet;
    }
}

TEST_F(SearcherCli, StemmedQueryWordsMarkTheirInflections) {
    const auto r = search({"--limit", "3", "missile"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "[missiles]")) << r.out;
}

TEST_F(SearcherCli, JsonFollowsTheDocumentedSchema) {
    const auto j = search_json({"--limit", "4", "Taurus"});
    EXPECT_EQ(j["query"], "Taurus");
    EXPECT_TRUE(j["total"].is_number_unsigned());
    EXPECT_GE(j["total"].get<int>(), 4);
    EXPECT_EQ(j["offset"], 0);
    ASSERT_EQ(j["hits"].size(), 4u);
    int expected_rank = 1;
    for (const auto& h : j["hits"]) {
        EXPECT_EQ(h["rank"], expected_rank++);
        for (const char* key : {"id", "title", "snippet"}) EXPECT_TRUE(h[key].is_string()) << key;
        EXPECT_TRUE(h["score"].is_number());
        for (const char* key : {"author", "date", "source", "path", "url"})
            EXPECT_TRUE(h.contains(key) && (h[key].is_string() || h[key].is_null())) << key;
        const std::string snippet = h["snippet"];
        EXPECT_TRUE(contains(snippet, "<mark>")) << snippet;
        EXPECT_FALSE(contains(snippet, "<mark><mark>"));
    }
}

TEST_F(SearcherCli, JsonCarriesHeaderFields) {
    const auto j = search_json({"--limit", "1", "title:Scholz Taurus"});
    ASSERT_EQ(j["hits"].size(), 1u);
    const auto& h = j["hits"][0];
    EXPECT_EQ(h["title"], "Scholz digs in on Taurus as allies and coalition partners lose patience");
    EXPECT_EQ(h["author"], "Clara Vogel");
    EXPECT_EQ(h["date"], "2024-03-05");
    EXPECT_EQ(h["source"], "The Berlin Ledger");
    EXPECT_EQ(h["url"], "https://example.org/berlin-ledger/2024/03/05/scholz-taurus-refusal");
}

TEST_F(SearcherCli, FieldsFilterByAuthorAndSource) {
    auto files = hit_files(search_json({"author:\"Kate Connolly\""}));
    EXPECT_EQ(std::set<std::string>(files.begin(), files.end()),
              (std::set<std::string>{"connolly-pistorius-allies-apology.txt", "connolly-taurus-easter-pressure.txt",
                                     "connolly-ring-exchange-may.txt", "connolly-berlin-rent-cap.txt"}));
    EXPECT_TRUE(hit_files(search_json({"author:\"Kate Albrecht\""})).empty()) << "every word of the name";
    files = hit_files(search_json({"author:Albrecht"}));
    EXPECT_EQ(files, std::vector<std::string>{"luftwaffe-webex-leak-inquiry.txt"});
    files = hit_files(search_json({"Taurus source:\"Berlin Ledger\""}));
    EXPECT_EQ(files, std::vector<std::string>{"scholz-taurus-refusal.txt"});
}

TEST_F(SearcherCli, PartialMatchesAreShownAndSaidToBePartial) {
    const auto r = search({"Taurus zeppelin"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "No article holds every word")) << r.out;
    const auto j = search_json({"Taurus zeppelin"});
    EXPECT_TRUE(j["partial"].get<bool>());
    EXPECT_FALSE(j["hits"][0]["all_words"].get<bool>());
}

TEST_F(SearcherCli, PagingWithLimitAndOffset) {
    const auto all = hit_files(search_json({"--limit", "6", "Taurus"}));
    const auto second = hit_files(search_json({"--limit", "3", "--offset", "3", "Taurus"}));
    ASSERT_EQ(all.size(), 6u);
    EXPECT_EQ(second, std::vector<std::string>(all.begin() + 3, all.end()));
    const auto j = search_json({"--limit", "3", "--offset", "3", "Taurus"});
    EXPECT_EQ(j["hits"][0]["rank"], 4);
    EXPECT_EQ(j["offset"], 3);
}

TEST_F(SearcherCli, NoMatchExitsOne) {
    const auto r = search({"zeppelin"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.out, "No articles match")) << r.out;
    const auto j = search_json({"zeppelin"});
    EXPECT_EQ(j["total"], 0);
    EXPECT_TRUE(j["hits"].empty());
}

TEST_F(SearcherCli, MalformedQueryExitsTwoWithOneLine) {
    const auto r = search({"AND OR"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_TRUE(r.err.starts_with("newsdex-search: malformed query \"AND OR\": ")) << r.err;
}

TEST_F(SearcherCli, MissingDatabaseExitsTwoAndSaysHowToCreateOne) {
    TempDir tmp;
    const auto r = search_cmd({"--db", tmp.str() + "/none", "Taurus"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "no database at " + tmp.str() + "/none")) << r.err;
    EXPECT_TRUE(contains(r.err, "newsdex-index --db " + tmp.str() + "/none")) << r.err;
}

TEST_F(SearcherCli, NotADatabaseExitsTwo) {
    TempDir tmp;
    tmp.write("junk/file", "x");
    const auto r = search_cmd({"--db", tmp.str() + "/junk", "Taurus"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "cannot open database")) << r.err;
}

TEST_F(SearcherCli, UsageErrorsExitTwo) {
    EXPECT_EQ(search({}).exit_code, 2);
    EXPECT_EQ(search({"--format", "xml", "Taurus"}).exit_code, 2);
    EXPECT_EQ(search({"--color", "sometimes", "Taurus"}).exit_code, 2);
    EXPECT_EQ(search({"--limit", "many", "Taurus"}).exit_code, 2);
}

TEST_F(SearcherCli, ColourOnlyWhenAskedOrOnATerminal) {
    EXPECT_TRUE(contains(search({"--color=always", "Taurus"}).out, "\033[1;31mTaurus\033[0m"));
    EXPECT_FALSE(contains(search({"--color=never", "Taurus"}).out, "\033["));
    EXPECT_FALSE(contains(search({"--color=auto", "Taurus"}, {{"NO_COLOR", "1"}}).out, "\033["));
}

TEST_F(SearcherCli, HelpShowsSyntaxExamplesAndExitCodes) {
    const auto r = search_cmd({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"Examples:", "title:", "author:", "Exit status"}) EXPECT_TRUE(contains(r.out, s)) << s;
}

}  // namespace
}  // namespace newsdex::test

namespace newsdex::test {
namespace {

class TimelineCli : public ::testing::Test {
  protected:
    void SetUp() override {
        db_ = tmp_.str() + "/db";
        // Two articles in January 2024, one in March: February shows as an empty period.
        tmp_.write("in/a.txt", "Title: Harbour one\nDate: 2024-01-05\n\nThe harbour ferry sailed at dawn on Friday.\n");
        tmp_.write("in/b.txt", "Title: Harbour two\nDate: 2024-01-20\n\nThe harbour crane was repaired by the crew.\n");
        tmp_.write("in/c.txt", "Title: Harbour three\nDate: 2024-03-02\n\nThe harbour pilots went on strike today.\n");
        const auto r = index_cmd({"--db", db_, tmp_.str() + "/in"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    TempDir tmp_;
    std::string db_;
};

TEST_F(TimelineCli, HistogramByMonthWithEmptyMonths) {
    const auto r = search_cmd({"--db", db_, "--timeline", "month", "harbour"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Timeline (matches by month):\n"
                                "  2024-01    ################################################## 2\n"
                                "  2024-02    0\n"
                                "  2024-03    ######################### 1\n"))
        << r.out;
}

TEST_F(TimelineCli, WithoutAUnitTheNextWordIsTheQuery) {
    const auto r = search_cmd({"--db", db_, "--format", "json", "--limit", "0", "--timeline", "harbour"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["query"], "harbour");
    EXPECT_EQ(j["timeline"]["unit"], "day");  // 57 days fit in days
    EXPECT_EQ(j["timeline"]["bars"].size(), 58u);
    EXPECT_EQ(j["timeline"]["bars"][0], (nlohmann::json{{"period", "2024-01-05"}, {"count", 1}}));
    EXPECT_EQ(search_cmd({"--db", db_, "--timeline", "--ids", "harbour"}).exit_code, 2);
}

}  // namespace
}  // namespace newsdex::test
