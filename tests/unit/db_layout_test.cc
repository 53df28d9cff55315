#include "core/db/db_layout.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "core/db/index_lock.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

Xapian::doccount add_docs(const std::string& path, int n) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < n; ++i) {
        Xapian::Document doc;
        doc.add_term("word");
        db.add_document(doc);
    }
    db.commit();
    return db.get_doccount();
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    return s;
}

TEST(DbLayout, ANewDatabaseIsAStubPointingAtItsFirstGeneration) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    DbLayout layout(root, false);
    EXPECT_EQ(layout.write_path(), root + "/gen-1");
    EXPECT_FALSE(fs::exists(fs::path(root) / "XAPIANDB")) << "not before the index exists";
    add_docs(layout.write_path(), 2);
    layout.publish_new();
    EXPECT_EQ(read_file(fs::path(root) / "XAPIANDB"), "auto gen-1");
    layout.publish();  // nothing left to do for a new database
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 2u);  // searchers open the folder
    EXPECT_EQ(DbLayout::live_index(root), root + "/gen-1");
    // Next run: same generation.
    EXPECT_EQ(DbLayout(root, false).write_path(), root + "/gen-1");
}

TEST(DbLayout, RebuildIsInvisibleUntilPublishedThenReplacesTheOld) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    {
        DbLayout layout(root, false);
        add_docs(layout.write_path(), 3);
        layout.publish_new();
    }
    Xapian::Database before(root);

    DbLayout rebuild(root, true);
    EXPECT_EQ(rebuild.write_path(), root + "/gen-2");
    add_docs(rebuild.write_path(), 5);
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 3u) << "a rebuild must not show before it is complete";
    rebuild.publish();
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 5u);
    EXPECT_FALSE(fs::exists(root + "/gen-1"));
    // A searcher that had the old index open keeps reading it.
    Xapian::Enquire enquire(before);
    enquire.set_query(Xapian::Query("word"));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 3u);
}

TEST(DbLayout, AnInterruptedRebuildLeavesTheOldIndexAndIsCleanedUp) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    {
        DbLayout layout(root, false);
        add_docs(layout.write_path(), 3);
        layout.publish_new();
    }
    {
        DbLayout rebuild(root, true);
        add_docs(rebuild.write_path(), 1);
        // never published: the process died here
    }
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 3u);
    DbLayout next(root, false);
    EXPECT_EQ(next.write_path(), root + "/gen-1");
    EXPECT_FALSE(fs::exists(root + "/gen-2"));
}

TEST(DbLayout, AV1DatabaseIsWrittenInPlaceAndRebuiltIntoAStub) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    add_docs(root, 4);  // v1: the folder is itself a glass database
    EXPECT_EQ(DbLayout(root, false).write_path(), root);
    EXPECT_EQ(DbLayout::live_index(root), root);

    DbLayout rebuild(root, true);
    EXPECT_EQ(rebuild.write_path(), root + "/gen-1");
    add_docs(rebuild.write_path(), 2);
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 4u) << "glass wins over the stub until the switch";
    rebuild.publish();
    EXPECT_EQ(Xapian::Database(root).get_doccount(), 2u);
    EXPECT_FALSE(fs::exists(root + "/iamglass"));
    EXPECT_FALSE(fs::exists(root + "/postlist.glass"));
    EXPECT_EQ(DbLayout(root, false).write_path(), root + "/gen-1");
}

TEST(DbLayout, RefusesAStubItDidNotWrite) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    fs::create_directories(root);
    std::ofstream(root + "/XAPIANDB") << "remote localhost:1234\n";
    EXPECT_THROW(DbLayout(root, false), Error);
}

TEST(IndexLock, ASecondHolderIsToldThePidOfTheFirst) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    IndexLock first(root, false);
    EXPECT_EQ(IndexLock::holder(root), ::getpid());
    try {
        IndexLock second(root, false);
        FAIL() << "expected a lock error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()),
                  "database " + root + " is locked by another newsdex-index (pid " + std::to_string(::getpid()) + ")");
        EXPECT_NE(e.hint().find("--wait"), std::string::npos);
    }
}

TEST(IndexLock, WaitingStopsWhenAskedAndSucceedsOnceFree) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    {
        IndexLock first(root, false);
        pid_t told = 0;
        EXPECT_THROW(IndexLock(root, true, [&](pid_t pid) { told = pid; }, [] { return true; }), Error);
        EXPECT_EQ(told, ::getpid());
    }
    EXPECT_EQ(IndexLock::holder(root), 0);
    IndexLock again(root, true);  // free: no wait
}

}  // namespace
}  // namespace newsdex
