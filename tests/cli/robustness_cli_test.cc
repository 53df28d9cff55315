// End-to-end: the indexer killed with SIGKILL at random moments, stopped with SIGINT and
// SIGTERM, raced by a second indexer, and run out of disk space.
#include <signal.h>
#include <sys/mount.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "tests/cli/cli_support.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// id term -> document data, for every article in the database.
std::map<std::string, std::string> articles_of(const std::string& db_path) {
    std::map<std::string, std::string> out;
    Xapian::Database db(db_path);
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
        EXPECT_EQ(it.get_termfreq(), 1u) << "id held by several documents: " << *it;
        out[*it] = db.get_document(*db.postlist_begin(*it)).get_data();
    }
    EXPECT_EQ(out.size(), db.get_doccount()) << "a document without an id";
    return out;
}

/// A database exists once the indexer has published its stub; before that, nothing to check.
bool published(const std::string& db) { return fs::exists(db + "/XAPIANDB"); }

void sleep_ms(long ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); }

TEST(RobustnessCli, SigkillAtRandomMomentsNeverDamagesTheDatabase) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 600);
    const std::string clean_db = tmp.str() + "/clean", db = tmp.str() + "/killed";
    const std::vector<std::string> flags = {"--batch-size", "20", "--jobs", "2", "--quiet"};

    auto args = [&](const std::string& target) {
        std::vector<std::string> a{NEWSDEX_INDEX_BIN, "--db", target};
        a.insert(a.end(), flags.begin(), flags.end());
        a.push_back(in);
        return a;
    };
    {
        ChildProcess clean(args(clean_db));
        ASSERT_EQ(clean.wait(), 0) << clean.err();
    }
    const auto expected = articles_of(clean_db);
    ASSERT_EQ(expected.size(), 600u);

    const unsigned seed = static_cast<unsigned>(std::random_device{}());
    std::mt19937 rng(seed);
    // Random moments by progress rather than by the clock, so that they land mid-run
    // however fast the machine is today: wait until a random share of what is left has
    // been committed, then a random few milliseconds more (between commits), then kill.
    std::uniform_real_distribution<double> share(0.0, 0.9);
    std::uniform_int_distribution<long> extra_ms(0, 30);
    int killed_mid_run = 0;
    std::size_t held = 0;
    for (int round = 0; round < 6 && held < expected.size(); ++round) {
        const auto target = held + static_cast<std::size_t>(share(rng) * static_cast<double>(expected.size() - held));
        const long at = extra_ms(rng);
        ChildProcess indexer(args(db));
        while (indexer.running()) {
            std::size_t now = 0;
            try {
                if (published(db)) now = Xapian::Database(db).get_doccount();
            } catch (const Xapian::Error&) {
            }
            if (now >= target) break;
            sleep_ms(1);
        }
        sleep_ms(at);
        const bool was_running = indexer.running();
        indexer.signal(SIGKILL);
        indexer.wait();
        killed_mid_run += was_running && indexer.term_signal() == SIGKILL;
        SCOPED_TRACE("seed " + std::to_string(seed) + ", round " + std::to_string(round) + ", killed " +
                     std::to_string(at) + " ms after " + std::to_string(target) + " articles");
        if (!published(db)) continue;
        // The database opens, and every article in it is whole: the same as in a clean run.
        const auto now = articles_of(db);
        held = now.size();
        for (const auto& [id, data] : now) {
            auto it = expected.find(id);
            ASSERT_NE(it, expected.end()) << "unknown article " << id;
            EXPECT_EQ(data, it->second) << "damaged article " << id;
        }
    }
    EXPECT_GT(killed_mid_run, 0) << "no kill landed while the indexer ran (seed " << seed << ")";

    // A re-run (which also proves the lock died with the killed process) completes the
    // work: exactly the articles of the clean run.
    ChildProcess finish(args(db));
    ASSERT_EQ(finish.wait(), 0) << finish.err();
    EXPECT_EQ(articles_of(db), expected);
}

