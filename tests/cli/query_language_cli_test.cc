// End-to-end tests of the query language and result options of newsdex-search, over an
// index of corpus/ built by the real indexer (with the synonyms of tests/data).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>
#include <set>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

using json = nlohmann::json;
using Files = std::vector<std::string>;
using FileSet = std::set<std::string>;

std::string base_name(const std::string& path) { return path.substr(path.rfind('/') + 1); }

/// "YYYY-MM-DD" of the day `days_ago` before today, on this machine's clock and zone,
/// as newsdex-search counts relative dates.
std::string local_day(int days_ago) {
    const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days_ago) * 24 * 3600;
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

class QueryLanguageCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        db_ = tmp_->str() + "/db";
        const auto r = index_cmd({"--db", db_, "--synonyms", synonyms_file(), NEWSDEX_CORPUS_DIR "/text"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        ASSERT_TRUE(contains(r.out, "loaded 3 synonym groups")) << r.out;
        articles_ = 0;
        for (const auto& entry : std::filesystem::directory_iterator(std::string(NEWSDEX_CORPUS_DIR) + "/text"))
            articles_ += entry.is_regular_file();
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static std::string synonyms_file() { return std::string(NEWSDEX_TEST_DATA_DIR) + "/synonyms.txt"; }

    static CommandResult search(std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db_});
        return search_cmd(args);
    }
    static json search_json(std::vector<std::string> args) {
        if (std::find(args.begin(), args.end(), "--limit") == args.end()) args.insert(args.begin(), {"--limit", "100"});
        args.insert(args.begin(), {"--format", "json"});
        const auto r = search(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return json::parse(r.out);
    }
    /// File names of the hits, in rank order.
    static Files files(const json& j) {
        Files out;
        for (const auto& h : j["hits"]) out.push_back(base_name(h["path"].get<std::string>()));
        return out;
    }
    static Files ranked(std::vector<std::string> args) { return files(search_json(std::move(args))); }
    static FileSet file_set(std::vector<std::string> args) {
        const auto f = ranked(std::move(args));
        return {f.begin(), f.end()};
    }
    static long count(std::vector<std::string> args) {
        args.insert(args.begin(), "--count");
        const auto r = search(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return std::stol(r.out);
    }
    /// A malformed query: exit 2, nothing on stdout, one line on stderr holding `problem`.
    static void expect_malformed(const std::string& query, const std::string& problem) {
        const auto r = search({query});
        EXPECT_EQ(r.exit_code, 2) << query << "\n" << r.out;
        EXPECT_EQ(r.out, "") << query;
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
        EXPECT_TRUE(r.err.starts_with("newsdex-search: malformed query")) << r.err;
        EXPECT_TRUE(contains(r.err, problem)) << r.err;
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string db_;
    static inline long articles_ = 0;
};

// ---- Query syntax ---------------------------------------------------------------------

TEST_F(QueryLanguageCli, PhrasesMatchWordsInOrder) {
    const auto j = search_json({"\"Kerch Bridge\""});
    ASSERT_FALSE(j["hits"].empty());
    for (const auto& h : j["hits"]) EXPECT_TRUE(contains(h["snippet"], "<mark>Kerch Bridge</mark>")) << h["snippet"];
    EXPECT_EQ(count({"\"Bridge Kerch\""}), 0);
}

TEST_F(QueryLanguageCli, BooleanOperatorsAndTheirLowerCaseForms) {
    const FileSet taurus = file_set({"Taurus"}), webex = file_set({"WebEx"});
    FileSet either = taurus;
    either.insert(webex.begin(), webex.end());
    EXPECT_EQ(file_set({"Taurus OR WebEx"}), either);
    EXPECT_EQ(file_set({"Taurus or WebEx"}), either);

    const FileSet without_car = file_set({"Taurus NOT car"});
    EXPECT_FALSE(without_car.count("ford-taurus-used-car-market.txt"));
    EXPECT_EQ(without_car.size() + 1, taurus.size());
    EXPECT_EQ(file_set({"Taurus and not car"}), without_car);
    EXPECT_EQ(file_set({"Taurus AND NOT car"}), without_car);

    const auto strict = search_json({"Scholz AND Pistorius"});
    for (const auto& h : strict["hits"]) EXPECT_TRUE(h["all_words"].get<bool>());
    EXPECT_EQ(file_set({"(Taurus OR WebEx) AND Singapore"}), FileSet{"luftwaffe-webex-leak-inquiry.txt"});
    // Every copy counted (--all): folding duplicates depends on which copies each query matches.
    EXPECT_EQ(count({"--all", "Taurus XOR WebEx"}),
              count({"--all", "Taurus OR WebEx"}) - count({"--all", "Taurus AND WebEx"}));
}

TEST_F(QueryLanguageCli, LowerCaseOperatorsAreNotedAndLoneNotStaysAWord) {
    const auto r = search({"Taurus or WebEx"});
    EXPECT_TRUE(contains(r.out, "Note: lower-case \"or\" at character 8 was read as the operator OR.")) << r.out;
    const auto j = search_json({"why did Scholz not send Taurus"});
    EXPECT_TRUE(j["notes"].empty());
    EXPECT_FALSE(j["hits"].empty());
}

TEST_F(QueryLanguageCli, RequiredAndExcludedWords) {
    EXPECT_FALSE(file_set({"--", "Taurus", "-car"}).count("ford-taurus-used-car-market.txt"));
    // +word must be there; the other words then only rank (Xapian's love/hate semantics).
    EXPECT_EQ(file_set({"+Scholz Kerch"}), file_set({"Scholz"}));
    const auto both = ranked({"Scholz AND Kerch"});
    const auto loved = ranked({"+Scholz Kerch"});
    EXPECT_EQ(FileSet(loved.begin(), loved.begin() + static_cast<long>(both.size())), FileSet(both.begin(), both.end()));
    // Excluded words alone: every article without them.
    EXPECT_EQ(count({"--", "-car"}), articles_ - count({"car"}));
    EXPECT_EQ(count({"NOT car"}), articles_ - count({"car"}));
}

TEST_F(QueryLanguageCli, NearAndAdjWithADistance) {
    const FileSet near = file_set({"Scholz NEAR/5 Taurus"});
    EXPECT_TRUE(near.count("scholz-taurus-refusal.txt"));
    const FileSet both = file_set({"Scholz AND Taurus"});
    EXPECT_TRUE(std::includes(both.begin(), both.end(), near.begin(), near.end()));
    EXPECT_LT(near.size(), both.size());
    EXPECT_EQ(file_set({"Storm ADJ/1 Shadow"}), file_set({"\"Storm Shadow\""}));
    EXPECT_EQ(count({"Shadow ADJ/1 Storm"}), 0) << "ADJ keeps the order";
    EXPECT_EQ(file_set({"Shadow NEAR/1 Storm"}), file_set({"\"Storm Shadow\""})) << "NEAR does not";
}

TEST_F(QueryLanguageCli, TrailingWildcardsMatchAndAreMarked) {
    const auto r = search({"--limit", "3", "intercept*"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "[intercepted]") || contains(r.out, "[interceptors]")) << r.out;
    EXPECT_GE(count({"intercept*"}), count({"intercepted"}));
}

TEST_F(QueryLanguageCli, PartialCompletesTheLastWordForSearchAsYouType) {
    EXPECT_EQ(count({"--no-correct", "Pistori"}), 0);
    EXPECT_EQ(file_set({"--partial", "Pistori"}), file_set({"Pistorius"}));
    const auto j = search_json({"--partial", "Singapore Luftwaf"});
    EXPECT_EQ(j["total_all_words"], 1);
    EXPECT_EQ(j["hits"][0]["path"].get<std::string>(), corpus_file("luftwaffe-webex-leak-inquiry.txt"));
}

TEST_F(QueryLanguageCli, FieldsNarrowTheSearch) {
    EXPECT_EQ(file_set({"title:Scholz"}), (FileSet{"scholz-taurus-refusal.txt", "connolly-taurus-easter-pressure.txt"}));
    EXPECT_EQ(file_set({"author:Okafor"}), FileSet{"ford-taurus-used-car-market.txt"});
    EXPECT_EQ(file_set({"source:\"European Affairs Weekly\" Taurus"}),
              (FileSet{"connolly-pistorius-allies-apology.txt", "connolly-taurus-easter-pressure.txt",
                       "connolly-ring-exchange-may.txt"}));
    EXPECT_EQ(file_set({"url:https://example.com/eaw/2024/03/20/berlin-rent-rules"}),
              FileSet{"connolly-berlin-rent-cap.txt"});
    EXPECT_EQ(file_set({"site:example.net"}), FileSet{"black-sea-grain-corridor.txt"}) << "subdomains belong to a site";
    EXPECT_EQ(file_set({"site:news.example.net"}), FileSet{"black-sea-grain-corridor.txt"});
    EXPECT_EQ(count({"site:example.com"}), 4);
    EXPECT_EQ(file_set({"lang:de"}), FileSet{"bundeswehr-wehrdienst-debatte.txt"});
    EXPECT_EQ(file_set({"lang:German"}), FileSet{"bundeswehr-wehrdienst-debatte.txt"});
    EXPECT_EQ(count({"lang:en"}), articles_ - 1);

    const auto ids = search({"--ids", "--limit", "1", "Kerch"});
    const std::string id = ids.out.substr(0, ids.out.find('\n'));
    EXPECT_EQ(ranked({"id:" + id}), Files{base_name(id)});
}

TEST_F(QueryLanguageCli, FieldsApplyToPhrasesAndGroups) {
    EXPECT_EQ(file_set({"title:\"Storm Shadow\""}), FileSet{"storm-shadow-scalp-deliveries.txt"});
    const FileSet group = file_set({"title:(Taurus OR \"Storm Shadow\")"});
    FileSet expected = file_set({"title:Taurus"});
    expected.insert("storm-shadow-scalp-deliveries.txt");
    EXPECT_EQ(group, expected);
    EXPECT_EQ(file_set({"author:(Okafor OR Albrecht)"}),
              (FileSet{"ford-taurus-used-car-market.txt", "luftwaffe-webex-leak-inquiry.txt"}));
    // A filter group stays a filter: no partial matches from other authors.
    const auto j = search_json({"author:(Okafor OR Albrecht) Taurus Ohio"});
    EXPECT_EQ(files(j), (Files{"ford-taurus-used-car-market.txt", "luftwaffe-webex-leak-inquiry.txt"}));
    EXPECT_TRUE(j["partial"].get<bool>()) << "luftwaffe holds Taurus, not Ohio";
    EXPECT_EQ(files(search_json({"(author:Okafor OR author:Albrecht) Taurus Ohio"})), files(j)) << "typed out";
}

TEST_F(QueryLanguageCli, DatesRangesOpenEndsAndShorthands) {
    const FileSet feb_to_april{"connolly-pistorius-allies-apology.txt", "connolly-taurus-easter-pressure.txt",
                               "connolly-berlin-rent-cap.txt", "scholz-taurus-refusal.txt",
                               "russian-espionage-trial-munich.txt", "ecb-holds-interest-rates.txt",
                               "videoconference-security-governments.txt"};
    EXPECT_EQ(file_set({"date:2024-02-01..2024-04-30"}), feb_to_april);
    EXPECT_EQ(file_set({"date:2024-02..2024-04"}), feb_to_april);
    EXPECT_EQ(file_set({"date:2024-03"}), (FileSet{"connolly-pistorius-allies-apology.txt",
                                                   "connolly-berlin-rent-cap.txt", "scholz-taurus-refusal.txt",
                                                   "russian-espionage-trial-munich.txt"}));
    EXPECT_EQ(file_set({"date:2024-03-05"}),
              (FileSet{"scholz-taurus-refusal.txt", "russian-espionage-trial-munich.txt"}));
    EXPECT_EQ(file_set({"date:..2023-12-31"}),
              (FileSet{"nordvik-earnings-webcast.txt", "black-sea-grain-corridor.txt"}));
    EXPECT_EQ(file_set({"date:2023"}), file_set({"date:..2023-12-31"}));
    EXPECT_EQ(file_set({"date:2025..2025"}),
              (FileSet{"bundeswehr-wehrdienst-debatte.txt", "baltic-cable-damage-inquiry.txt"}));
    // Undated-looking files carry their modification time (now), so they fall in open ranges.
    EXPECT_EQ(count({"date:2025.."}) + count({"date:..2024-12-31"}), articles_);
}

TEST_F(QueryLanguageCli, TheNewsroomQueryInOneCommand) {
    // Every article by Kate Connolly mentioning Taurus between February and April 2024, newest first.
    const auto j = search_json({"--sort", "date", "author:\"Kate Connolly\" Taurus date:2024-02..2024-04"});
    EXPECT_EQ(files(j), (Files{"connolly-taurus-easter-pressure.txt", "connolly-pistorius-allies-apology.txt"}));
    EXPECT_EQ(j["sort"], "date");
    EXPECT_EQ(ranked({"--sort", "date", "--since", "2024-02", "--until", "2024-04", "author:\"Kate Connolly\" Taurus"}),
              files(j));
}

TEST_F(QueryLanguageCli, SinceAndUntilTakeDatesAndShorthands) {
    EXPECT_EQ(file_set({"--since", "2024-02-01", "--until", "2024-04-30", "Taurus"}),
              file_set({"Taurus date:2024-02-01..2024-04-30"}));
    EXPECT_EQ(file_set({"--until", "2023", "--since", "2023"}), file_set({"date:2023"}));
    EXPECT_EQ(count({"--since", "2025-01"}), count({"date:2025-01.."}));
    // No QUERY: everything in the range, newest first.
    const auto j = search_json({"--since", "2024-03-01", "--until", "2024-03-31"});
    EXPECT_EQ(files(j).front(), "connolly-berlin-rent-cap.txt");
    EXPECT_EQ(j["sort"], "date");
}

TEST_F(QueryLanguageCli, RelativeDatesCountBackFromToday) {
    TempDir dir;
    // Three different stories (one text three times would be folded as duplicates).
    auto article = [&](const std::string& name, int days_ago, const std::string& body) {
        dir.write("in/" + name + ".txt", "Title: Harbour news\nAuthor: Mia Jensen\nDate: " + local_day(days_ago) +
                                             "\n\n" + body + "\n");
    };
    article("two-days", 2, "Dockers at the container terminal stopped work over pay on Monday, leaving ships "
                           "waiting in the roads.");
    article("forty-days", 40, "Union leaders said dockers would walk out again unless the port operator improved "
                              "its offer on shift pay.");
    article("four-hundred-days", 400, "A year ago dockers in the same port staged a one-day stoppage that ended "
                                      "with a modest pay rise.");
    const std::string db = dir.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, dir.str() + "/in"}).exit_code, 0);
    auto found = [&](std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db, "--format", "json"});
        const auto r = search_cmd(args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return files(json::parse(r.out));
    };
    EXPECT_EQ(found({"--since", "7d", "dockers"}), Files{"two-days.txt"});
    EXPECT_EQ(found({"--since", "2m", "--sort", "date", "dockers"}), (Files{"two-days.txt", "forty-days.txt"}));
    EXPECT_EQ(found({"--until", "30d", "--sort", "-date", "dockers"}), (Files{"four-hundred-days.txt", "forty-days.txt"}));
    EXPECT_EQ(found({"--since", "2y", "--until", "1y", "dockers"}), Files{"four-hundred-days.txt"});
    EXPECT_EQ(found({"dockers date:6w.."}), (found({"--since", "6w", "dockers"})));
    // Equally relevant articles: the recency boost puts the newest first.
    EXPECT_EQ(found({"--sort", "recent", "dockers"}), (Files{"two-days.txt", "forty-days.txt", "four-hundred-days.txt"}));
}

