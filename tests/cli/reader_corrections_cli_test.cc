// End-to-end: what the readers keep of an article (issue 19): lead lines taken for
// bylines, titles cut at abbreviations, Central European 8-bit text, appended records,
// unreadable dates.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

const fs::path kCorpora = fs::path(NEWSDEX_SHARED_DIR) / "corpora";

std::string count_of(const std::string& db, const std::string& query) {
    const auto r = search_cmd({"--db", db, "--count", query});
    std::string out = r.out;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

/// Every hit of the query, as JSON Lines objects.
std::vector<nlohmann::json> hits_of(const std::string& db, const std::string& query) {
    const auto r = search_cmd({"--db", db, "--all", "--no-snippets", "--limit", "5000",
                               "--format", "jsonl", query});
    std::vector<nlohmann::json> hits;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) hits.push_back(nlohmann::json::parse(line));
    return hits;
}

TEST(ReaderCorrectionsCli, BbcHeadlinesLeadsAndVenuesAreNotBylines) {
    const fs::path bbc = kCorpora / "bbc";
    if (!fs::exists(bbc / "business/433.txt")) GTEST_SKIP() << "no BBC corpus in " << bbc;
    TempDir tmp;
    const std::string in = tmp.str() + "/in", db = tmp.str() + "/db";
    fs::create_directories(in);
    for (const char* f : {"business/433.txt", "sport/473.txt", "sport/179.txt", "sport/378.txt"})
        fs::copy_file(bbc / f, fs::path(in) / (std::string(f).replace(std::string(f).find('/'), 1, "-")));
    const auto r = index_cmd({"--db", db, in});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    // The headline is the title, and all of it is searchable.
    EXPECT_EQ(count_of(db, "\"Indian gas find\""), "1");
    EXPECT_EQ(count_of(db, "title:\"Cairn Energy in Indian gas find\""), "1");
    // A first paragraph that opens with a name stays text.
    EXPECT_EQ(count_of(db, "\"nice bloke fantastic tennis player\""), "1");
    // BBC files have no bylines: no headline, lead or venue line ("Ewood Park",
    // "Lansdowne Road, Dublin") is taken for an author.
    const auto hits = hits_of(db, "Cairn OR Federer OR Blackburn OR Lansdowne");
    ASSERT_EQ(hits.size(), 4u) << r.out;
    for (const auto& h : hits) EXPECT_TRUE(h["authors"].empty()) << h.dump();
    EXPECT_EQ(count_of(db, "\"Ewood Park\""), "1");
}

TEST(ReaderCorrectionsCli, ATitleFromTheLeadIsNotCutAtInitials) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    tmp.write("in/albany.txt",
              "Voters in Albany, N.Y. rejected the library levy on Tuesday. The council will "
              "meet again in May.\n\nTurnout was low.\n");
    tmp.write("in/exports.txt",
              "Exports to the U.S. and the U.K. fell sharply in March. Officials blamed the "
              "strong currency.\n\nImports rose.\n");
    ASSERT_EQ(index_cmd({"--db", db, tmp.str() + "/in"}).exit_code, 0);
    std::set<std::string> titles;
    for (const auto& h : hits_of(db, "levy OR exports")) titles.insert(h["title"].get<std::string>());
    EXPECT_EQ(titles, (std::set<std::string>{"Voters in Albany, N.Y. rejected the library levy on Tuesday",
                                             "Exports to the U.S. and the U.K. fell sharply in March"}));

    const fs::path reuters = kCorpora / "reuters21578/reut2-000.sgm";
    if (!fs::exists(reuters)) GTEST_SKIP() << "no Reuters corpus";
    const std::string rdb = tmp.str() + "/reuters";
    ASSERT_EQ(index_cmd({"--db", rdb, reuters.string()}).exit_code, 0);
    std::size_t cut = 0;
    for (const auto& h : hits_of(rdb, "U.S OR N.Y OR U.K")) {
        const auto title = h["title"].get<std::string>();
        cut += title == "U.S" || title == "N.Y" || title == "U.K";
    }
    EXPECT_EQ(cut, 0u);  // 2 before the fix in this file, 71 in the whole collection
}

