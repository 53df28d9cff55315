// IndexWriter on its own: several articles from one source file (as JSON Lines, feeds
// and archives give), stale removal, identical re-stores, file state, and group merging.
#include "core/index/index_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "core/schema.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

PreparedArticle prepared(DocumentBuilder& builder, const std::string& id, const std::string& body,
                         const std::string& file) {
    return prepare_article(builder, test::make_article(id, "Title of " + id, {body}), file);
}

std::string body(int n) {
    std::string text;
    for (int i = 0; i < 40; ++i) text += "word" + std::to_string(n * 100 + i) + (i % 8 == 7 ? ". " : " ");
    return text;
}

/// A writer of a new database in a temporary folder, with the builder its articles need.
class FreshIndexWriter : public ::testing::Test {
  protected:
    static IndexWriterOptions options_in(const test::TempDir& dir) {
        IndexWriterOptions options;
        options.db_path = dir.str() + "/db";
        return options;
    }
    test::TempDir dir;
    IndexWriterOptions options = options_in(dir);
    IndexWriter writer{options};
    DocumentBuilder builder{options.language};
};

TEST_F(FreshIndexWriter, ARecordFileThatShrinksLosesTheRecordsItNoLongerHolds) {
    const std::string file = "/data/feed.jsonl";
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(writer.store(prepared(builder, file + "#" + std::to_string(i), body(i), file)).outcome,
                  IndexWriter::Outcome::Added);
    EXPECT_EQ(writer.store(prepared(builder, "/data/other.txt", body(9), "/data/other.txt")).outcome,
              IndexWriter::Outcome::Added);
    // Re-read: record 1 identical, record 2 changed, record 3 gone.
    EXPECT_EQ(writer.store(prepared(builder, file + "#1", body(1), file)).outcome, IndexWriter::Outcome::Unchanged);
    EXPECT_EQ(writer.store(prepared(builder, file + "#2", body(2) + " Updated.", file)).outcome,
              IndexWriter::Outcome::Replaced);
    EXPECT_EQ(writer.remove_stale(file, {schema::id_term(file + "#1"), schema::id_term(file + "#2")}), 1u);
    writer.commit();
    EXPECT_EQ(writer.document_count(), 3u);
    EXPECT_FALSE(writer.database().term_exists(schema::id_term(file + "#3")));
    EXPECT_EQ(writer.forget_file(file), 2u);
    EXPECT_EQ(writer.document_count(), 1u) << "another file's article stays";
}

TEST_F(FreshIndexWriter, AOneArticleFileIsKnownByItsIdInsteadOfAFileTerm) {
    writer.store(prepared(builder, "/data/a.txt", body(1), "/data/a.txt"));
    writer.store(prepared(builder, "/data/b.txt", body(2), "/data/b.txt"));
    // A record whose id happens to be a path: it belongs to the file it was read from.
    writer.store(prepared(builder, "/data/c.txt", body(3), "/data/feed.jsonl"));
    writer.commit();
    const Xapian::Database& db = writer.database();
    EXPECT_FALSE(db.term_exists(schema::source_file_term("/data/a.txt")));
    EXPECT_TRUE(db.term_exists(schema::source_file_term("/data/feed.jsonl")));

    EXPECT_EQ(writer.remove_stale("/data/a.txt", {schema::id_term("/data/a.txt")}), 0u) << "still there";
    EXPECT_EQ(writer.forget_file("/data/c.txt"), 0u) << "read from feed.jsonl, not from a file c.txt";
    // a.txt now yields records of its own (read as another format): the old article goes.
    writer.store(prepared(builder, "/data/a.txt#1", body(4), "/data/a.txt"));
    EXPECT_EQ(writer.remove_stale("/data/a.txt", {schema::id_term("/data/a.txt#1")}), 1u);
    EXPECT_EQ(writer.forget_file("/data/b.txt"), 1u);
    writer.commit();
    EXPECT_EQ(writer.document_count(), 2u);
    EXPECT_FALSE(writer.database().term_exists(schema::id_term("/data/a.txt")));
    EXPECT_TRUE(writer.database().term_exists(schema::id_term("/data/a.txt#1")));
    EXPECT_FALSE(writer.database().term_exists(schema::id_term("/data/b.txt")));
    EXPECT_EQ(writer.forget_file("/data/a.txt"), 1u);
    EXPECT_EQ(writer.forget_file("/data/feed.jsonl"), 1u);
    writer.commit();
    EXPECT_EQ(writer.document_count(), 0u);
}