TEST_F(QueryLanguageCli, NaturalLanguageQuestionsFindTheStory) {
    const auto j = search_json({"what did the German defence minister say about the leaked call"});
    const auto f = files(j);
    ASSERT_GE(f.size(), 2u);
    const FileSet top2(f.begin(), f.begin() + 2);
    EXPECT_TRUE(top2.count("luftwaffe-webex-leak-inquiry.txt") || top2.count("connolly-pistorius-allies-apology.txt"))
        << f[0] << ", " << f[1];
    EXPECT_GT(j["total"].get<int>(), 5) << "no zero-result dead end";
}

TEST_F(QueryLanguageCli, MisspeltWordsAreCorrectedAndSaidSo) {
    auto r = search({"--limit", "1", "Pistorus"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "Showing results for \"Pistorius\": no article holds every word of \"Pistorus\"."))
        << r.out;
    auto j = search_json({"Taursu"});
    EXPECT_EQ(j["query"], "Taurus");
    EXPECT_EQ(j["corrected_from"], "Taursu");
    EXPECT_EQ(files(j), ranked({"Taurus"}));

    r = search({"--no-correct", "Pistorus"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.out, "Did you mean: Pistorius?")) << r.out;
    j = search_json({"--no-correct", "Pistorus"});
    EXPECT_EQ(j["suggestion"], "Pistorius");
    EXPECT_TRUE(j["corrected_from"].is_null());
    EXPECT_EQ(j["total"], 0);
}

