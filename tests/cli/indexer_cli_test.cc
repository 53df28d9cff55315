// End-to-end tests of newsdex-index: the real binary on real files.
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

std::size_t corpus_size() {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(std::string(NEWSDEX_CORPUS_DIR) + "/text")) n += e.is_regular_file();
    return n;
}

TEST(IndexerCli, IndexesTheCorpusAndSaysSoInOneLine) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const auto r = index_cmd({"--db", db, std::string(NEWSDEX_CORPUS_DIR) + "/text"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(line_count(r.out), 1u) << r.out;
    const std::string n = std::to_string(corpus_size());
    EXPECT_TRUE(contains(r.out, "indexed " + n + " articles (" + n + " new, 0 updated)")) << r.out;
    EXPECT_TRUE(contains(r.out, "articles/s")) << r.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), corpus_size());
}

TEST(IndexerCli, ReindexingReplacesRatherThanDuplicates) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const std::string text = std::string(NEWSDEX_CORPUS_DIR) + "/text";
    ASSERT_EQ(index_cmd({"--db", db, text}).exit_code, 0);
    // v1 re-read every file and said "(0 new, 30 updated)"; runs are incremental now, so
    // an unchanged tree is not read at all (see incremental_cli_test.cc for changed files).
    const auto again = index_cmd({"--db", db, text});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    const std::string n = std::to_string(corpus_size());
    EXPECT_TRUE(contains(again.out, "indexed 0 articles (0 new, 0 updated)")) << again.out;
    EXPECT_TRUE(contains(again.out, "from " + n + " files (0 read, " + n + " unchanged)")) << again.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), corpus_size());
}

TEST(IndexerCli, BadInputsAreNamedSkippedAndTheRestIndexed) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    tmp.write("in/good.txt", "Anna Weber\nThe council voted to reopen the library on Monday.\n");
    tmp.write("in/empty.txt", "");
    tmp.write("in/blank.txt", "  \n\n\t\n");
    tmp.write("in/binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(100, '\0'));
    tmp.write("in/latin1.txt", "Caf\xE9 owners in Z\xFCrich protest against the new rent rules today.\n");
    tmp.write("in/bad-utf8.txt", "Valid caf\xC3\xA9 then a stray \xFF byte in otherwise fine text.\n");
    tmp.write("in/furniture.txt", "No comments:\nPost a Comment\n");
    tmp.write("in/notes.md", "not an article file in a folder, ignored\n");
    fs::create_symlink(tmp.str() + "/in/gone-target", tmp.str() + "/in/dangling.txt");
    ::mkfifo((tmp.str() + "/in/fifo.txt").c_str(), 0600);

    const auto r = index_cmd({"--db", db, tmp.str() + "/in", tmp.str() + "/missing.txt"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    // One line per bad input, naming the file and the reason.
    EXPECT_TRUE(contains(r.err, "skipped: " + tmp.str() + "/in/empty.txt: empty file")) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped: " + tmp.str() + "/in/blank.txt: empty file")) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped: " + tmp.str() + "/in/binary.txt: binary file")) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped: " + tmp.str() + "/in/furniture.txt: no article text")) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped: " + tmp.str() + "/in/fifo.txt: not a regular file")) << r.err;
    EXPECT_TRUE(contains(r.err, "failed: " + tmp.str() + "/in/dangling.txt: No such file")) << r.err;
    EXPECT_TRUE(contains(r.err, "failed: " + tmp.str() + "/missing.txt: No such file or directory")) << r.err;
    EXPECT_TRUE(contains(r.err, "warning: " + tmp.str() + "/in/latin1.txt: indexed, but not UTF-8")) << r.err;
    EXPECT_TRUE(contains(r.err, "warning: " + tmp.str() + "/in/bad-utf8.txt: indexed, but 1 invalid UTF-8")) << r.err;
    EXPECT_FALSE(contains(r.err, "notes.md"));
    EXPECT_TRUE(contains(r.out, "indexed 3 articles")) << r.out;
    EXPECT_TRUE(contains(r.out, "5 skipped, 2 failed, 1 ignored")) << r.out;

    // The repaired text is searchable as proper UTF-8.
    const auto s = search_cmd({"--db", db, "--format", "json", "Zürich"});
    EXPECT_EQ(s.exit_code, 0) << s.err;
    EXPECT_TRUE(contains(s.out, "Caf\xC3\xA9 owners in Z\xC3\xBCrich")) << s.out;
}

