// The pipeline against real files and a real on-disk database: incremental re-runs,
// changed, shrunk and deleted files, pruning, duplicates, and several worker threads.
#include "core/index/ingest.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>

#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

class Recorder : public IngestObserver {
  public:
    void problem(const Problem& p) override { problems.push_back(p); }
    std::vector<Problem> problems;
};

std::string article(const std::string& title, const std::string& body) { return "Title: " + title + "\n\n" + body + "\n"; }

/// A body no other body resembles (distinct words), so no test trips the duplicate grouping.
std::string unique_body(int n) {
    static const char* words[] = {"harbour", "council", "budget", "river", "festival", "railway", "museum",
                                  "election", "vaccine", "glacier", "orchard", "tribunal", "stadium", "airport",
                                  "library", "bakery", "volcano", "lighthouse", "refinery", "quarry"};
    std::string body;
    for (int i = 0; i < 60; ++i) {
        body += words[(n * 7 + i * (n % 5 + 3)) % 20];
        body += ' ';
        body += std::to_string(n * 1000 + i);
        body += i % 12 == 11 ? ". " : " ";
    }
    return body;
}

struct Fixture {
    test::TempDir dir;
    std::string db = dir.str() + "/db";
    std::string in = dir.str() + "/in";

    IngestStats run(IngestOptions options = {}, bool rebuild = false) {
        if (options.paths.empty()) options.paths = {in};
        IndexWriterOptions w;
        w.db_path = db;
        w.batch_size = 3;
        w.rebuild = rebuild;
        options.incremental = !rebuild;
        IndexWriter writer(w);
        Recorder recorder;
        std::atomic<bool> stop{false};
        auto stats = ingest(writer, options, recorder, stop);
        writer.finish();
        problems = recorder.problems;
        return stats;
    }
    Xapian::doccount count() const { return Xapian::Database(db).get_doccount(); }
    bool has(const std::string& relative) const {
        return Xapian::Database(db).term_exists(schema::id_term(fs::canonical(dir.path()).string() + "/in/" + relative));
    }
    std::vector<Problem> problems;
};

TEST(Ingest, ASecondRunOverAnUnchangedTreeReadsNothing) {
    Fixture f;
    for (int i = 0; i < 7; ++i) f.dir.write("in/a" + std::to_string(i) + ".txt", article("T" + std::to_string(i), unique_body(i)));
    auto first = f.run();
    EXPECT_EQ(first.added, 7u);
    EXPECT_EQ(first.files_read, 7u);
    auto second = f.run();
    EXPECT_EQ(second.files, 7u);
    EXPECT_EQ(second.files_read, 0u);
    EXPECT_EQ(second.files_unchanged, 7u);
    EXPECT_EQ(second.bytes_read, 0u);
    EXPECT_EQ(second.indexed() + second.unchanged + second.deleted, 0u);
    EXPECT_EQ(f.count(), 7u);
}

TEST(Ingest, ChangedAddedAndTouchedFiles) {
    Fixture f;
    f.dir.write("in/a.txt", article("A", unique_body(1)));
    f.dir.write("in/b.txt", article("B", unique_body(2)));
    f.run();
    f.dir.write("in/a.txt", article("A, revised", unique_body(1) + " A late correction."));
    f.dir.write("in/c.txt", article("C", unique_body(3)));
    // Same bytes, new time stamp: hashed, found equal, not re-indexed.
    fs::last_write_time(f.in + "/b.txt", fs::last_write_time(f.in + "/b.txt") + std::chrono::seconds(3));
    auto s = f.run();
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(s.replaced, 1u);
    EXPECT_EQ(s.files_read, 2u);
    EXPECT_EQ(s.files_unchanged, 1u);
    EXPECT_EQ(f.count(), 3u);
    // And the touched file's new time stamp is now remembered: a third run reads nothing.
    EXPECT_EQ(f.run().files_read, 0u);
}

TEST(Ingest, AFileThatNowYieldsNoArticleLosesItsArticle) {
    Fixture f;
    f.dir.write("in/a.txt", article("A", unique_body(1)));
    f.dir.write("in/b.txt", article("B", unique_body(2)));
    f.run();
    f.dir.write("in/a.txt", "No comments:\nPost a Comment\n");  // only page furniture now
    auto s = f.run();
    EXPECT_EQ(s.deleted, 1u);
    EXPECT_EQ(s.skipped, 1u);
    EXPECT_FALSE(f.has("a.txt"));
    EXPECT_TRUE(f.has("b.txt"));
}