TEST_F(QueryLanguageCli, SynonymsExpandWithTildeAlwaysOrNever) {
    EXPECT_EQ(count({"--no-correct", "livestream"}), 0);
    EXPECT_EQ(file_set({"~livestream"}), FileSet{"nordvik-earnings-webcast.txt"});
    EXPECT_EQ(file_set({"--synonyms", "always", "livestream"}), FileSet{"nordvik-earnings-webcast.txt"});
    EXPECT_EQ(count({"--synonyms", "never", "--no-correct", "~livestream"}), 0);
    // A key of two words is found among the query's words when expanding always.
    const FileSet air_force = file_set({"\"air force\""});
    EXPECT_FALSE(air_force.count("scholz-taurus-refusal.txt"));
    EXPECT_TRUE(file_set({"--synonyms", "always", "air force"}).count("scholz-taurus-refusal.txt"));
}

// ---- Malformed queries ----------------------------------------------------------------

TEST_F(QueryLanguageCli, MalformedQueriesGetOneLineNamingTheProblem) {
    // An unclosed quote or bracket is read as plain text since issue 15 (RankingCli tests it).
    expect_malformed("AND OR", "AND at character 1 has nothing before it");
    expect_malformed("title:", "title: at character 1 has no value");
    expect_malformed("date:2024-13-45", "\"2024-13-45\" is not a date: there is no month 13");
    expect_malformed("Taurus NEAR/x Scholz", "NEAR/x at character 8 needs a distance");
    expect_malformed("1939..1945", "only dates can be ranges");
    expect_malformed("lang:klingon", "unknown language");
    expect_malformed(std::string(10000, 'x'), "too long: 10000 characters, at most 2000");
}