TEST(RobustnessCli, SigintAndSigtermStopCleanlyAndARerunFinishes) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 800);
    const std::string db = tmp.str() + "/db";
    std::size_t committed = 0;
    for (const int sig : {SIGINT, SIGTERM}) {
        // Articles already prepared when the signal comes are stored too, so one
        // interrupted run may have finished everything.
        if (committed == 800) break;
        ChildProcess indexer({NEWSDEX_INDEX_BIN, "--db", db, "--batch-size", "10", "--jobs", "2", in});
        // Wait for the first commit of this run, then ask it to stop.
        for (int i = 0; i < 2000 && indexer.running(); ++i) {
            if (published(db)) {
                try {
                    if (Xapian::Database(db).get_doccount() > committed) break;
                } catch (const Xapian::Error&) {
                }
            }
            sleep_ms(2);
        }
        ASSERT_TRUE(indexer.running()) << "finished before it could be interrupted: " << indexer.out();
        indexer.signal(sig);
        const int status = indexer.wait();
        EXPECT_EQ(status, 128 + sig) << indexer.err();
        EXPECT_TRUE(contains(indexer.out(), "indexed ")) << "no summary: " << indexer.out();
        EXPECT_TRUE(contains(indexer.err(), sig == SIGINT ? "stopped by SIGINT" : "stopped by SIGTERM"))
            << indexer.err();
        const auto held = articles_of(db).size();
        EXPECT_GT(held, committed);
        committed = held;
    }
    const auto r = index_cmd({"--db", db, in});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "(" + std::to_string(800 - committed) + " new, 0 updated)")) << r.out;
    EXPECT_EQ(articles_of(db).size(), 800u);
}

TEST(RobustnessCli, ASecondIndexerFailsAtOnceOrWaitsItsTurn) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 600);
    const std::string db = tmp.str() + "/db";
    ChildProcess first({NEWSDEX_INDEX_BIN, "--db", db, "--batch-size", "5", "--jobs", "1", in});
    // Once it holds the lock, freeze it there, so the race below is certain.
    const std::string lock = db + "/newsdex-index.lock";
    for (int i = 0; i < 5000 && first.running(); ++i) {
        std::ifstream f(lock);
        std::string pid;
        if (f >> pid && pid == std::to_string(first.pid())) break;
        sleep_ms(1);
    }
    first.signal(SIGSTOP);
    ASSERT_TRUE(first.running()) << "the first indexer finished too soon";

    const auto start = Clock::now();
    const auto second = index_cmd({"--db", db, in});
    const auto waited = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_EQ(second.exit_code, 3);
    EXPECT_TRUE(contains(second.err, "newsdex-index: database " + db + " is locked by another newsdex-index (pid " +
                                         std::to_string(first.pid()) + ")"))
        << second.err;
    EXPECT_LT(waited, 5.0) << "must fail at once";

    ChildProcess third({NEWSDEX_INDEX_BIN, "--db", db, "--wait", in});
    for (int i = 0; i < 5000 && !contains(third.err(), "waiting for"); ++i) sleep_ms(1);
    EXPECT_TRUE(contains(third.err(), "waiting for the newsdex-index writing " + db + " (pid " +
                                          std::to_string(first.pid()) + ") to finish"))
        << third.err();
    EXPECT_TRUE(third.running());
    first.signal(SIGCONT);
    EXPECT_EQ(first.wait(), 0) << first.err();
    EXPECT_EQ(third.wait(), 0) << third.err();
    // The first did all the work; the one that waited found nothing left to read.
    EXPECT_TRUE(contains(third.out(), "from 600 files (0 read, 600 unchanged)")) << third.out();
}

TEST(RobustnessCli, OutOfDiskSpaceIsReportedAndTheDatabaseStaysUsable) {
    if (::geteuid() != 0) GTEST_SKIP() << "mounting a small tmpfs needs root";
    TempDir tmp;
    const std::string mnt = tmp.str() + "/small";
    fs::create_directories(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=2m") != 0)
        GTEST_SKIP() << "cannot mount a tmpfs here: " << std::strerror(errno);
    struct Unmount {
        std::string path;
        ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
    } unmount{mnt};

    const std::string in = write_generated_corpus(tmp.str() + "/in", 1500, 200);
    const std::string db = mnt + "/db";
    const auto r = index_cmd({"--db", db, "--batch-size", "25", "--jobs", "1", in});
    EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
    EXPECT_TRUE(contains(r.err, "newsdex-index: database " + db + ": out of disk space")) << r.err;
    EXPECT_TRUE(contains(r.err, "hint: free some space and run again")) << r.err;

    // Still usable: it opens, every article in it decodes, and searches answer.
    ASSERT_TRUE(published(db));
    const auto held = articles_of(db);
    EXPECT_GT(held.size(), 0u);
    for (const auto& [id, data] : held) EXPECT_EQ(data.front(), '{') << id;
    const auto s = search_cmd({"--db", db, "report"});
    EXPECT_EQ(s.exit_code, 0) << s.err;
}

}  // namespace
}  // namespace newsdex::test
