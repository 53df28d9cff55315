#include "core/search/facets.h"

#include <gtest/gtest.h>

#include "core/schema.h"
#include "core/search/search.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

using test::make_article;

Article with(Article a, const std::string& source, const std::string& language) {
    a.source = source;
    a.language = language;
    return a;
}

/// 43 articles: enough that a page of one is a small part of the match set, with authors,
/// sources, dates and languages whose counts are known.
std::vector<Article> archive() {
    std::vector<Article> out;
    for (int i = 0; i < 20; ++i)
        out.push_back(with(make_article("/kc" + std::to_string(i), "Taurus report " + std::to_string(i),
                                        {"Taurus missiles and the chancellor."}, {"Kate Connolly"},
                                        "2024-0" + std::to_string(1 + i % 3) + "-10"),
                           "European Affairs Weekly", "en"));
    for (int i = 0; i < 12; ++i)
        out.push_back(with(make_article("/cv" + std::to_string(i), "Taurus analysis " + std::to_string(i),
                                        {"The Taurus debate goes on."}, {"Clara Vogel", "Kate Connolly"},
                                        "2023-11-0" + std::to_string(1 + i % 9)),
                           "The Berlin Ledger", "en"));
    for (int i = 0; i < 5; ++i)
        out.push_back(with(make_article("/de" + std::to_string(i), "Taurus Debatte " + std::to_string(i),
                                        {"Die Taurus Debatte im Bundestag."}, {"Lena Hoffmann"}, "2025-01-15"),
                           "Nordkurier Hamburg", "de"));
    out.push_back(make_article("/undated", "Taurus without a date", {"Taurus, no author, no date."}));
    for (int i = 0; i < 5; ++i)
        out.push_back(with(make_article("/other" + std::to_string(i), "Glaciers", {"Ice melts."}, {"Anna Berg"},
                                        "2024-06-01"),
                           "Alpine Review", "en"));
    return out;
}

const Facet& facet_of(const SearchResults& r, FacetKind kind) {
    for (const auto& f : r.facets)
        if (f.kind == kind) return f;
    throw std::runtime_error("facet missing");
}

SearchRequest taurus_with_facets(std::size_t limit = 0) {
    SearchRequest request;
    request.query = "Taurus";
    request.limit = 1;
    request.facets = {FacetKind::Author, FacetKind::Source, FacetKind::Year, FacetKind::Month, FacetKind::Language};
    request.facet_limit = limit;
    request.collapse = false;  // the archive's articles share bodies: list every copy
    return request;
}

TEST(Facets, CountEveryMatchNotJustThePageShown) {
    test::TestIndex index(archive());
    Searcher searcher(index.path());
    const auto r = searcher.search(taurus_with_facets());
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(r.total, 38u);
    EXPECT_EQ(r.total_lower, r.total_upper) << "facets make the total exact";

    EXPECT_EQ(facet_of(r, FacetKind::Author).values,
              (std::vector<FacetValue>{{"Kate Connolly", 32}, {"Clara Vogel", 12}, {"Lena Hoffmann", 5}}))
        << "an article by two authors counts for each; the undated article has none";
    EXPECT_EQ(facet_of(r, FacetKind::Source).values,
              (std::vector<FacetValue>{{"European Affairs Weekly", 20}, {"The Berlin Ledger", 12},
                                       {"Nordkurier Hamburg", 5}}));
    EXPECT_EQ(facet_of(r, FacetKind::Year).values,
              (std::vector<FacetValue>{{"2025", 5}, {"2024", 20}, {"2023", 12}}))
        << "years newest first";
    EXPECT_EQ(facet_of(r, FacetKind::Month).values,
              (std::vector<FacetValue>{{"2025-01", 5}, {"2024-03", 6}, {"2024-02", 7}, {"2024-01", 7},
                                       {"2023-11", 12}}));
    EXPECT_EQ(facet_of(r, FacetKind::Language).values, (std::vector<FacetValue>{{"en", 33}, {"de", 5}}))
        << "the undated article has the writer's default language";
}

TEST(Facets, FollowFiltersAndPartialMatches) {
    test::TestIndex index(archive());
    Searcher searcher(index.path());
    SearchRequest request = taurus_with_facets();
    request.query = "Taurus date:2024";
    EXPECT_EQ(facet_of(searcher.search(request), FacetKind::Year).values, (std::vector<FacetValue>{{"2024", 20}}));

    request.query = "Taurus";
    request.dates = {"20230101", "20231231"};
    EXPECT_EQ(facet_of(searcher.search(request), FacetKind::Source).values,
              (std::vector<FacetValue>{{"The Berlin Ledger", 12}}));

    // No article holds both words: the match set is the partial matches, "debate" in 12
    // articles and "chancellor" in 20, and the facets count all of them.
    request = taurus_with_facets();
    request.query = "debate chancellor";
    const auto r = searcher.search(request);
    EXPECT_TRUE(r.partial);
    EXPECT_EQ(r.total, 32u);
    EXPECT_EQ(facet_of(r, FacetKind::Source).values,
              (std::vector<FacetValue>{{"European Affairs Weekly", 20}, {"The Berlin Ledger", 12}}));
}

TEST(Facets, CountTheCopiesThatCollapsingFolds) {
    test::TestIndex index(archive());
    Searcher searcher(index.path());
    SearchRequest request = taurus_with_facets();
    request.collapse = true;
    const auto r = searcher.search(request);
    EXPECT_EQ(r.total, 4u) << "copies of one story are folded into one hit: four distinct bodies";
    EXPECT_EQ(r.total_lower, r.total_upper) << "facets make the total exact, collapsed too";
    EXPECT_EQ(r.facet_total, 38u) << "the facets counted every copy";
    EXPECT_EQ(facet_of(r, FacetKind::Source).values,
              (std::vector<FacetValue>{{"European Affairs Weekly", 20}, {"The Berlin Ledger", 12},
                                       {"Nordkurier Hamburg", 5}}))
        << "but each copy is an article some source published";
}

TEST(Facets, LimitKeepsTheMostFrequentAndCountsTheRest) {
    test::TestIndex index(archive());
    Searcher searcher(index.path());
    const auto r = searcher.search(taurus_with_facets(2));
    const Facet& authors = facet_of(r, FacetKind::Author);
    EXPECT_EQ(authors.values, (std::vector<FacetValue>{{"Kate Connolly", 32}, {"Clara Vogel", 12}}));
    EXPECT_EQ(authors.distinct, 3u);
}

TEST(Facets, EqualCountsAreAlphabetical) {
    FacetCounter counter(FacetKind::Author);
    for (const std::string& authors : {"Zoe" + std::string(1, schema::kAuthorListSeparator) + "Anna",
                                       std::string("Mia"), std::string("Anna"), std::string("Zoe")}) {
        Xapian::Document doc;
        doc.add_value(schema::kSlotAuthorList, authors);
        counter(doc, 0);
    }
    EXPECT_EQ(counter.result(0).values, (std::vector<FacetValue>{{"Anna", 2}, {"Zoe", 2}, {"Mia", 1}}));
}

TEST(Facets, NamesRoundTrip) {
    for (auto kind : {FacetKind::Author, FacetKind::Source, FacetKind::Year, FacetKind::Month, FacetKind::Language})
        EXPECT_EQ(parse_facet(facet_name(kind)), kind);
    EXPECT_EQ(parse_facet("language"), FacetKind::Language);
    EXPECT_FALSE(parse_facet("colour").has_value());
}

}  // namespace
}  // namespace newsdex
