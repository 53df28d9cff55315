#include "core/snippets/query_patterns.h"

#include <gtest/gtest.h>

#include "core/search/query.h"

namespace newsdex::snippets {
namespace {

/// Patterns as "label" or "-label" (excluded), in order.
std::vector<std::string> labels(const std::vector<Pattern>& patterns) {
    std::vector<std::string> out;
    for (const auto& p : patterns) out.push_back((p.excluded ? "-" : "") + p.label);
    return out;
}

struct PatternRow {
    const char* query;
    std::vector<std::string> patterns;
};

class QueryPatterns : public ::testing::TestWithParam<PatternRow> {};

TEST_P(QueryPatterns, SayWhatTheTextMayShow) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    QueryBuilder builder(db, "english");
    const auto query = builder.parse(GetParam().query, Xapian::Query::OP_OR);
    EXPECT_EQ(labels(analyse_query(query, nullptr)), GetParam().patterns) << query.get_description();
}

INSTANTIATE_TEST_SUITE_P(Table, QueryPatterns, ::testing::Values(
    PatternRow{"missiles", {"missil~"}},                       // a stem (Z term)
    PatternRow{"Taurus", {"taurus"}},                          // capitalised: the word as written
    PatternRow{"\"foreign minister\"", {"\"foreign minister\""}},
    PatternRow{"Taurus -car", {"taurus", "-car~"}},
    PatternRow{"minister NOT \"prime minister\"", {"minist~", "-\"prime minister\""}},
    PatternRow{"title:Taurus missiles", {"title:taurus", "missil~"}},
    PatternRow{"Taurus author:Connolly source:\"Berlin Ledger\"", {"taurus"}},  // filters are not in the text
    PatternRow{"Taurus date:2024-01-01..2024-12-31", {"taurus"}},
    PatternRow{"Storm NEAR Shadow", {"storm NEAR/11 shadow"}},
    PatternRow{"Taurus Taurus", {"taurus"}},                   // duplicates once
    PatternRow{"e-mail", {"\"e mail\""}}));                   // hyphenated words are a phrase

TEST(QueryPatternsDirect, WildcardsSynonymsAndWindows) {
    Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, "minist");
    Xapian::Query title_wildcard(Xapian::Query::OP_WILDCARD, "Sminist");
    std::vector<Xapian::Query> near_parts{Xapian::Query("storm"), Xapian::Query("shadow")};
    Xapian::Query near(Xapian::Query::OP_NEAR, near_parts.begin(), near_parts.end(), 4);
    Xapian::Query loose(Xapian::Query::OP_PHRASE, near_parts.begin(), near_parts.end(), 3);
    Xapian::Query synonym(Xapian::Query::OP_SYNONYM, Xapian::Query("car"), Xapian::Query("automobile"));
    const std::vector<Xapian::Query> all{wildcard, title_wildcard, near, loose, synonym};
    const auto patterns = analyse_query(Xapian::Query(Xapian::Query::OP_OR, all.begin(), all.end()), nullptr);
    EXPECT_EQ(labels(patterns), (std::vector<std::string>{"minist*", "title:minist*", "storm NEAR/4 shadow",
                                                          "\"storm shadow\"~3", "car|automobile"}));
    EXPECT_TRUE(patterns[1].title_only());
    EXPECT_EQ(patterns[2].window, 4u);
    EXPECT_EQ(patterns[3].kind, Pattern::Kind::Phrase);
    EXPECT_EQ(patterns[4].slots.size(), 1u);  // a synonym group is one thing to find
}

TEST(QueryPatternsDirect, AMultiWordSynonymKeepsItsPhrase) {
    std::vector<Xapian::Query> words{Xapian::Query("new"), Xapian::Query("york")};
    const Xapian::Query phrase(Xapian::Query::OP_PHRASE, words.begin(), words.end(), 2);
    const Xapian::Query synonym(Xapian::Query::OP_SYNONYM, Xapian::Query("nyc"), phrase);
    EXPECT_EQ(labels(analyse_query(synonym, nullptr)), (std::vector<std::string>{"nyc", "\"new york\""}));
}

TEST(QueryPatternsDirect, RarerTermsWeighMore) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (int i = 0; i < 20; ++i) {
        Xapian::Document doc;
        doc.add_term("said");
        if (i == 0) doc.add_term("pistorius");
        db.add_document(doc);
    }
    const auto patterns = analyse_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("said"), Xapian::Query("pistorius")), &db);
    ASSERT_EQ(patterns.size(), 2u);
    EXPECT_GT(patterns[1].weight, 3 * patterns[0].weight);
}

}  // namespace
}  // namespace newsdex::snippets