TEST(IndexWriter, FileStateSurvivesReopening) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    FileState state;
    state.path = "/data/a.txt";
    state.size = 10;
    state.mtime_ns = 5;
    state.inode = 7;
    state.content_hash = "00112233445566778899aabbccddeeff";
    {
        IndexWriter writer(options);
        writer.set_file_state(state);
        writer.commit();
    }
    IndexWriter writer(options);
    const auto back = writer.file_state("/data/a.txt");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->content_hash, state.content_hash);
    EXPECT_FALSE(writer.file_state("/data/b.txt"));
}

TEST_F(FreshIndexWriter, AnArticleThatBridgesTwoGroupsMergesThem) {
    // a and b share nothing; c holds both texts, so it is a cut copy... of each.
    const std::string a = body(1) + body(2), b = body(3) + body(4);
    writer.store(prepared(builder, "/a", a, "/a"));
    writer.store(prepared(builder, "/b", b, "/b"));
    auto group_of = [&](const std::string& id) {
        const auto& db = writer.database();
        return db.get_document(*db.postlist_begin(schema::id_term(id))).get_value(schema::kSlotDupGroup);
    };
    EXPECT_NE(group_of("/a"), group_of("/b"));
    const auto stored = writer.store(prepared(builder, "/c", a + " " + b, "/c"));
    EXPECT_EQ(stored.duplicate, DupKind::Near);
    EXPECT_EQ(group_of("/a"), group_of("/c"));
    EXPECT_EQ(group_of("/b"), group_of("/c"));
    EXPECT_EQ(writer.database().get_termfreq(schema::dup_group_term(group_of("/c"))), 3u);
}

}  // namespace
}  // namespace newsdex

namespace newsdex {
namespace {

Xapian::termcount spelling_frequency(const std::string& db_path, const std::string& word) {
    Xapian::Database db(db_path);
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
        if (*it == word) return it.get_termfreq();
    return 0;
}

// Spelling changes are gathered over several commits before Xapian sees them: none may be
// lost or counted twice, whether articles are added, replaced or removed meanwhile.
TEST(IndexWriter, SpellingCountsStayExactOverManyCommits) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    options.batch_size = 1;  // a commit per article: many more than are gathered at once
    options.shards = 2;
    {
        IndexWriter writer(options);
        DocumentBuilder builder(options.language);
        for (int i = 0; i < 40; ++i) {
            const std::string id = "/data/z" + std::to_string(i) + ".txt";
            writer.store(prepared(builder, id, "A zeppelin flew over the harbour.", id));
        }
        writer.commit();
        EXPECT_EQ(spelling_frequency(options.db_path, "zeppelin"), 40u) << "a complete commit holds every count";
        for (int i = 0; i < 10; ++i) {
            const std::string id = "/data/z" + std::to_string(i) + ".txt";
            writer.store(prepared(builder, id, "A balloon flew over the harbour.", id));
        }
        for (int i = 10; i < 15; ++i) writer.forget_file("/data/z" + std::to_string(i) + ".txt");
        writer.finish();
    }
    EXPECT_EQ(spelling_frequency(options.db_path, "zeppelin"), 25u);
    EXPECT_EQ(spelling_frequency(options.db_path, "balloon"), 10u);
    EXPECT_EQ(spelling_frequency(options.db_path, "harbour"), 35u);
}

}  // namespace
}  // namespace newsdex
