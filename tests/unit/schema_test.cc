#include "core/schema.h"

#include <gtest/gtest.h>

#include <set>

namespace newsdex {
namespace {

TEST(SchemaPrefixes, FollowOmegaConventionsAndAreDistinct) {
    EXPECT_EQ(schema::kPrefixId, "Q");
    EXPECT_EQ(schema::kPrefixTitle, "S");
    EXPECT_EQ(schema::kPrefixAuthor, "A");
    EXPECT_EQ(schema::kPrefixDay, "D");
    EXPECT_EQ(schema::kPrefixMonth, "M");
    EXPECT_EQ(schema::kPrefixYear, "Y");
    EXPECT_EQ(schema::kPrefixUrl, "U");
    EXPECT_EQ(schema::kPrefixHost, "H");
    EXPECT_EQ(schema::kPrefixLanguage, "L");
    // Custom prefixes must start with X so they never clash with Omega's single capitals.
    EXPECT_EQ(schema::kPrefixSource.front(), 'X');
    std::set<std::string_view> seen;
    for (auto p : {schema::kPrefixId, schema::kPrefixTitle, schema::kPrefixAuthor, schema::kPrefixSource,
                   schema::kPrefixDay, schema::kPrefixMonth, schema::kPrefixYear, schema::kPrefixUrl,
                   schema::kPrefixHost, schema::kPrefixLanguage, schema::kPrefixSourceFile,
                   schema::kPrefixDupBand, schema::kPrefixDupGroup, schema::kPrefixDatabase})
        EXPECT_TRUE(seen.insert(p).second) << "duplicate prefix " << p;
    // No custom prefix may start another, or a term of one would read as a term of the other.
    for (auto a : seen) {
        for (auto b : seen) {
            if (a != b && a.size() > 1 && b.size() > 1) {
                EXPECT_NE(b.substr(0, a.size()), a) << a << " starts " << b;
            }
        }
    }
}

TEST(SchemaDatabaseTerm, CarriesVersionAndStemmerBothWays) {
    const std::string term = schema::database_term("german");
    EXPECT_EQ(term, "XNEWSDEX" + std::to_string(schema::kSchemaVersion) + ":german");
    const auto parsed = schema::parse_database_term(term);
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->schema_version, std::to_string(schema::kSchemaVersion));
    EXPECT_EQ(parsed->stemmer, "german");
    for (const char* bad : {"XNEWSDEX", "XNEWSDEX1", "XNEWSDEX1:", "XNEWSDEX:english", "Qid", "XFILE1:english"})
        EXPECT_FALSE(schema::parse_database_term(bad)) << bad;
}

TEST(SchemaSlots, ArePinned) {
    EXPECT_EQ(schema::kSlotDate, 0u);
    EXPECT_EQ(schema::kSlotSource, 1u);
    EXPECT_EQ(schema::kSlotAuthor, 2u);
    EXPECT_EQ(schema::kSlotDupGroup, 3u);
    EXPECT_EQ(schema::kSlotDupSignature, 4u);
}

TEST(SchemaFileState, RoundTripsEveryFieldWhateverThePath) {
    for (const std::string& path : std::vector<std::string>{"/a/b.txt", "/odd\tname/with\ttabs.txt", "/x/" + std::string(400, 'y')}) {
        FileState state{path, 1234, 1700000000123456789, 42, "0123456789abcdef0123456789abcdef", 7};
        const std::string value = schema::encode_file_state(state);
        const auto back = schema::decode_file_state(schema::file_state_key(path), value);
        ASSERT_TRUE(back) << path;
        // The path is stored once: in the key when it fits there whole, else in the value.
        const bool in_key = schema::file_state_key(path) == std::string(schema::kMetaFilePrefix) + path;
        EXPECT_EQ(value.find(path) == std::string::npos, in_key) << path;
        EXPECT_EQ(back->path, path);
        EXPECT_EQ(back->size, 1234u);
        EXPECT_EQ(back->mtime_ns, 1700000000123456789);
        EXPECT_EQ(back->inode, 42u);
        EXPECT_EQ(back->content_hash, state.content_hash);
        EXPECT_EQ(back->articles, 7u);
        EXPECT_LE(schema::file_state_key(path).size(), schema::kMaxTermBytes);
    }
}

TEST(SchemaFileState, RejectsValuesThatAreNotOne) {
    for (const char* bad : {"", "garbage", "2\t1\t2\t3\th\t4\t/p", "1\tx\t2\t3\th\t4\t/p", "1\t1\t2"})
        EXPECT_FALSE(schema::decode_file_state(schema::file_state_key("/p"), bad)) << bad;
    // No path in the value and none in the key.
    EXPECT_FALSE(schema::decode_file_state(schema::kMetaFilePrefix, "1\t1\t2\t3\th\t4\t"));
    EXPECT_FALSE(schema::decode_file_state("other", "1\t1\t2\t3\th\t4\t"));
}

TEST(SchemaFileState, ReadsValuesWrittenWithThePath) {
    const auto back = schema::decode_file_state(schema::file_state_key("/a/b.txt"), "1\t5\t6\t7\th\t1\t/a/b.txt");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->path, "/a/b.txt");
    EXPECT_EQ(back->size, 5u);
}