TEST(IndexerCli, UnreadableFileIsReportedWhenPermissionsApply) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads files whatever their mode";
    TempDir tmp;
    const std::string file = tmp.write("locked.txt", "Some article text that nobody may read.\n");
    ::chmod(file.c_str(), 0);
    const auto r = index_cmd({"--db", tmp.str() + "/db", file});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "failed: " + file + ": Permission denied")) << r.err;
}

TEST(IndexerCli, LockedDatabaseIsADatabaseError) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    Xapian::WritableDatabase holder(db, Xapian::DB_CREATE_OR_OPEN);
    const auto r = index_cmd({"--db", db, corpus_file("scholz-taurus-refusal.txt")});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_TRUE(contains(r.err, "newsdex-index: database " + db + " is locked")) << r.err;
}

TEST(IndexerCli, UsageErrorsExitTwo) {
    auto r = index_cmd({});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "no PATH given")) << r.err;
    r = index_cmd({"--language", "klingon", "x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "unknown --language \"klingon\"")) << r.err;
    EXPECT_TRUE(contains(r.err, "german")) << r.err;
    r = index_cmd({"--no-such-option"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(IndexerCli, HelpAndVersion) {
    auto r = index_cmd({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "Examples:"));
    EXPECT_TRUE(contains(r.out, "Exit status"));
    r = index_cmd({"--version"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_TRUE(contains(r.out, "newsdex-index ")) << r.out;
}

TEST(IndexerCli, DefaultDatabaseIsSharedWithTheSearcher) {
    TempDir home;
    const std::map<std::string, std::string> env{{"HOME", home.str()}, {"NEWSDEX_DB", ""}, {"XDG_DATA_HOME", ""}};
    const auto r = index_cmd({corpus_file("scholz-taurus-refusal.txt")}, env);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(home.path() / ".local/share/newsdex/db"));
    const auto s = search_cmd({"Taurus"}, env);
    EXPECT_EQ(s.exit_code, 0) << s.err;

    const std::map<std::string, std::string> xdg{{"HOME", home.str()}, {"NEWSDEX_DB", ""},
                                                 {"XDG_DATA_HOME", home.str() + "/xdg"}};
    EXPECT_EQ(index_cmd({corpus_file("scholz-taurus-refusal.txt")}, xdg).exit_code, 0);
    EXPECT_TRUE(fs::exists(home.path() / "xdg/newsdex/db"));

    const std::map<std::string, std::string> named{{"HOME", home.str()}, {"NEWSDEX_DB", home.str() + "/named"}};
    EXPECT_EQ(index_cmd({corpus_file("scholz-taurus-refusal.txt")}, named).exit_code, 0);
    EXPECT_TRUE(fs::exists(home.path() / "named"));
}

TEST(IndexerCli, IndexesTheSharedSeedArticle) {
    const std::string seed = std::string(NEWSDEX_SHARED_DIR) + "/corpora/seed/pistorius-webex.txt";
    if (!fs::exists(seed)) GTEST_SKIP() << "no ../shared corpora here";
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, seed}).exit_code, 0);
    const auto s = search_cmd({"--db", db, "--format", "json", "WebEx"});
    EXPECT_EQ(s.exit_code, 0);
    EXPECT_TRUE(contains(s.out, "\"author\":\"Kate Connolly\"")) << s.out;
    // The page furniture at its end is not part of the article.
    EXPECT_EQ(search_cmd({"--db", db, "\"post a comment\""}).exit_code, 1);
}

}  // namespace
}  // namespace newsdex::test
