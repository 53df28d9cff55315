#include "core/search/query_syntax.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

struct Rewrite {
    const char* query;
    const char* text;  // what Xapian is given
};

class QueryRewrites : public ::testing::TestWithParam<Rewrite> {};

TEST_P(QueryRewrites, GiveTheParserWhatTheUserMeant) {
    EXPECT_EQ(check_query(GetParam().query).text, GetParam().text) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(Table, QueryRewrites, ::testing::Values(
    Rewrite{"Taurus missiles", "Taurus missiles"},
    Rewrite{"author:(Connolly OR Vogel) Taurus", "author:Connolly author:Vogel Taurus"},
    Rewrite{"author:(Connolly Vogel)", "author:Connolly author:Vogel"},
    Rewrite{"-author:(\"Kate Connolly\" OR Vogel)", "-author:\"Kate Connolly\" -author:Vogel"},
    Rewrite{"author:(Connolly AND NOT Vogel)", "(author:Connolly AND NOT author:Vogel)"},
    Rewrite{"source:(Ledger OR (Courier -Northern))", "(source:Ledger OR (source:Courier -source:Northern))"},
    Rewrite{"date:(2023 OR 2024)", "date:2023 date:2024"},
    Rewrite{"(author:Connolly OR author:\"Clara Vogel\") Taurus", "author:Connolly author:\"Clara Vogel\" Taurus"},
    Rewrite{"(author:Connolly OR source:Ledger) Taurus", "(author:Connolly OR source:Ledger) Taurus"},
    Rewrite{"(title:Taurus OR title:Scholz)", "(title:Taurus OR title:Scholz)"},
    Rewrite{"title:(Taurus OR \"Storm Shadow\")", "title:(Taurus OR \"Storm Shadow\")"},
    Rewrite{"Taurus or Storm", "Taurus OR Storm"},
    Rewrite{"Taurus and not car", "Taurus AND NOT car"},
    Rewrite{"(Taurus or Storm) and Ukraine", "(Taurus OR Storm) AND Ukraine"},
    Rewrite{"not guilty", "not guilty"},
    Rewrite{"and then", "and then"},
    Rewrite{"rock and", "rock and"},
    Rewrite{"why did Scholz not send Taurus", "why did Scholz not send Taurus"},
    Rewrite{"Taurus - car", "Taurus - car"}));

TEST(QueryCheck, OnlyExcludedTermsAreFlaggedWithTheirSignsRemoved) {
    const auto c = check_query("-car -\"used car\"");
    EXPECT_TRUE(c.only_excluded);
    EXPECT_EQ(c.excluded, "car \"used car\"");
    EXPECT_FALSE(check_query("Taurus -car").only_excluded);
    EXPECT_FALSE(check_query("NOT car").only_excluded) << "NOT says it itself";
}

TEST(QueryCheck, NotesSayWhenLowerCaseWordsBecameOperators) {
    const auto c = check_query("Taurus or Storm");
    ASSERT_EQ(c.notes.size(), 1u);
    EXPECT_EQ(c.notes[0], "lower-case \"or\" at character 8 was read as the operator OR");
    EXPECT_TRUE(check_query("Taurus OR Storm").notes.empty());
}

TEST(QueryLexer, MarksFieldsGroupsAndSigns) {
    const std::string q = "+title:Taurus author:(\"Kate Connolly\") -car inter*";
    const auto tokens = lex_query(q);
    ASSERT_EQ(tokens.size(), 6u);
    EXPECT_EQ(tokens[0].kind, QueryToken::Kind::Word);
    EXPECT_EQ(tokens[0].sign, '+');
    EXPECT_EQ(tokens[0].field, "title");
    EXPECT_EQ(tokens[1].kind, QueryToken::Kind::Open);
    EXPECT_EQ(tokens[1].field, "author");
    EXPECT_EQ(tokens[2].kind, QueryToken::Kind::Phrase);
    EXPECT_EQ(tokens[2].group_field, "author");
    EXPECT_EQ(tokens[3].kind, QueryToken::Kind::Close);
    EXPECT_EQ(tokens[4].sign, '-');
    EXPECT_EQ(q.substr(tokens[5].value, tokens[5].end - tokens[5].value), "inter*");
}

TEST(QueryLexer, UnknownFieldsAndCurlyQuotesAreReadAsXapianReadsThem) {
    const auto tokens = lex_query("Re:Taurus \xE2\x80\x9CStorm Shadow\xE2\x80\x9D");
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_TRUE(tokens[0].field.empty());
    EXPECT_EQ(tokens[1].kind, QueryToken::Kind::Phrase);
}

TEST(QueryLexer, CharacterPositionsCountCodePoints) {
    EXPECT_EQ(character_at("Zürich", 3), "character 3");  // the byte after ü's two
    EXPECT_EQ(character_at("abc", 0), "character 1");
}

}  // namespace
}  // namespace newsdex
