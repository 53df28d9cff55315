#include "core/query.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace newsdex {
namespace {

std::string describe(const std::string& text, Xapian::Query::op op = Xapian::Query::OP_AND) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder builder(db, "english");
    return builder.parse(text, op).get_description();
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

struct QueryRow {
    const char* query;
    std::vector<const char*> present;  // substrings of Query::get_description()
    std::vector<const char*> absent;
};

class QueryParsing : public ::testing::TestWithParam<QueryRow> {};

TEST_P(QueryParsing, Produces) {
    const auto& row = GetParam();
    const std::string d = describe(row.query);
    for (const char* p : row.present) EXPECT_TRUE(contains(d, p)) << row.query << " -> " << d << " lacks " << p;
    for (const char* a : row.absent) EXPECT_FALSE(contains(d, a)) << row.query << " -> " << d << " has " << a;
}

INSTANTIATE_TEST_SUITE_P(Table, QueryParsing, ::testing::Values(
    // Lower-case words are stemmed; capitalised ones are searched as written (STEM_SOME).
    QueryRow{"missiles", {"Zmissil"}, {}},
    QueryRow{"Taurus", {"taurus"}, {"Ztaurus"}},
    QueryRow{"Taurus missiles", {"AND", "taurus", "Zmissil"}, {}},
    QueryRow{"\"Storm Shadow\"", {"PHRASE", "storm", "shadow"}, {}},
    QueryRow{"Taurus OR WebEx", {"OR"}, {}},
    QueryRow{"Taurus -car", {"AND_NOT", "Zcar"}, {}},
    QueryRow{"Taurus NOT car", {"AND_NOT"}, {}},
    QueryRow{"title:taurus", {"ZStaurus"}, {}},
    QueryRow{"Taurus author:Connolly", {"FILTER", "Aconnolly"}, {"AConnolly"}},
    QueryRow{"WebEx author:\"Kate Connolly\"", {"Akate", "Aconnolly"}, {}},
    QueryRow{"source:\"Berlin Ledger\" Taurus", {"XSOURCEberlin", "XSOURCEledger"}, {}},
    QueryRow{"Taurus date:2024-03-01..2024-03-31", {"VALUE_RANGE 0 20240301 20240331"}, {}},
    // Function words of a question do not have to match; content words do.
    QueryRow{"what did the German defence minister say about the leaked call",
             {"german", "Zdefenc", "Zminist", "Zleak", "Zcall"}, {"Zwhat", "Zthe", "Zabout"}}));

TEST(QueryParsingOp, DefaultOperatorJoinsBareWords) {
    EXPECT_TRUE(contains(describe("Taurus WebEx", Xapian::Query::OP_OR), "OR"));
    EXPECT_TRUE(contains(describe("Taurus WebEx", Xapian::Query::OP_AND), "AND"));
}

TEST(QueryParsingErrors, MalformedQueriesAreQueryErrorsNamingTheQuery) {
    for (const char* bad : {"AND OR", "Taurus AND", "a OR OR b", "NOT Taurus"}) {
        try {
            describe(bad);
            ADD_FAILURE() << bad << " parsed";
        } catch (const Error& e) {
            EXPECT_EQ(e.kind(), ErrorKind::Query) << bad;
            EXPECT_TRUE(contains(e.what(), bad)) << e.what();
        }
    }
}

TEST(QueryParsingErrors, ToleratesWhatUsersTypeByAccident) {
    for (const char* odd : {"\"unclosed", "(Taurus OR WebEx", "Taurus)", "title:", "-", "\"\""})
        EXPECT_NO_THROW(describe(odd)) << odd;
}

}  // namespace
}  // namespace newsdex
