// Sharded databases: routing of ids to shards, the stub that lists the shards, the shard
// writer threads, and an IndexWriter over several shards (duplicates found across shards,
// incremental outcomes, file state in shard 0).
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/db/db_layout.h"
#include "core/index/index_writer.h"
#include "core/schema.h"
#include "core/index/shard_router.h"
#include "core/index/shard_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string body(int n) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "word" + std::to_string(n * 100 + i) + (i % 8 == 7 ? ". " : " ");
    return text;
}

TEST(ShardRouter, IsStableInRangeAndSpreadsIds) {
    EXPECT_EQ(shard_of("Q/any", 1), 0u);
    // Pinned: the routing is part of the on-disk format (a changed hash would strand ids).
    EXPECT_EQ(shard_of("Q/news/a.txt", 3), shard_of("Q/news/a.txt", 3));
    std::vector<int> counts(3);
    for (int i = 0; i < 3000; ++i) {
        const unsigned s = shard_of("Q/news/" + std::to_string(i) + ".txt", 3);
        ASSERT_LT(s, 3u);
        ++counts[s];
    }
    for (int c : counts) EXPECT_GT(c, 800) << "each shard gets about a third";
}

TEST(DbStub, ListsEveryShardAndReadsBack) {
    EXPECT_EQ(DbLayout::stub_text("gen-2", 1), "auto gen-2\n");
    EXPECT_EQ(DbLayout::stub_text("gen-2", 3), "auto gen-2/shard-0\nauto gen-2/shard-1\nauto gen-2/shard-2\n");
    const auto one = DbLayout::parse_stub("auto gen-2\n");
    EXPECT_EQ(one.generation, "gen-2");
    EXPECT_EQ(one.shards, 1u);
    const auto three = DbLayout::parse_stub(DbLayout::stub_text("gen-7", 3));
    EXPECT_EQ(three.generation, "gen-7");
    EXPECT_EQ(three.shards, 3u);
    for (const char* bad : {"", "remote localhost:1\n", "auto gen-1/shard-1\n", "auto gen-1/shard-0\nauto gen-2/shard-1\n",
                            "auto other\n", "auto gen-1/shard-0\nauto gen-1/shard-0\n"})
        EXPECT_EQ(DbLayout::parse_stub(bad).shards, 0u) << bad;
}

TEST(DbLayout, ANewShardedDatabaseListsItsShardsAndKeepsThemOnReopen) {
    test::TempDir dir;
    const std::string root = dir.str() + "/db";
    {
        DbLayout layout(root, false, 3);
        ASSERT_EQ(layout.shards(), 3u);
        EXPECT_EQ(layout.write_paths()[2], root + "/gen-1/shard-2");
        for (const auto& p : layout.write_paths()) Xapian::WritableDatabase(p, Xapian::DB_CREATE_OR_OPEN).commit();
        layout.publish_new();
    }
    EXPECT_EQ(slurp(root + "/XAPIANDB"), DbLayout::stub_text("gen-1", 3));
    EXPECT_EQ(Xapian::Database(root).size(), 3u) << "Xapian opens the stub as all the shards";
    DbLayout again(root, false, 1);
    EXPECT_EQ(again.shards(), 3u) << "an existing database keeps its shard count";
    DbLayout rebuild(root, true, 2);
    EXPECT_EQ(rebuild.write_paths()[0], root + "/gen-2/shard-0");
}

PreparedArticle prepared(DocumentBuilder& builder, const std::string& id, const std::string& text,
                         const std::string& file) {
    return prepare_article(builder, test::make_article(id, "Title of " + id, {text}), file);
}

TEST(ShardWriter, AppliesChangesInOrderAndCommitsOnRequest) {
    test::TempDir dir;
    const std::string path = dir.str() + "/shard";
    ShardWriter shard(path, path);
    shard.start();
    Xapian::Document doc;
    doc.add_boolean_term("Qa");
    doc.add_boolean_term(schema::dup_group_term("g1"));
    shard.add(doc, 1);
    shard.regroup("Qa", "g1", "g2");
    shard.regroup("Qmissing", "g1", "g2");  // nothing to move: ignored
    shard.commit();
    shard.wait();
    Xapian::Database db(path);
    EXPECT_EQ(db.get_doccount(), 1u);
    EXPECT_EQ(db.get_termfreq(schema::dup_group_term("g2")), 1u);
    EXPECT_EQ(db.get_termfreq(schema::dup_group_term("g1")), 0u);
    shard.remove("Qa");
    shard.commit();
    shard.wait();
    shard.close();
    EXPECT_EQ(Xapian::Database(path).get_doccount(), 0u);
}

TEST(ShardedIndexWriter, SpreadsArticlesAndFindsDuplicatesAcrossShards) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    options.shards = 3;
    IndexWriter writer(options);
    ASSERT_EQ(writer.shards(), 3u);
    DocumentBuilder builder(options.language);
    // Two ids in different shards holding one body, and another pair split by a commit.
    std::string a = "/a", b = "/b";
    for (int i = 0; shard_of(schema::id_term(b), 3) == shard_of(schema::id_term(a), 3); ++i) b = "/b" + std::to_string(i);
    EXPECT_EQ(writer.store(prepared(builder, a, body(1) + body(2), a)).duplicate, DupKind::None);
    EXPECT_EQ(writer.store(prepared(builder, b, body(1) + body(2), b)).duplicate, DupKind::Exact)
        << "found in the batch not yet committed";
    for (int i = 0; i < 30; ++i) writer.store(prepared(builder, "/n" + std::to_string(i), body(10 + i), "/n"));
    writer.commit();
    EXPECT_EQ(writer.store(prepared(builder, "/c", body(1) + body(2) + " More.", "/c")).duplicate, DupKind::Near)
        << "found in the committed shards";
    EXPECT_EQ(writer.store(prepared(builder, a, body(1) + body(2), a)).outcome, IndexWriter::Outcome::Unchanged);
    EXPECT_EQ(writer.store(prepared(builder, "/n3", body(99), "/n")).outcome, IndexWriter::Outcome::Replaced);
    EXPECT_EQ(writer.remove_stale("/n", {schema::id_term("/n3"), schema::id_term("/n4")}), 28u);
    FileState state;
    state.path = "/n";
    state.content_hash = "00112233445566778899aabbccddeeff";
    writer.set_file_state(state);
    writer.finish();

    Xapian::Database all(options.db_path);
    EXPECT_EQ(all.get_doccount(), 5u);
    auto group_of = [&](const std::string& id) {
        return all.get_document(*all.postlist_begin(schema::id_term(id))).get_value(schema::kSlotDupGroup);
    };
    EXPECT_EQ(group_of(a), group_of(b));
    EXPECT_EQ(group_of(a), group_of("/c"));
    EXPECT_EQ(all.get_metadata(std::string(schema::kMetaLanguage)), "english");
    EXPECT_FALSE(all.get_metadata(schema::file_state_key("/n")).empty()) << "file states live in shard 0";
    for (unsigned k = 0; k < 3; ++k) {
        Xapian::Database shard(options.db_path + "/gen-1/shard-" + std::to_string(k));
        EXPECT_EQ(shard.get_metadata(std::string(schema::kMetaSchemaVersion)), std::to_string(schema::kSchemaVersion))
            << "every shard carries the metadata";
        for (auto t = shard.allterms_begin("Q"); t != shard.allterms_end("Q"); ++t)
            EXPECT_EQ(shard_of(*t, 3), k) << *t;
    }
}

}  // namespace
}  // namespace newsdex