TEST_F(QueryLanguageCli, AWildcardMatchingAHundredThousandWordsIsRefusedQuickly) {
    TempDir dir;
    std::string words = "Title: A word list\n\n";
    for (int i = 0; i < 100000; ++i) {
        char w[16];
        std::snprintf(w, sizeof w, "w%06d ", i);
        words += w;
    }
    dir.write("in/words.txt", words);
    const std::string db = dir.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "--no-spelling", dir.str() + "/in"}).exit_code, 0);
    const auto start = std::chrono::steady_clock::now();
    const auto r = search_cmd({"--db", db, "w*"});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, "malformed query \"w*\": the wildcard w* matches more than 1000 words")) << r.err;
    EXPECT_LT(seconds, 30.0) << "no hang";
    EXPECT_EQ(search_cmd({"--db", db, "--count", "w000*"}).out, "1\n") << "1000 words are within the limit";
    EXPECT_EQ(search_cmd({"--db", db, "--wildcard-limit", "100000", "w*"}).exit_code, 2) << "the limit has a ceiling";
}

// ---- Results --------------------------------------------------------------------------

TEST_F(QueryLanguageCli, SortByDateEitherWayWithUndatedLast) {
    for (const char* order : {"date", "-date"}) {
        const auto j = search_json({"--sort", order, "Taurus"});
        EXPECT_EQ(j["sort"], order);
        std::vector<std::string> dates;
        for (const auto& h : j["hits"]) dates.push_back(h["date"].get<std::string>().substr(0, 10));
        ASSERT_GT(dates.size(), 3u);
        if (std::string(order) == "date")
            EXPECT_TRUE(std::is_sorted(dates.rbegin(), dates.rend())) << "newest first";
        else
            EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << "oldest first";
    }
    EXPECT_EQ(ranked({"--sort", "newest", "Taurus"}), ranked({"--sort", "date", "Taurus"}));
    EXPECT_EQ(ranked({"--sort", "relevance", "Taurus"}), ranked({"Taurus"}));
    EXPECT_EQ(search({"--sort", "sideways", "Taurus"}).exit_code, 2);
}

