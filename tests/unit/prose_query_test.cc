#include "core/search/prose_query.h"

#include <gtest/gtest.h>

#include "core/search/query_syntax.h"

namespace newsdex {
namespace {

struct Stray {
    const char* query;
    const char* read;     // the text searched
    const char* literal;  // the characters read as plain text, "text@character" each
};

std::string marks(const std::vector<LiteralMark>& literal) {
    std::string out;
    for (const auto& m : literal) out += (out.empty() ? "" : " ") + m.text + "@" + std::to_string(m.character);
    return out;
}

class StrayPunctuation : public ::testing::TestWithParam<Stray> {};

TEST_P(StrayPunctuation, IsReadAsPlainTextAndNamed) {
    const ProseQuery prose = read_prose(GetParam().query);
    EXPECT_EQ(prose.text, GetParam().read);
    EXPECT_EQ(marks(prose.literal), GetParam().literal);
    // What is left parses: the query is searched, not refused.
    EXPECT_NO_THROW(check_query(prose.text)) << prose.text;
}

INSTANTIATE_TEST_SUITE_P(Table, StrayPunctuation, ::testing::Values(
    Stray{"present as such: 1) bile duct atresia and 2) giant cell", "present as such: 1  bile duct atresia and 2  giant cell",
          ")@19 )@44"},
    Stray{"a) first b) second", "a  first b  second", ")@2 )@11"},
    Stray{"missiles (range and payload", "missiles  range and payload", "(@10"},
    Stray{"missiles range) and payload", "missiles range  and payload", ")@15"},
    Stray{"(see 1) and 2) above", "(see 1) and 2  above", ")@14"},
    Stray{"the \"Storm Shadow missile", "the  Storm Shadow missile", "\"@5"},
    Stray{"\"Storm Shadow\" and \"SCALP", "\"Storm Shadow\" and  SCALP", "\"@20"},
    Stray{"\xE2\x80\x9CStorm Shadow missile", "   Storm Shadow missile", "\xE2\x80\x9C@1"},
    Stray{"Taurus () missiles", "Taurus    missiles", "(@8 )@9"},
    Stray{"Taurus - missiles", "Taurus   missiles", "-@8"},
    Stray{"Taurus : missiles", "Taurus   missiles", ":@8"},
    Stray{"Note: Taurus", "Note: Taurus", ""},
    Stray{"\"a ) b\" c", "\"a ) b\" c", ""},
    Stray{"(Taurus OR Storm) AND Ukraine", "(Taurus OR Storm) AND Ukraine", ""}));

class StillAnError : public ::testing::TestWithParam<const char*> {};

TEST_P(StillAnError, AfterReadingProse) {
    EXPECT_THROW(check_query(read_prose(GetParam()).text), Error) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(Table, StillAnError, ::testing::Values(
    "AND OR", "Taurus AND", "OR Taurus", "title:", "title: Taurus", "title:(", "*", "NEAR/0 x", ") (", "\"\"",
    "-"));

TEST(ProseQuery, TooLongStaysTooLong) {
    EXPECT_THROW(check_query(read_prose(std::string(kMaxQueryChars + 1, 'a')).text), Error);
}

TEST(ProseQuery, NoteNamesEveryCharacter) {
    EXPECT_EQ(literal_note(read_prose("a) b) c").literal),
              "read as plain text, not query syntax: \")\" at character 2, \")\" at character 5");
}

struct Fold {
    const char* typed;
    const char* searched;
};

class CapitalsFold : public ::testing::TestWithParam<Fold> {};

TEST_P(CapitalsFold, LikeLowerCase) { EXPECT_EQ(fold_capitals(GetParam().typed), GetParam().searched); }

INSTANTIATE_TEST_SUITE_P(Table, CapitalsFold, ::testing::Values(
    Fold{"TAURUS MISSILES", "taurus missiles"},
    Fold{"Taurus missiles", "Taurus missiles"},           // a name in a mixed-case query keeps its form
    // Exact fields keep their case, whatever the query around them: a temporary folder
    // named GJ1CEL made id:.../GJ1CEL/... find nothing once folded.
    Fold{"id:/tmp/newsdex-test-GJ1CEL/in/dup.sgm#7~2", "id:/tmp/newsdex-test-GJ1CEL/in/dup.sgm#7~2"},
    Fold{"WALNUT source:\"BBC NEWS\" url:HTTP://EX.ORG/A", "walnut source:\"BBC NEWS\" url:HTTP://EX.ORG/A"},
    Fold{"NATO air defence", "nato air defence"},         // capitals beyond the first letter
    Fold{"I AM INTERESTED IN A NEWS DATABASE", "i am interested in a news database"},
    Fold{"TAURUS AND MISSILES", "taurus AND missiles"},   // operators stay operators
    Fold{"SCHOLZ NEAR/5 TAURUS", "scholz NEAR/5 taurus"},
    Fold{"TITLE:\"STORM SHADOW\"", "title:\"storm shadow\""},
    Fold{"A Storm", "A Storm"},
    Fold{"\xC3\x89LYS\xC3\x89\x45 PALACE", "\xC3\xA9lys\xC3\xA9\x65 palace"},
    Fold{"F-35 JETS", "f-35 jets"}));

}  // namespace
}  // namespace newsdex