TEST(SchemaStoredTerm, ReadsBackTheTermWithAPrefixOrNothing) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_boolean_term("Q/a.txt");
    doc.add_boolean_term("XFILE/feed.jsonl");
    doc.add_term("quick");
    const Xapian::docid with_file = db.add_document(doc);
    Xapian::Document bare;
    bare.add_boolean_term("Q/b.txt");
    bare.add_term("zebra");  // sorts after "XFILE": skip_to lands on a term of another prefix
    const Xapian::docid without_file = db.add_document(bare);
    EXPECT_EQ(schema::stored_term(db, with_file, schema::kPrefixId), "Q/a.txt");
    EXPECT_EQ(schema::stored_term(db, with_file, schema::kPrefixSourceFile), "XFILE/feed.jsonl");
    EXPECT_EQ(schema::stored_term(db, without_file, schema::kPrefixSourceFile), "");
    EXPECT_EQ(schema::stored_term(db, without_file, "XDUP"), "");
}

TEST(SchemaMakeTerm, KeepsShortValues) {
    EXPECT_EQ(schema::make_term("Q", "/news/a.txt"), "Q/news/a.txt");
    EXPECT_EQ(schema::id_term("x"), "Qx");
}

TEST(SchemaMakeTerm, HashesLongValuesDistinctlyWithinXapiansLimit) {
    const std::string base(300, 'a');
    const std::string a = schema::make_term("Q", base + "1");
    const std::string b = schema::make_term("Q", base + "2");
    EXPECT_NE(a, b);
    EXPECT_LE(a.size(), schema::kMaxTermBytes);
    EXPECT_EQ(a, schema::make_term("Q", base + "1"));  // stable
    EXPECT_EQ(a.substr(0, 10), "Q" + std::string(9, 'a'));
}

TEST(SchemaMakeTerm, NeverSplitsAUtf8Character) {
    std::string value;
    for (int i = 0; i < 150; ++i) value += "\xC3\xA9";  // é
    const std::string term = schema::make_term("Q", value);
    const auto hash = term.find('#');
    ASSERT_NE(hash, std::string::npos);
    EXPECT_EQ((hash - 1) % 2, 0u) << "cut inside a two-byte character";
}

struct WordsRow {
    const char* text;
    std::vector<std::string> words;
};

TEST(SchemaFieldWords, LowerCasesAndSplitsOnNonWordCharacters) {
    const std::vector<WordsRow> rows{
        {"Kate Connolly", {"kate", "connolly"}},
        {"  The Berlin   Ledger ", {"the", "berlin", "ledger"}},
        {"Müller-Obst", {"müller", "obst"}},
        {"ÉLODIE", {"élodie"}},
        {"", {}},
        {"---", {}},
    };
    for (const auto& row : rows) EXPECT_EQ(schema::field_words(row.text), row.words) << row.text;
}

TEST(SchemaData, RoundTripsEveryField) {
    Article a;
    a.id = "/news/a.txt";
    a.title = "Taurus \"debate\" <ends>";
    a.title_derived = true;
    a.authors = {"Tom Hughes", "Priya Natarajan"};
    a.date = Date{2024, 3, 5, 9, 30, 0, true};
    a.date_origin = DateOrigin::Header;
    a.source = "The Berlin Ledger";
    a.url = "https://example.org/a";
    a.path = "/news/a.txt";
    a.language = "en";
    a.paragraphs = {"First paragraph.", "Second, with ünïcode — and “quotes”."};

    const Article b = schema::decode_data(schema::encode_data(a));
    EXPECT_EQ(b.id, a.id);
    EXPECT_EQ(b.title, a.title);
    EXPECT_TRUE(b.title_derived);
    EXPECT_EQ(b.authors, a.authors);
    ASSERT_TRUE(b.date.has_value());
    EXPECT_EQ(*b.date, *a.date);
    EXPECT_EQ(b.date_origin, DateOrigin::Header);
    EXPECT_EQ(b.source, a.source);
    EXPECT_EQ(b.url, a.url);
    EXPECT_EQ(b.path, a.path);
    EXPECT_EQ(b.language, a.language);
    EXPECT_EQ(b.paragraphs, a.paragraphs);
}

TEST(SchemaData, MissingFieldsStayEmpty) {
    Article a;
    a.id = "x";
    a.title = "t";
    a.paragraphs = {"body"};
    const Article b = schema::decode_data(schema::encode_data(a));
    EXPECT_FALSE(b.date.has_value());
    EXPECT_TRUE(b.authors.empty());
    EXPECT_TRUE(b.source.empty());
    EXPECT_FALSE(b.title_derived);
}

TEST(SchemaData, RejectsForeignData) {
    EXPECT_THROW(schema::decode_data("url=http://x\nsample=omega data"), std::runtime_error);
    EXPECT_THROW(schema::decode_data(""), std::runtime_error);
}

TEST(SchemaHosts, AHostAndItsParentDomains) {
    EXPECT_EQ(schema::host_and_parents("News.Example.co.uk."),
              (std::vector<std::string>{"news.example.co.uk", "example.co.uk", "co.uk"}));
    EXPECT_EQ(schema::host_and_parents("localhost"), (std::vector<std::string>{"localhost"}));
    EXPECT_TRUE(schema::host_and_parents("").empty());
}

TEST(SchemaStems, StemTermsAsTheQueryParserWritesThem) {
    EXPECT_EQ(schema::stem_term(Xapian::Stem("english"), "missiles"), "Zmissil");
    EXPECT_EQ(schema::stem_term(Xapian::Stem(), "missiles"), "missiles");
}

}  // namespace
}  // namespace newsdex