TEST_F(QueryLanguageCli, FacetsCountAllMatchesAfterTheHits) {
    const auto r = search({"--limit", "1", "--facet", "author", "--facet", "year", "Taurus"});
    EXPECT_EQ(r.exit_code, 0);
    const auto facets_at = r.out.find("Facets (over all ");
    ASSERT_NE(facets_at, std::string::npos) << r.out;
    EXPECT_GT(facets_at, r.out.find("1. ")) << "after the hits";
    EXPECT_TRUE(contains(r.out, "  author: Kate Connolly (3)")) << r.out;

    const auto j = search_json({"--limit", "1", "--facet", "author", "--facet", "source", "--facet", "year",
                                "--facet", "month", "--facet", "lang", "Pistorius"});
    EXPECT_TRUE(j["total_exact"].get<bool>());
    const long total = j["total"];
    for (const char* name : {"author", "source", "year", "month", "lang"}) ASSERT_TRUE(j["facets"].contains(name)) << name;
    long languages = 0, years = 0;
    for (const auto& v : j["facets"]["lang"]) languages += v["count"].get<long>();
    for (const auto& v : j["facets"]["year"]) years += v["count"].get<long>();
    EXPECT_EQ(languages, total) << "every match counted, not just the page";
    EXPECT_EQ(years, total);
    EXPECT_EQ(j["facets"]["lang"], json::parse(R"([{"value":"en","count":8},{"value":"de","count":1}])"));
    EXPECT_EQ(j["facets"]["author"][0], json::parse(R"({"value":"Kate Connolly","count":2})"));
    EXPECT_EQ(j["facets"]["source"][0], json::parse(R"({"value":"European Affairs Weekly","count":2})"));

    const auto limited = search_json({"--facet", "author", "--facet-limit", "1", "Taurus"});
    EXPECT_EQ(limited["facets"]["author"].size(), 1u);
    EXPECT_EQ(search({"--facet", "colour", "Taurus"}).exit_code, 2);
    EXPECT_EQ(search({"--facet", "author", "--ids", "Taurus"}).exit_code, 2);
}

