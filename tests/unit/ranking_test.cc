#include "core/search/ranking.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/search/search.h"
#include "core/search/weighting.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

using test::make_article;
using Q = Xapian::Query;

std::string described(const Q& q) { return q.get_description(); }

QueryWords words_of(std::vector<std::string> terms, std::vector<std::string> positional) {
    return QueryWords{std::move(terms), std::move(positional)};
}

TEST(RankingOptions, ParseEveryKeyAndRefuseTheRest) {
    const RankingOptions o = parse_ranking("coord=0.5,prox=0,window=12,expand=0.3,fbdocs=5,fbterms=7");
    EXPECT_DOUBLE_EQ(o.coordination, 0.5);
    EXPECT_DOUBLE_EQ(o.proximity, 0);
    EXPECT_EQ(o.window, 12u);
    EXPECT_DOUBLE_EQ(o.expansion, 0.3);
    EXPECT_EQ(o.feedback_articles, 5u);
    EXPECT_EQ(o.feedback_words, 7u);
    for (const char* bad : {"coord", "coord=x", "coord=-1", "window=2.5", "fbdocs=100000", "speed=3", "prox=inf"})
        EXPECT_THROW(parse_ranking(bad), Error) << bad;
}

TEST(QueryWords, FreeTextTermsInQueryOrderWithTheirUnstemmedForms) {
    std::vector<Q> parts{Q("Zmissil"), Q("taurus"), Q("ZSstorm"), Q("Aconnolly"), Q("Zmissil")};
    const Q query(Q::OP_OR, parts.begin(), parts.end());
    const QueryWords w = query_words(query, [](const std::string& t) { return t == "Zmissil" ? "missiles" : ""; });
    EXPECT_EQ(w.terms, (std::vector<std::string>{"Zmissil", "taurus"}));
    EXPECT_EQ(w.positional, (std::vector<std::string>{"missiles", "taurus"}));
}

TEST(SoftQuery, ShortQueriesGetADecisiveEveryWordBonus) {
    const std::vector<Q> two{Q("taurus"), Q("Zmissil")};
    const Q any(Q::OP_OR, two.begin(), two.end()), all(Q::OP_AND, two.begin(), two.end());
    RankingOptions o;
    o.proximity = 0;
    const std::string d = described(soft_query(any, all, words_of({"taurus", "Zmissil"}, {"taurus", "missiles"}), o));
    EXPECT_NE(d.find("AND_MAYBE"), std::string::npos) << d;
    EXPECT_NE(d.find("1000 * (taurus AND Zmissil)"), std::string::npos) << d;
}

TEST(SoftQuery, LongQueriesGetAGentleBonusAndProximityPairs) {
    const std::vector<Q> four{Q("Zbile"), Q("Zduct"), Q("Zatresia"), Q("Zgiant")};
    const Q any(Q::OP_OR, four.begin(), four.end()), all(Q::OP_AND, four.begin(), four.end());
    RankingOptions o;
    o.coordination = 0.25;
    o.proximity = 0.5;
    o.window = 6;
    const std::string d = described(
        soft_query(any, all, words_of({"Zbile", "Zduct", "Zatresia", "Zgiant"}, {"bile", "duct", "atresia", "giant"}), o));
    EXPECT_NE(d.find("0.25 * (Zbile AND Zduct AND Zatresia AND Zgiant)"), std::string::npos) << d;
    EXPECT_NE(d.find("0.5 * (bile NEAR 6 duct)"), std::string::npos) << d;
    EXPECT_NE(d.find("0.5 * (atresia NEAR 6 giant)"), std::string::npos) << d;
    EXPECT_EQ(d.find("bile NEAR 6 atresia"), std::string::npos) << "neighbours only: " << d;
}

TEST(SoftQuery, NothingToAddLeavesTheQueryAlone) {
    const Q one("taurus");
    RankingOptions o;
    EXPECT_EQ(described(soft_query(one, one, words_of({"taurus"}, {"taurus"}), o)), described(one));
    o.proximity = 0;
    o.coordination = 0;
    const std::vector<Q> five{Q("Za"), Q("Zb"), Q("Zc"), Q("Zd"), Q("Ze")};
    const Q any(Q::OP_OR, five.begin(), five.end()), all(Q::OP_AND, five.begin(), five.end());
    EXPECT_EQ(described(soft_query(any, all, words_of({"Za", "Zb", "Zc", "Zd", "Ze"}, {}), o)), described(any));
}

std::vector<Article> feedback_articles() {
    return {
        make_article("/1", "Taurus cruise missile", {"The Taurus cruise missile has a range of 500 kilometres."}),
        make_article("/2", "Taurus debate", {"Germany debates the Taurus cruise missile for Ukraine."}),
        make_article("/3", "Cruise ships", {"A cruise missile is not a cruise ship; the cruise ship docked."}),
        make_article("/4", "Horoscope", {"Taurus, your stars say rest this week."}),
    };
}

TEST(Feedback, AddsWordsOfTheTopArticlesWithoutAddingMatches) {
    test::TestIndex index(feedback_articles());
    Xapian::Database db(index.path());
    const Q query("taurus");
    RankingOptions o;
    o.feedback_articles = 2;
    o.feedback_words = 3;
    o.expansion = 0.5;
    o.expand = true;
    const auto weighting = parse_weighting(kDefaultWeighting);
    const Q expanded = with_feedback(query, words_of({"taurus"}, {"taurus"}), db, *weighting, o, Xapian::Stem("english"));
    const std::string d = described(expanded);
    EXPECT_NE(d.find("AND_MAYBE"), std::string::npos) << d;
    EXPECT_NE(d.find("Zcruis"), std::string::npos) << d;
    EXPECT_EQ(d.find("Ztaurus"), std::string::npos) << "no query word twice: " << d;
    Xapian::Enquire plain(db), fed(db);
    plain.set_query(query);
    fed.set_query(expanded);
    EXPECT_EQ(fed.get_mset(0, 10).size(), plain.get_mset(0, 10).size()) << "feedback only ranks";
    o.expand = false;
    EXPECT_EQ(described(with_feedback(query, words_of({"taurus"}, {"taurus"}), db, *weighting, o)), described(query));
}

TEST(Feedback, NoExpandGivesTheRankingWithoutIt) {
    test::TestIndex index(feedback_articles());
    Searcher searcher(index.path());
    SearchRequest request{.query = "Taurus"};
    request.ranking.expand = false;
    const auto without = searcher.search(request);
    ASSERT_EQ(without.hits.size(), 3u);
    request.ranking.expand = true;
    EXPECT_EQ(searcher.search(request).hits.size(), 3u);
}

}  // namespace
}  // namespace newsdex
