// IndexWriter on its own: several articles from one source file (as JSON Lines, feeds
// and archives give), stale removal, identical re-stores, file state, group merging,
// spelling words gathered by workers, and the upgrade of a schema-version-1 database.
#include "core/index_writer.h"

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

TEST(IndexWriter, ARecordFileThatShrinksLosesTheRecordsItNoLongerHolds) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    IndexWriter writer(options);
    DocumentBuilder builder(options.language);
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

TEST(IndexWriter, AnArticleThatBridgesTwoGroupsMergesThem) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    IndexWriter writer(options);
    DocumentBuilder builder(options.language);
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

TEST(IndexWriter, StoresTheSpellingWordsAWorkerGathered) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    IndexWriter writer(options);
    DocumentBuilder builder(options.language);  // as a worker thread's: no database
    builder.record_spelling(writer.records_spelling());
    Article article = test::make_article("/a", "Pistorius visits Lithuania", {"Pistorius spoke twice."}, {"Kate Connolly"});
    PreparedArticle p = prepare_article(builder, article, "/a");
    ASSERT_FALSE(p.spelling.empty());
    for (const auto& [word, count] : p.spelling) EXPECT_FALSE(word[0] >= 'A' && word[0] <= 'Z') << word;
    writer.store(std::move(p));
    writer.commit();
    const Xapian::Database& db = writer.database();
    EXPECT_EQ(db.get_spelling_suggestion("pistorus"), "pistorius");
    EXPECT_EQ(db.get_spelling_suggestion("connoly"), "connolly") << "author names are words too";
    EXPECT_EQ(db.get_spelling_suggestion("lithuana"), "lithuania");
}

TEST(IndexWriter, NoSpellingWordsWhenSpellingIsOff) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = dir.str() + "/db";
    options.spelling = false;
    IndexWriter writer(options);
    writer.add(test::make_article("/a", "Pistorius visits Lithuania", {"Pistorius spoke."}));
    writer.commit();
    EXPECT_EQ(writer.database().get_spelling_suggestion("pistorus"), "");
}

TEST(IndexWriter, UpgradesASchemaVersion1DatabaseInPlace) {
    test::TempDir dir;
    const std::string path = dir.str() + "/db";
    {
        // A version-1 article: no author-list or language slot, no parent-domain terms,
        // no spelling data.
        Xapian::WritableDatabase v1(path, Xapian::DB_CREATE_OR_OPEN);
        DocumentBuilder builder(IndexWriterOptions{}.language);
        Article article = test::make_article("/v1.txt", "Pistorius visits Lithuania", {"Pistorius spoke."},
                                             {"Kate Connolly", "Jonas Albrecht"});
        article.url = "https://news.example.co.uk/a";
        Xapian::Document doc = builder.build(article);
        doc.remove_value(schema::kSlotAuthorList);
        doc.remove_value(schema::kSlotLanguage);
        doc.remove_term(schema::make_term(schema::kPrefixHost, "example.co.uk"));
        v1.replace_document(schema::id_term(article.id), doc);
        v1.set_metadata(std::string(schema::kMetaSchemaVersion), "1");
        v1.set_metadata(std::string(schema::kMetaLanguage), "english");
        v1.commit();
    }
    IndexWriterOptions options;
    options.db_path = path;
    Xapian::doccount told = 0;
    options.on_upgrade = [&](Xapian::doccount n) { told = n; };
    {
        IndexWriter writer(options);
        EXPECT_EQ(told, 1u);
    }
    Xapian::Database db(path);
    EXPECT_EQ(db.get_metadata(std::string(schema::kMetaSchemaVersion)), std::to_string(schema::kSchemaVersion));
    const Xapian::Document doc = db.get_document(*db.postlist_begin(schema::id_term("/v1.txt")));
    EXPECT_EQ(doc.get_value(schema::kSlotAuthorList), "Kate Connolly\nJonas Albrecht");
    EXPECT_EQ(doc.get_value(schema::kSlotLanguage), "en");
    EXPECT_TRUE(db.term_exists(schema::make_term(schema::kPrefixHost, "example.co.uk")));
    EXPECT_EQ(db.get_spelling_suggestion("pistorus"), "pistorius");
    told = 0;
    IndexWriter again(options);
    EXPECT_EQ(told, 0u) << "upgraded once";
}

}  // namespace
}  // namespace newsdex