TEST_F(QueryLanguageCli, MoreLikeThisFindsSimilarArticlesNotItself) {
    const std::string scholz = corpus_file("scholz-taurus-refusal.txt");
    const auto j = search_json({"--like", scholz, "--limit", "4"});
    const auto f = files(j);
    EXPECT_EQ(std::count(f.begin(), f.end(), "scholz-taurus-refusal.txt"), 0);
    ASSERT_EQ(f.size(), 4u);
    const FileSet defence{"taurus-kerch-bridge-analysis.txt", "taurus-bundestag-debate.txt",
                          "luftwaffe-webex-leak-inquiry.txt", "storm-shadow-scalp-deliveries.txt",
                          "connolly-taurus-easter-pressure.txt", "connolly-pistorius-allies-apology.txt",
                          "connolly-ring-exchange-may.txt"};
    for (const auto& file : f) EXPECT_TRUE(defence.count(file)) << file;
    EXPECT_FALSE(j["like"]["terms"].empty());
    EXPECT_TRUE(j["like"]["id"].get<std::string>().ends_with("scholz-taurus-refusal.txt"));
    // Filters narrow the similar articles; an id as --ids prints it works too.
    for (const auto& file : ranked({"--like", scholz, "--since", "2024-04", "author:Connolly"}))
        EXPECT_TRUE(file == "connolly-taurus-easter-pressure.txt" || file == "connolly-ring-exchange-may.txt") << file;
    const auto r = search({"--like", "/no/such/article.txt", "Taurus"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "--like /no/such/article.txt: no such article")) << r.err;
}

TEST_F(QueryLanguageCli, CountIdsAndJsonLines) {
    const auto j = search_json({"--facet", "year", "Taurus"});  // facets make the total exact
    const auto r = search({"--count", "Taurus"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out, std::to_string(j["total"].get<long>()) + "\n");
    EXPECT_EQ(search({"--count", "zeppelin"}).out, "0\n");
    EXPECT_EQ(search({"--count", "zeppelin"}).exit_code, 1);

    const auto ids = search({"--ids", "--limit", "5", "Taurus"});
    EXPECT_EQ(line_count(ids.out), 5u);
    std::string expected;
    for (std::size_t i = 0; i < 5; ++i) expected += j["hits"][i]["id"].get<std::string>() + "\n";
    EXPECT_EQ(ids.out, expected);

    const auto lines = search({"--format", "jsonl", "--limit", "4", "Taurus"});
    EXPECT_EQ(line_count(lines.out), 4u);
    std::size_t start = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto end = lines.out.find('\n', start);
        const auto hit = json::parse(lines.out.substr(start, end - start));
        EXPECT_EQ(hit["rank"], i + 1);
        EXPECT_EQ(hit["id"], j["hits"][i]["id"]);
        start = end + 1;
    }
    EXPECT_EQ(search({"--count", "--ids", "Taurus"}).exit_code, 2);
    EXPECT_EQ(search({"--count", "--format", "json", "Taurus"}).exit_code, 2);
}

