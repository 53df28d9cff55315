#include "core/index/synonyms.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

std::vector<std::string> synonyms_of(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

TEST(SynonymFile, OneGroupPerLineWithCommentsAndBlankLines) {
    const auto groups = parse_synonyms("# places\nUSA = United States = US\n\n  defence=defense  # spelling\r\n", "f");
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].line, 2u);
    EXPECT_EQ(groups[0].entries,
              (std::vector<std::vector<std::string>>{{"usa"}, {"united", "states"}, {"us"}}));
    EXPECT_EQ(groups[1].line, 4u);
    EXPECT_EQ(groups[1].entries, (std::vector<std::vector<std::string>>{{"defence"}, {"defense"}}));
}

struct BadLine {
    const char* text;
    const char* message;
};

class SynonymFileErrors : public ::testing::TestWithParam<BadLine> {};

TEST_P(SynonymFileErrors, NameTheFileAndLine) {
    try {
        parse_synonyms(GetParam().text, "syn.txt");
        ADD_FAILURE() << GetParam().text;
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find(GetParam().message), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, SynonymFileErrors, ::testing::Values(
    BadLine{"USA\n", "syn.txt:1: a group needs two or more entries"},
    BadLine{"a = b\nUSA = = US\n", "syn.txt:2: an entry has no words"},
    BadLine{"a = b\n\nx = ---\n", "syn.txt:3: an entry has no words"},
    BadLine{"= US\n", "syn.txt:1: an entry has no words"}));

TEST(SynonymFile, UnreadableFileIsAUsageError) {
    test::TempDir dir;
    EXPECT_THROW(read_synonym_file((dir.path() / "missing.txt").string()), Error);
    EXPECT_THROW(read_synonym_file(dir.str()), Error) << "a folder is no file";
    const auto path = dir.write("syn.txt", "webcast = livestream\n");
    EXPECT_EQ(read_synonym_file(path).size(), 1u);
}

TEST(SynonymStore, EveryEntryExpandsToTheOneWordEntriesAsStems) {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
    const auto keys = store_synonyms(db, parse_synonyms("USA = United States = US\n", "f"), Xapian::Stem("english"));
    EXPECT_EQ(synonyms_of(db, "usa"), (std::vector<std::string>{"Zus"}));
    EXPECT_EQ(synonyms_of(db, "Zusa"), (std::vector<std::string>{"Zus"}));
    EXPECT_EQ(synonyms_of(db, "us"), (std::vector<std::string>{"Zusa"}));
    EXPECT_EQ(synonyms_of(db, "united states"), (std::vector<std::string>{"Zus", "Zusa"}));
    EXPECT_EQ(keys, 5u);  // usa, Zusa, us, Zus, "united states"
}

TEST(SynonymStore, ReplacesWhatWasThereBefore) {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
    store_synonyms(db, parse_synonyms("webcast = livestream\n", "f"), Xapian::Stem("english"));
    store_synonyms(db, parse_synonyms("meteor = fireball\n", "f"), Xapian::Stem("english"));
    EXPECT_TRUE(synonyms_of(db, "webcast").empty());
    EXPECT_EQ(synonyms_of(db, "meteor"), (std::vector<std::string>{"Zfirebal"}));
    store_synonyms(db, {}, Xapian::Stem("english"));
    EXPECT_EQ(db.synonym_keys_begin(), db.synonym_keys_end());
}

TEST(SynonymStore, WithoutStemmingValuesAreTheWords) {
    test::TempDir dir;
    Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
    store_synonyms(db, parse_synonyms("Bahn = Zug\n", "f"), Xapian::Stem());
    EXPECT_EQ(synonyms_of(db, "bahn"), (std::vector<std::string>{"zug"}));
}

}  // namespace
}  // namespace newsdex
