// End-to-end: data safety against ordinary-looking hostile input and commands (issue 20):
// --prune that must not delete what it cannot prove gone, long paths, a folder of
// articles given as --db, devices behind symlinks, and one folder holding all of them.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "tests/cli/cli_support.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::size_t article_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

struct Bounded {
    bool finished = false;
    int exit_code = -1;
    std::string out, err;
    double seconds = 0;
};

/// Runs newsdex-index, killing it if it has not ended within `limit` seconds, so that a
/// hang is a failed test and not a stuck test run.
Bounded index_bounded(std::vector<std::string> args, double limit) {
    args.insert(args.begin(), NEWSDEX_INDEX_BIN);
    ChildProcess child(args);
    const auto start = Clock::now();
    Bounded r;
    while (child.running()) {
        if (std::chrono::duration<double>(Clock::now() - start).count() > limit) {
            child.signal(SIGKILL);
            child.wait();
            r.err = child.err();
            return r;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    r.finished = true;
    r.exit_code = child.wait();
    r.out = child.out();
    r.err = child.err();
    r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return r;
}

TEST(SafetyCli, PruneWithAMissingPathDeletesNothingUnderIt) {
    TempDir tmp;
    const std::string mount = tmp.str() + "/archive";
    fs::create_directories(mount + "/2024");
    fs::copy_file(corpus_file("elbe-floods-saxony.txt"), mount + "/2024/elbe.txt");
    fs::copy_file(corpus_file("ecb-holds-interest-rates.txt"), mount + "/ecb.txt");
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "--quiet", mount}).exit_code, 0);
    ASSERT_EQ(article_count(db), 2u);

    // The disk is not mounted: the path is gone, the articles under it are not.
    fs::rename(mount, tmp.str() + "/unmounted");
    const auto r = index_cmd({"--db", db, "--prune", mount + "/"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.out, " 0 deleted")) << r.out;
    EXPECT_TRUE(contains(r.err, "failed: " + mount + "/: No such file or directory; --prune removes nothing under it"))
        << r.err;
    EXPECT_EQ(article_count(db), 2u);

    // An unreadable folder proves nothing either (root reads everything: skip there).
    fs::rename(tmp.str() + "/unmounted", mount);
    if (::geteuid() != 0) {
        fs::permissions(mount, fs::perms::none);
        const auto locked = index_cmd({"--db", db, "--prune", mount});
        fs::permissions(mount, fs::perms::owner_all);
        EXPECT_TRUE(contains(locked.out, " 0 deleted")) << locked.out;
        EXPECT_EQ(article_count(db), 2u);
    }

    // Back in place, a file really deleted is pruned as before.
    fs::remove(mount + "/ecb.txt");
    const auto pruned = index_cmd({"--db", db, "--prune", mount});
    EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_TRUE(contains(pruned.out, " 1 deleted")) << pruned.out;
    EXPECT_EQ(article_count(db), 1u);
}

TEST(SafetyCli, PruneKeepsTheArticlesOfFilesWithLongPaths) {
    TempDir tmp;
    const std::string in = tmp.str() + "/in";
    fs::create_directories(in);
    const std::string name(190, 'x');
    fs::copy_file(corpus_file("elbe-floods-saxony.txt"), in + "/" + name + ".txt");
    {
        std::ofstream out(in + "/" + name + ".jsonl");
        out << R"({"title": "Harbour strike ends", "text": "Dock workers in the harbour voted to end the strike after the port authority agreed to new shift rules for the night crews."})" "\n"
            << R"({"title": "Glacier retreat measured", "text": "Surveyors found that the glacier lost forty metres of length this summer, the largest retreat since measurements began."})" "\n";
    }
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "--quiet", in}).exit_code, 0);
    ASSERT_EQ(article_count(db), 3u);

    const auto r = index_cmd({"--db", db, "--prune", "--verbose", in});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, " 0 deleted")) << r.out;
    EXPECT_FALSE(contains(r.out, "pruned ")) << r.out;
    EXPECT_EQ(article_count(db), 3u);

    // Gone for real: the long-named file's articles go, exactly those.
    fs::remove(in + "/" + name + ".jsonl");
    const auto gone = index_cmd({"--db", db, "--prune", in});
    EXPECT_TRUE(contains(gone.out, " 2 deleted")) << gone.out;
    EXPECT_EQ(article_count(db), 1u);
    fs::remove(in + "/" + name + ".txt");
    const auto last = index_cmd({"--db", db, "--prune", in});
    EXPECT_TRUE(contains(last.out, " 1 deleted")) << last.out;
    EXPECT_EQ(article_count(db), 0u);
}

