#include "core/search/query.h"

#include <gtest/gtest.h>

#include "core/text/date.h"
#include "core/error.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

QueryOptions fixed_day() {
    QueryOptions options;
    options.today = *parse_date("2024-03-15");
    return options;
}

std::string describe(const std::string& text, Xapian::Query::op op = Xapian::Query::OP_AND,
                     QueryOptions options = fixed_day()) {
    // The in-memory backend has no synonyms: use a real (temporary) database.
    static const test::TempDir dir;
    static const Xapian::WritableDatabase db = [] {
        Xapian::WritableDatabase w((dir.path() / "db").string(), Xapian::DB_CREATE_OR_OPEN);
        w.add_synonym("webcast", "Zlivestream");
        w.add_synonym("air force", "Zluftwaff");
        w.commit();
        return w;
    }();
    QueryBuilder builder(db, "english", options);
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
    // Dates: years and months stand for their first and last days; ends may be open.
    QueryRow{"date:2024", {"VALUE_RANGE 0 20240101 20241231"}, {}},
    QueryRow{"date:2024-02", {"VALUE_RANGE 0 20240201 20240229"}, {}},
    QueryRow{"date:2024-03-05", {"VALUE_RANGE 0 20240305 20240305"}, {}},
    QueryRow{"date:2024-02..2024-04", {"VALUE_RANGE 0 20240201 20240430"}, {}},
    QueryRow{"date:..2024-03-31", {"VALUE_LE 0 20240331"}, {}},
    QueryRow{"date:2024..", {"VALUE_GE 0 20240101"}, {}},
    QueryRow{"date:7d..", {"VALUE_GE 0 20240308"}, {}},
    QueryRow{"date:(2023 OR 2024)", {"20230101 20231231", "20240101 20241231"}, {}},
    // Other fields.
    QueryRow{"site:example.org", {"Hexample.org"}, {}},
    QueryRow{"site:https://News.Example.org/a/b", {"Hnews.example.org"}, {}},
    QueryRow{"url:https://example.org/a", {"Uhttps://example.org/a"}, {}},
    QueryRow{"lang:de", {"Lde"}, {}},
    QueryRow{"lang:German", {"Lde"}, {}},
    QueryRow{"language:en", {"Len"}, {}},
    QueryRow{"id:/news/a.txt", {"Q/news/a.txt"}, {}},
    QueryRow{"title:(Taurus OR \"Storm Shadow\")", {"Staurus", "Sstorm", "PHRASE 2", "Sshadow"}, {}},
    QueryRow{"author:(Connolly OR Vogel)", {"Aconnolly", "Avogel", "OR"}, {"A(connolly"}},
    QueryRow{"author:(\"Kate Connolly\" OR Vogel) Taurus", {"Akate", "Aconnolly", "Avogel", "FILTER"}, {}},
    // Proximity, wildcards, synonyms.
    QueryRow{"Scholz NEAR/5 Taurus", {"NEAR 6"}, {}},
    QueryRow{"Scholz NEAR Taurus", {"NEAR 11"}, {}},
    QueryRow{"Scholz ADJ/3 Taurus", {"PHRASE 4"}, {}},
    QueryRow{"inter*", {"WILDCARD", "inter"}, {}},
    QueryRow{"~webcast", {"SYNONYM", "Zlivestream"}, {}},
    QueryRow{"webcast", {"Zwebcast"}, {"SYNONYM"}},
    // Lower-case operators between words; "not" alone stays a word.
    QueryRow{"Taurus or WebEx", {"OR"}, {"Zor"}},
    QueryRow{"Taurus and not car", {"AND_NOT", "Zcar"}, {}},
    QueryRow{"why did Scholz not send Taurus", {"scholz", "Zsend", "taurus"}, {"AND_NOT"}},
    // A query of excluded words only matches everything else.
    QueryRow{"-car", {"<alldocuments> AND_NOT Zcar"}, {}},
    QueryRow{"NOT Taurus", {"<alldocuments> AND_NOT taurus"}, {}},
    QueryRow{"Taurus -car", {"AND_NOT"}, {"alldocuments"}},
    // Function words of a question do not have to match; content words do.
    QueryRow{"what did the German defence minister say about the leaked call",
             {"german", "Zdefenc", "Zminist", "Zleak", "Zcall"}, {"Zwhat", "Zthe", "Zabout"}}));

TEST(QueryParsingOp, DefaultOperatorJoinsBareWords) {
    EXPECT_TRUE(contains(describe("Taurus WebEx", Xapian::Query::OP_OR), "OR"));
    EXPECT_TRUE(contains(describe("Taurus WebEx", Xapian::Query::OP_AND), "AND"));
}