TEST_F(QueryLanguageCli, FieldsChooseWhatJsonCarries) {
    const auto j = search_json({"--fields", "id,date,title", "--limit", "2", "Taurus"});
    for (const auto& h : j["hits"]) {
        EXPECT_EQ(h.size(), 3u) << h;
        EXPECT_TRUE(h.contains("id") && h.contains("date") && h.contains("title"));
    }
    const auto line = search({"--format", "jsonl", "--fields", "rank", "--limit", "1", "Taurus"});
    EXPECT_EQ(line.out, "{\"rank\":1}\n");
    const auto bad = search({"--format", "json", "--fields", "id,colour", "Taurus"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_TRUE(contains(bad.err, "unknown --fields name \"colour\"")) << bad.err;
    EXPECT_EQ(search({"--fields", "id", "Taurus"}).exit_code, 2) << "text output has no fields";
}

TEST_F(QueryLanguageCli, SeveralDatabasesOrAStubSearchAsOne) {
    TempDir dir;
    Files all;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(NEWSDEX_CORPUS_DIR) + "/text"))
        all.push_back(entry.path().string());
    std::sort(all.begin(), all.end());
    std::vector<std::string> first{"--db", dir.str() + "/one"}, second{"--db", dir.str() + "/two"};
    for (std::size_t i = 0; i < all.size(); ++i) (i % 2 ? second : first).push_back(all[i]);
    ASSERT_EQ(index_cmd(first).exit_code, 0);
    ASSERT_EQ(index_cmd(second).exit_code, 0);
    dir.write("stub", "auto one\nauto two\n");

    auto found = [](std::vector<std::string> args) {
        args.insert(args.end(), {"--format", "json", "--limit", "100", "--facet", "year", "Taurus missiles"});
        const auto r = search_cmd(args);
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return json::parse(r.out);
    };
    const auto single = search_json({"--facet", "year", "Taurus missiles"});
    for (const auto& j : {found({"--db", dir.str() + "/one", "--db", dir.str() + "/two"}), found({"--db", dir.str() + "/stub"})}) {
        EXPECT_EQ(j["total"], single["total"]);
        EXPECT_EQ(j["facets"], single["facets"]);
        const auto f = files(j), s = files(single);
        EXPECT_EQ(FileSet(f.begin(), f.end()), FileSet(s.begin(), s.end()));
        for (std::size_t i = 0; i < j["hits"].size(); ++i) EXPECT_EQ(j["hits"][i]["rank"], i + 1);
    }
    EXPECT_EQ(search_cmd({"--db", dir.str() + "/one", "--db", dir.str() + "/none", "Taurus"}).exit_code, 2);
}

TEST_F(QueryLanguageCli, PagingAndHonestTotals) {
    const auto whole = ranked({"Taurus missiles"});
    const auto page = ranked({"--offset", "3", "--limit", "3", "Taurus missiles"});
    EXPECT_EQ(page, Files(whole.begin() + 3, whole.begin() + 6));
    const auto j = search_json({"--limit", "2", "Taurus missiles"});
    EXPECT_LE(j["total_lower"].get<long>(), j["total"].get<long>());
    EXPECT_GE(j["total_upper"].get<long>(), j["total"].get<long>());
    EXPECT_EQ(j["total_exact"], j["total_lower"] == j["total_upper"]);
    EXPECT_LE(j["total_all_words"].get<long>(), j["total"].get<long>());
    const auto far = search({"--offset", "4294967295", "--limit", "4294967295", "Taurus"});
    EXPECT_EQ(far.exit_code, 0) << far.err;
    EXPECT_TRUE(contains(far.out, "none from result 4294967296 on")) << far.out;
    EXPECT_EQ(search({"--offset", "4294967296", "Taurus"}).exit_code, 2) << "out of range is a usage error";
}