TEST(SafetyCli, AFolderOfArticlesIsNotADatabase) {
    TempDir tmp;
    const std::string articles = tmp.str() + "/articles";
    fs::create_directories(articles);
    fs::copy_file(corpus_file("elbe-floods-saxony.txt"), articles + "/elbe.txt");
    const std::string in = tmp.str() + "/in";
    fs::create_directories(in);
    fs::copy_file(corpus_file("ecb-holds-interest-rates.txt"), in + "/ecb.txt");

    const auto r = index_cmd({"--db", articles, in});
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, "not a Newsdex database")) << r.err;
    // Nothing was written into it.
    std::size_t entries = 0;
    for (const auto& e : fs::directory_iterator(articles)) entries += e.exists();
    EXPECT_EQ(entries, 1u);

    // An empty folder is a fine new database.
    fs::create_directories(tmp.str() + "/empty");
    EXPECT_EQ(index_cmd({"--db", tmp.str() + "/empty", "--quiet", in}).exit_code, 0);
}

TEST(SafetyCli, ADatabaseInsideTheArticlesFolderIsNotReadAsArticles) {
    TempDir tmp;
    const std::string in = tmp.str() + "/in";
    fs::create_directories(in);
    fs::copy_file(corpus_file("ecb-holds-interest-rates.txt"), in + "/ecb.txt");
    const std::string db = in + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "--quiet", in}).exit_code, 0);
    const auto again = index_cmd({"--db", db, "--verbose", in});
    EXPECT_EQ(again.exit_code, 0) << again.err;
    EXPECT_EQ(article_count(db), 1u);
    EXPECT_FALSE(contains(again.out, "iamglass")) << again.out;
    EXPECT_FALSE(contains(again.out, "XAPIANDB")) << again.out;
    // Named as a PATH, it is refused, with a line.
    const auto named = index_cmd({"--db", tmp.str() + "/other", db});
    EXPECT_EQ(named.exit_code, 1);
    EXPECT_TRUE(contains(named.err, "is a database folder, not articles")) << named.err;
}

TEST(SafetyCli, ADeviceBehindASymlinkIsSkippedAtOnce) {
    if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero";
    TempDir tmp;
    const std::string in = tmp.str() + "/in";
    fs::create_directories(in);
    fs::copy_file(corpus_file("ecb-holds-interest-rates.txt"), in + "/ecb.txt");
    fs::create_symlink("/dev/zero", in + "/zero.txt");
    fs::create_symlink("/dev/urandom", in + "/random.jsonl");
    const std::string db = tmp.str() + "/db";
    // Followed on purpose (by default a link out of the folders is not read at all).
    const auto r = index_bounded({"--db", db, "--follow-symlinks", in}, 20);
    ASSERT_TRUE(r.finished) << "newsdex-index read a device without end";
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "zero.txt: not a regular file")) << r.err;
    EXPECT_TRUE(contains(r.err, "random.jsonl: not a regular file")) << r.err;
    const auto plain = index_bounded({"--db", tmp.str() + "/db1", in}, 20);
    ASSERT_TRUE(plain.finished);
    EXPECT_EQ(plain.exit_code, 1) << plain.err;
    EXPECT_TRUE(contains(plain.err, "zero.txt: symbolic link to a file outside the PATHs given")) << plain.err;
    EXPECT_EQ(article_count(db), 1u);
    // The device named on the command line: the same.
    const auto named = index_bounded({"--db", tmp.str() + "/db2", "/dev/zero"}, 20);
    ASSERT_TRUE(named.finished) << "newsdex-index read /dev/zero without end";
    EXPECT_EQ(named.exit_code, 1) << named.err;
}

}  // namespace
}  // namespace newsdex::test