TEST(QueryParsingOp, SynonymModes) {
    QueryOptions always = fixed_day();
    always.synonyms = SynonymMode::Always;
    EXPECT_TRUE(contains(describe("webcast", Xapian::Query::OP_AND, always), "Zlivestream"));
    EXPECT_TRUE(contains(describe("air force", Xapian::Query::OP_AND, always), "Zluftwaff"));
    QueryOptions never = fixed_day();
    never.synonyms = SynonymMode::Never;
    EXPECT_FALSE(contains(describe("~webcast", Xapian::Query::OP_AND, never), "SYNONYM"));
}

TEST(QueryParsingOp, PartialCompletesTheLastWord) {
    QueryOptions partial = fixed_day();
    partial.complete_last_word = true;
    EXPECT_TRUE(contains(describe("Scholz Taur", Xapian::Query::OP_AND, partial), "WILDCARD"));
    EXPECT_FALSE(contains(describe("Scholz Taur"), "WILDCARD"));
}

// Each malformed query is an Error(Query) that quotes the query and names the problem.
struct BadQuery {
    std::string query;
    const char* problem;  // a substring of the message
};

class QueryParsingErrors : public ::testing::TestWithParam<BadQuery> {};

TEST_P(QueryParsingErrors, AreQueryErrorsNamingTheProblem) {
    const auto& row = GetParam();
    try {
        describe(row.query);
        ADD_FAILURE() << row.query << " parsed";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Query) << row.query;
        const std::string message = e.what();
        EXPECT_TRUE(message.starts_with("malformed query")) << message;
        EXPECT_TRUE(contains(message, row.problem)) << message;
        EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
    }
}

INSTANTIATE_TEST_SUITE_P(Table, QueryParsingErrors, ::testing::Values(
    BadQuery{"AND OR", "AND at character 1 has nothing before it"},
    BadQuery{"Taurus AND", "AND at character 8 has nothing after it"},
    BadQuery{"a OR OR b", "OR at character 3 is followed by another operator"},
    BadQuery{"a OR AND b", "OR at character 3 is followed by another operator"},
    BadQuery{"NOT NOT Taurus", "NOT at character 1 is followed by another operator"},
    BadQuery{"a AND NOT NOT b", "NOT at character 7 is followed by another operator"},
    BadQuery{"\"unclosed", "quotation mark at character 1 is never closed"},
    BadQuery{"Taurus \"Storm Shadow", "quotation mark at character 8 is never closed"},
    BadQuery{"(Taurus OR WebEx", "the ( at character 1 is never closed"},
    BadQuery{"Taurus)", "the ) at character 7 has no ( before it"},
    BadQuery{"Taurus ()", "the parentheses at character 8 hold nothing"},
    BadQuery{"title:", "title: at character 1 has no value"},
    BadQuery{"Taurus author: Connolly", "author: at character 8 has no value"},
    BadQuery{"title:\"\"", "title: at character 1 has no value"},
    BadQuery{"-", "there is no word to search for"},
    BadQuery{"\"\"", "there is no word to search for"},
    BadQuery{"*", "the * at character 1 needs the start of a word"},
    BadQuery{"a NEAR/x b", "NEAR/x at character 3 needs a distance"},
    BadQuery{"a NEAR \"b c\"", "NEAR at character 3 joins single words only"},
    BadQuery{"date:2024-13-45", "\"2024-13-45\" is not a date: there is no month 13"},
    BadQuery{"date:2023-02-29", "February 2023 has 28 days"},
    BadQuery{"date:2024-05..2024-03", "ends before it starts"},
    BadQuery{"date:..", "needs a date on at least one side"},
    BadQuery{"date:yesterdays", "is not a date"},
    BadQuery{"1939..1945", "only dates can be ranges (write date:1939..1945)"},
    BadQuery{"lang:klingon", "lang:klingon: unknown language"},
    BadQuery{"author:---", "author:---: has no words"},
    BadQuery{"site:/", "is not a host name"},
    BadQuery{"a* b* c* d* e* f* g* h* i* j* k*", "more than 10 wildcards"},
    BadQuery{std::string(2001, 'x'), "too long: 2001 characters, at most 2000"},
    BadQuery{"caf\xC3", "not valid UTF-8"}));

TEST(QueryParsingErrors, LongQueriesAreShortenedInTheMessage) {
    try {
        describe(std::string(10000, 'a'));
        FAIL();
    } catch (const Error& e) {
        EXPECT_LT(std::string(e.what()).size(), 200u) << e.what();
        EXPECT_TRUE(contains(e.what(), "10000 characters")) << e.what();
    }
}

TEST(QueryParsingErrors, PositionsCountCharactersNotBytes) {
    try {
        describe("Zürich AND");
        FAIL();
    } catch (const Error& e) {
        EXPECT_TRUE(contains(e.what(), "AND at character 8")) << e.what();
    }
}

}  // namespace
}  // namespace newsdex