TEST(ReaderCorrectionsCli, PolishInIso8859_2IsReadAsPolish) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    // "W Łodzi odbyła się konferencja naukowa..." in ISO-8859-2: a few accented letters,
    // each inside a word.
    tmp.write("in/lodz.txt",
              "Title: Konferencja w \xA3odzi\n\nW \xA3odzi odby\xB3\x61 si\xEA konferencja "
              "naukowa. Uczestnicy rozmawiali o przysz\xB3o\xB6\x63i miasta i jego "
              "mieszka\xF1\x63\xF3w.\n");
    const auto r = index_cmd({"--db", db, tmp.str() + "/in"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "read as ISO-8859-2")) << r.err;
    EXPECT_EQ(count_of(db, "odbyła"), "1");
    EXPECT_EQ(count_of(db, "przyszłości"), "1");
    const auto hits = hits_of(db, "konferencja");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["title"], "Konferencja w Łodzi");
}

TEST(ReaderCorrectionsCli, AppendingARecordLeavesTheOthersAlone) {
    TempDir tmp;
    const std::string file = tmp.str() + "/in/wire.jsonl";
    std::string lines;
    for (int i = 0; i < 200; ++i)  // undated records: each dated by the file's time
        lines += "{\"title\": \"Wire story " + std::to_string(i) + "\", \"text\": \"Story " +
                 std::to_string(i) + " tells of harbour " + std::to_string(i * 7) + " and ferry " +
                 std::to_string(i * 13) + " on another day.\"}\n";
    tmp.write("in/wire.jsonl", lines);
    fs::last_write_time(file, fs::last_write_time(file) - std::chrono::hours(1));
    for (const bool compact : {true, false}) {
        const std::string db = tmp.str() + (compact ? "/db" : "/db-plain");
        std::vector<std::string> args{"--db", db, file};
        if (!compact) args.insert(args.begin(), "--no-compact");
        const auto first = index_cmd(args);
        ASSERT_EQ(first.exit_code, 0) << first.err;
        EXPECT_TRUE(contains(first.out, "indexed 200 articles (200 new, 0 updated)")) << first.out;
    }
    {
        std::ofstream out(file, std::ios::app);
        out << "{\"title\": \"Late wire\", \"text\": \"A late story about quokkas.\"}\n";
    }
    for (const char* db : {"/db", "/db-plain"}) {
        const auto again = index_cmd({"--db", tmp.str() + db, file});
        ASSERT_EQ(again.exit_code, 0) << again.err;
        EXPECT_TRUE(contains(again.out, "indexed 1 article (1 new, 0 updated), 200 unchanged")) << again.out;
        EXPECT_EQ(count_of(tmp.str() + db, "quokkas"), "1");
    }
}

TEST(ReaderCorrectionsCli, AnUnreadableDateIsReportedAndNotReplacedByTheFileTime) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    tmp.write("in/wire.csv",
              "title,date,text\n"
              "Harbour levy vote,02/05/2024,The harbour levy vote was postponed again.\n"
              "Ferry timetable,2024-03-05,The ferry timetable changes in spring.\n");
    const auto r = index_cmd({"--db", db, tmp.str() + "/in"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "unrecognised date \"02/05/2024\"")) << r.err;
    EXPECT_TRUE(contains(r.err, "left undated")) << r.err;
    // The freshly written file is from today: its time must not make the article recent.
    EXPECT_EQ(count_of(db, "levy"), "1");
    const auto recent = search_cmd({"--db", db, "--count", "--since", "7d", "levy OR ferry"});
    EXPECT_EQ(recent.out, "0\n") << recent.err;
    const auto hits = hits_of(db, "levy");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0]["date_origin"], "none");
    EXPECT_TRUE(hits[0]["date"].is_null());
}

}  // namespace
}  // namespace newsdex::test