namespace newsdex::test {
namespace {

TEST(SafetyCli, SymlinksInFoldersAreReadOnlyWhenTheirTargetIsInsideThePaths) {
    TempDir tmp;
    const std::string in = tmp.str() + "/in", outside = tmp.str() + "/private";
    fs::create_directories(in + "/sub");
    fs::create_directories(outside);
    tmp.write("private/secret.txt", "Title: Secret payroll\n\nThe confidential payroll ledger lists every salary in the department.\n");
    fs::copy_file(corpus_file("ecb-holds-interest-rates.txt"), in + "/sub/ecb.txt");
    fs::create_symlink(outside + "/secret.txt", in + "/secret.txt");
    fs::create_symlink(in + "/sub/ecb.txt", in + "/ecb-link.txt");  // inside: read (once)
    const std::string db = tmp.str() + "/db";
    const auto r = index_cmd({"--db", db, in});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "skipped: " + in + "/secret.txt: symbolic link to a file outside the PATHs given"))
        << r.err;
    EXPECT_EQ(article_count(db), 1u);
    EXPECT_EQ(search_cmd({"--db", db, "--count", "payroll"}).out, "0\n");

    // Asked for: read.
    const auto followed = index_cmd({"--db", tmp.str() + "/db2", "--follow-symlinks", in});
    EXPECT_EQ(followed.exit_code, 0) << followed.err;
    EXPECT_EQ(search_cmd({"--db", tmp.str() + "/db2", "--count", "payroll"}).out, "1\n");
    // Named on the command line: read as before.
    const auto named = index_cmd({"--db", tmp.str() + "/db3", in + "/secret.txt"});
    EXPECT_EQ(named.exit_code, 0) << named.err;
    EXPECT_EQ(search_cmd({"--db", tmp.str() + "/db3", "--count", "payroll"}).out, "1\n");
}

}  // namespace
}  // namespace newsdex::test

namespace newsdex::test {
namespace {

// One folder holding every hostile file of this suite beside good articles: every good
// article is indexed, each bad file is named once, exit status 1, well within 60 s.
TEST(SafetyCli, AFolderOfHostileFilesIndexesEveryGoodArticle) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 20);
    const std::string outside = tmp.str() + "/outside";
    fs::create_directories(outside);
    tmp.write("outside/secret.txt", "Title: Secret\n\nThe confidential payroll ledger of the department.\n");
    std::vector<std::string> bad;
    auto link = [&](const std::string& target, const std::string& name) {
        fs::create_symlink(target, in + "/" + name);
        bad.push_back(in + "/" + name);
    };
    link(outside + "/secret.txt", "secret.txt");
    if (fs::exists("/dev/zero")) link("/dev/zero", "zero.txt");
    if (fs::exists("/dev/urandom")) link("/dev/urandom", "random.jsonl");
    link(in + "/nothing-there.txt", "dangling.txt");
    tmp.write("in/empty.txt", "");
    bad.push_back(in + "/empty.txt");
    tmp.write("in/photo.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20) + std::string(4000, '\0'));
    bad.push_back(in + "/photo.txt");
    // Good, with awkward names: long, and inside a folder beside a database.
    fs::copy_file(corpus_file("elbe-floods-saxony.txt"), in + "/" + std::string(190, 'y') + ".txt");
    ASSERT_EQ(index_cmd({"--db", in + "/nested-db", "--quiet", corpus_file("ecb-holds-interest-rates.txt")}).exit_code, 0);
    const std::size_t good = 20 + 1;

    const std::string db = tmp.str() + "/db";
    const auto r = index_bounded({"--db", db, in}, 60);
    ASSERT_TRUE(r.finished) << "did not finish within 60 s";
    EXPECT_LT(r.seconds, 30);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(article_count(db), good) << r.err;
    for (const auto& file : bad) {
        std::size_t times = 0;
        for (auto at = r.err.find(file + ":"); at != std::string::npos; at = r.err.find(file + ":", at + 1)) ++times;
        EXPECT_EQ(times, 1u) << file << " in:\n" << r.err;
    }
    // And again with --prune: nothing good is lost.
    const auto again = index_bounded({"--db", db, "--prune", in}, 60);
    ASSERT_TRUE(again.finished);
    EXPECT_EQ(article_count(db), good) << again.out << again.err;
}

}  // namespace
}  // namespace newsdex::test