TEST(Ingest, AnUnreadableFileKeepsItsArticlesAndIsRetried) {
    Fixture f;
    f.dir.write("in/a.txt", article("A", unique_body(1)));
    f.run();
    // Replaced by a dangling symlink: cannot be read now; what it had stays.
    fs::remove(f.in + "/a.txt");
    fs::create_symlink(f.in + "/nowhere.txt", f.in + "/a.txt");
    auto s = f.run();
    EXPECT_EQ(s.failed, 1u);
    EXPECT_EQ(s.deleted, 0u);
    EXPECT_TRUE(f.has("a.txt"));
}

TEST(Ingest, PruneRemovesOnlyWhatIsGoneFromTheNamedRoots) {
    Fixture f;
    f.dir.write("in/a.txt", article("A", unique_body(1)));
    f.dir.write("in/b.txt", article("B", unique_body(2)));
    f.dir.write("other/c.txt", article("C", unique_body(3)));
    IngestOptions both;
    both.paths = {f.in, f.dir.str() + "/other"};
    EXPECT_EQ(f.run(both).added, 3u);
    fs::remove(f.in + "/a.txt");
    fs::remove(f.dir.str() + "/other/c.txt");

    auto plain = f.run();  // without --prune nothing is removed
    EXPECT_EQ(plain.deleted, 0u);
    EXPECT_EQ(f.count(), 3u);

    IngestOptions prune;
    prune.prune = true;  // roots: only in/
    auto s = f.run(prune);
    EXPECT_EQ(s.deleted, 1u);
    EXPECT_FALSE(f.has("a.txt"));
    EXPECT_TRUE(f.has("b.txt"));
    EXPECT_EQ(f.count(), 2u) << "other/c.txt is gone too, but other/ was not named";
    // Its file state went with it: nothing is left to prune.
    EXPECT_EQ(f.run(prune).deleted, 0u);
}

TEST(Ingest, DuplicatesAreGroupedAndCounted) {
    Fixture f;
    const std::string story = unique_body(5);
    f.dir.write("in/1.txt", article("Original", story));
    f.dir.write("in/2.txt", article("Same text, other headline", story));
    f.dir.write("in/3.txt", article("Rewrite", "LONDON (Wire) - " + story + " The minister declined to comment."));
    f.dir.write("in/4.txt", article("Unrelated", unique_body(9)));
    IngestOptions one_thread;
    one_thread.jobs = 1;  // file order decides which copy arrives first
    auto s = f.run(one_thread);
    EXPECT_EQ(s.duplicates_exact, 1u);
    EXPECT_EQ(s.duplicates_near, 1u);
    Xapian::Database db(f.db);
    std::set<std::string> groups;
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) groups.insert(db.get_document(did).get_value(schema::kSlotDupGroup));
    EXPECT_EQ(groups.size(), 2u);  // the three copies, and the unrelated story
}

TEST(Ingest, SeveralWorkersStoreEveryArticleOnce) {
    Fixture f;
    for (int i = 0; i < 40; ++i) f.dir.write("in/d" + std::to_string(i % 4) + "/a" + std::to_string(i) + ".txt", article("T", unique_body(i)));
    f.dir.write("in/d0/empty.txt", "");
    IngestOptions options;
    options.jobs = 4;
    auto s = f.run(options);
    EXPECT_EQ(s.added, 40u);
    EXPECT_EQ(s.skipped, 1u);
    EXPECT_EQ(s.skip_reasons.at("empty file"), 1u);
    EXPECT_EQ(f.count(), 40u);
}

TEST(Ingest, RebuildStartsAfresh) {
    Fixture f;
    f.dir.write("in/a.txt", article("A", unique_body(1)));
    f.dir.write("in/b.txt", article("B", unique_body(2)));
    f.run();
    fs::remove(f.in + "/a.txt");
    auto s = f.run({}, true);
    EXPECT_EQ(s.added, 1u);
    EXPECT_EQ(f.count(), 1u);
    EXPECT_TRUE(f.has("b.txt"));
}

TEST(ReasonGroup, KeepsTheFirstWords) {
    EXPECT_EQ(reason_group("too large (70.1 MiB, the limit is 64.0 MiB; raise it with --max-size)"), "too large");
    EXPECT_EQ(reason_group("empty file (only white space)"), "empty file");
    EXPECT_EQ(reason_group("read error: Input/output error"), "read error");
    EXPECT_EQ(reason_group("No such file or directory"), "No such file or directory");
}

}  // namespace
}  // namespace newsdex