TEST_F(QueryLanguageCli, JsonKeepsV1FieldsAndAddsNewOnes) {
    const auto j = search_json({"--limit", "1", "Taurus"});
    for (const char* key : {"query", "total", "offset", "hits", "total_exact", "total_lower", "total_upper", "partial",
                            "total_all_words", "sort", "suggestion", "corrected_from", "notes"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_FALSE(j.contains("facets")) << "only with --facet";
    EXPECT_FALSE(j.contains("like")) << "only with --like";
    EXPECT_EQ(j["sort"], "relevance");
}

TEST_F(QueryLanguageCli, HelpDocumentsTheSyntaxAndEveryOption) {
    const auto r = search_cmd({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    for (const char* s : {"NEAR/5", "ADJ/3", "inter*", "~USA", "title:(Taurus OR", "site:", "url:", "lang:", "id:",
                          "date:2024-02-01..2024-04-30", "date:..2024-03-31", "date:2024..", "--sort", "--since",
                          "--until", "7d", "--facet", "--like", "--count", "--ids", "jsonl", "--fields",
                          "--no-correct", "--synonyms", "--partial", "--wildcard-limit", "Did you mean"})
        EXPECT_TRUE(contains(r.out, s)) << s;
}

// ---- Indexer side ---------------------------------------------------------------------

TEST(IndexerSynonyms, ABadFileStopsBeforeIndexingAndNamesTheLine) {
    TempDir dir;
    const auto file = dir.write("syn.txt", "webcast = livestream\nUSA\n");
    const auto r = index_cmd({"--db", dir.str() + "/db", "--synonyms", file, corpus_file("cisco-earnings-webex.txt")});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, file + ":2: a group needs two or more entries")) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "db"));
    EXPECT_EQ(index_cmd({"--db", dir.str() + "/db", "--synonyms", dir.str() + "/none.txt"}).exit_code, 2);
}

TEST(IndexerSynonyms, LoadingAloneReplacesTheDatabasesSynonyms) {
    TempDir dir;
    const std::string db = dir.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, corpus_file("nordvik-earnings-webcast.txt")}).exit_code, 0);
    EXPECT_EQ(search_cmd({"--db", db, "--no-correct", "--count", "~livestream"}).out, "0\n");
    const auto r = index_cmd({"--db", db, "--synonyms", dir.write("syn.txt", "livestream = webcast\n")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "loaded 1 synonym group (4 keys)")) << r.out;
    EXPECT_EQ(search_cmd({"--db", db, "--count", "~livestream"}).out, "1\n");
    ASSERT_EQ(index_cmd({"--db", db, "--synonyms", dir.write("empty.txt", "# none\n")}).exit_code, 0);
    EXPECT_EQ(search_cmd({"--db", db, "--no-correct", "--count", "~livestream"}).out, "0\n");
}

// The synonym block was once pasted twice into the indexer's main: the file was loaded and
// committed twice and the line printed twice, unseen by contains(). The whole output is
// compared, and the database holds one commit for the synonyms.
TEST(IndexerSynonyms, SynonymsWithPathsAreLoadedOnce) {
    TempDir dir;
    const std::string db = dir.str() + "/db";
    const auto file = dir.write("syn.txt", "livestream = webcast\n");
    const auto r = index_cmd({"--db", db, "--quiet", "--synonyms", file, corpus_file("nordvik-earnings-webcast.txt")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "") << r.out;
    const auto loud = index_cmd({"--db", db, "--synonyms", file, corpus_file("nordvik-earnings-webcast.txt")});
    EXPECT_EQ(loud.exit_code, 0) << loud.err;
    const std::string line = "loaded 1 synonym group (4 keys) from " + file + "\n";
    EXPECT_EQ(loud.out.substr(0, line.size()), line) << loud.out;
    EXPECT_EQ(loud.out.find("loaded", line.size()), std::string::npos) << loud.out;
}

TEST(IndexerSpelling, NoSpellingMeansNoSuggestions) {
    TempDir dir;
    const std::string with = dir.str() + "/with", without = dir.str() + "/without";
    ASSERT_EQ(index_cmd({"--db", with, corpus_file("luftwaffe-webex-leak-inquiry.txt")}).exit_code, 0);
    ASSERT_EQ(index_cmd({"--db", without, "--no-spelling", corpus_file("luftwaffe-webex-leak-inquiry.txt")}).exit_code, 0);
    EXPECT_TRUE(contains(search_cmd({"--db", with, "--no-correct", "Pistorus"}).out, "Did you mean: Pistorius?"));
    EXPECT_FALSE(contains(search_cmd({"--db", without, "--no-correct", "Pistorus"}).out, "Did you mean"));
}

}  // namespace
}  // namespace newsdex::test
