// Searcher options beyond v1: sorting, date filters, more-like-this, several databases,
// totals, spelling, synonyms and wildcard limits.
#include <gtest/gtest.h>

#include <limits>

#include "core/error.h"
#include "core/index/index_writer.h"
#include "core/search/search.h"
#include "core/index/synonyms.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

using test::make_article;

std::vector<Article> dated_articles() {
    return {
        make_article("/march", "Taurus decision", {"The Taurus cruise missile decision was delayed again."},
                     {"Kate Connolly"}, "2024-03-05"),
        make_article("/january", "Taurus decision", {"The Taurus cruise missile decision was delayed again."},
                     {"Clara Vogel"}, "2024-01-10"),
        make_article("/undated", "Taurus decision", {"The Taurus cruise missile decision was delayed again."},
                     {"Anna Berg"}),
        make_article("/2023", "Taurus decision", {"The Taurus cruise missile decision was delayed again."},
                     {"Clara Vogel"}, "2023-06-01"),
        make_article("/storm", "Storm Shadow", {"Britain sent more Storm Shadow cruise missiles to Ukraine."},
                     {"Oliver Pennington"}, "2024-06-01"),
        make_article("/stars", "Meteors tonight", {"The Taurid meteor shower peaks near the constellation Taurus."},
                     {"Ingrid Haldorsen"}, "2024-11-05"),
    };
}

std::vector<std::string> ids(const SearchResults& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.article.id);
    return out;
}

SearchRequest request_for(const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.collapse = false;  // several test articles share a body on purpose: show every copy
    r.query_options.today = *parse_date("2024-03-10");
    return r;
}

TEST(SearchSort, ByDateNewestOrOldestFirstWithUndatedLast) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("\"decision was delayed\"");
    request.sort = SortOrder::Newest;
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/march", "/january", "/2023", "/undated"}));
    request.sort = SortOrder::Oldest;
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/2023", "/january", "/march", "/undated"}));
    EXPECT_EQ(searcher.search(request).sort, SortOrder::Oldest);
}

TEST(SearchSort, RecentAddsABonusThatHalvesWithEachHalfLife) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("\"decision was delayed\"");
    const auto by_relevance = searcher.search(request);
    const double relevance = by_relevance.hits.at(0).score;  // all four hold the phrase equally
    request.sort = SortOrder::Recent;
    request.recency_half_life_days = 5;
    auto r = searcher.search(request);
    // 5 days old with a 5-day half-life: half of the full bonus, which is half the best score.
    EXPECT_EQ(r.hits[0].article.id, "/march");
    EXPECT_NEAR(r.hits[0].score, relevance * (1 + 0.5 * 0.5), 1e-9);
    request.recency_half_life_days = 30;
    r = searcher.search(request);
    ASSERT_EQ(ids(r), (std::vector<std::string>{"/march", "/january", "/2023", "/undated"}));
    EXPECT_NEAR(r.hits[3].score, relevance, 1e-9) << "undated: no bonus";
}

TEST(SearchSort, FiltersAloneListNewestFirstUnlessTold) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("author:Vogel");
    auto r = searcher.search(request);
    EXPECT_EQ(r.sort, SortOrder::Newest);
    EXPECT_EQ(ids(r), (std::vector<std::string>{"/january", "/2023"}));
    request.sort = SortOrder::Oldest;
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/2023", "/january"}));
    EXPECT_EQ(searcher.search(request_for("Taurus author:Vogel")).sort, SortOrder::Relevance);
}

TEST(SearchSort, RecentWithoutWordsListsNewestFirst) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("");
    request.dates = {"20240101", ""};
    request.sort = SortOrder::Recent;
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/stars", "/storm", "/march", "/january"}));
}

TEST(SearchFilters, DatesRestrictAndAnEmptyQueryListsNewestFirst) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("Taurus");
    request.dates = {"20240101", "20241231"};
    auto r = searcher.search(request);
    EXPECT_EQ(r.total, 3u);
    for (const auto& id : ids(r)) EXPECT_TRUE(id == "/march" || id == "/january" || id == "/stars") << id;

    request.query.clear();
    request.dates = {"20240101", "20240630"};
    r = searcher.search(request);
    EXPECT_EQ(r.sort, SortOrder::Newest);
    EXPECT_EQ(ids(r), (std::vector<std::string>{"/storm", "/march", "/january"}));
}

TEST(SearchLike, FindsSimilarArticlesButNotTheArticleItself) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("");
    request.like_id = "/march";
    const auto r = searcher.search(request);
    const auto found = ids(r);
    EXPECT_EQ(r.like_id, "/march");
    EXPECT_FALSE(r.like_words.empty());
    EXPECT_EQ(std::count(found.begin(), found.end(), "/march"), 0);
    ASSERT_GE(found.size(), 3u);
    // The three articles with the same text come before the ones that only share a word.
    const std::set<std::string> top3(found.begin(), found.begin() + 3);
    EXPECT_EQ(top3, (std::set<std::string>{"/january", "/undated", "/2023"}));
    for (const auto& word : r.like_words) EXPECT_NE(word, "the") << "stop words never represent an article";
}

TEST(SearchLike, CombinesWithFiltersAndRejectsUnknownArticles) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("author:Vogel");
    request.like_id = "/march";
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/january", "/2023"}));
    request.query.clear();
    request.dates = {"20240101", ""};
    for (const auto& id : ids(searcher.search(request))) EXPECT_NE(id, "/2023");

    request.like_id = "/nowhere";
    try {
        searcher.search(request);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Usage);
        EXPECT_NE(std::string(e.what()).find("/nowhere"), std::string::npos);
    }
}

TEST(SearchDatabases, SeveralDatabasesMergeIntoOneRanking) {
    auto all = dated_articles();
    test::TestIndex first(std::vector<Article>(all.begin(), all.begin() + 3));
    test::TestIndex second(std::vector<Article>(all.begin() + 3, all.end()));
    test::TestIndex together(all);
    Searcher both({first.path(), second.path()});
    Searcher one(together.path());
    const auto merged = both.search(request_for("Taurus missile"));
    const auto single = one.search(request_for("Taurus missile"));
    EXPECT_EQ(merged.total, single.total);
    const auto merged_ids = ids(merged), single_ids = ids(single);
    EXPECT_EQ(std::set<std::string>(merged_ids.begin(), merged_ids.end()),
              std::set<std::string>(single_ids.begin(), single_ids.end()));
    for (std::size_t i = 0; i < merged.hits.size(); ++i) EXPECT_EQ(merged.hits[i].rank, i + 1);
}

TEST(SearchDatabases, SearchesDatabasesStemmedInDifferentLanguagesTogether) {
    test::TestIndex english(dated_articles());
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    options.language = Language{"de", "german"};
    {
        IndexWriter writer(options);
        Article german = make_article("/de", "Taurus Debatte", {"Die Verträge wurden unterschrieben."});
        german.language = "de";
        writer.add(german);
        writer.commit();
    }
    Searcher searcher({english.path(), options.db_path});
    // Each article in its own stemming: German vertrag, English missil.
    EXPECT_EQ(ids(searcher.search(request_for("vertrag"))), std::vector<std::string>{"/de"});
    EXPECT_EQ(searcher.search(request_for("missiles")).total, 5u);
    EXPECT_EQ(searcher.search(request_for("Taurus")).total, 6u);
}

TEST(SearchTotals, StayTheSameOnEveryPage) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("Taurus Britain");  // no article holds both: all partial
    request.limit = 2;
    const auto first = searcher.search(request);
    request.offset = 4;
    const auto later = searcher.search(request);  // runs to the end: counted exactly
    EXPECT_EQ(later.total_lower, later.total_upper);
    EXPECT_EQ(later.total, 6u);
    EXPECT_LE(first.total_lower, later.total) << "a first page's estimate brackets the true count";
    EXPECT_GE(first.total_upper, later.total);
    request.exact_total = true;
    request.offset = 0;
    EXPECT_EQ(searcher.search(request).total, later.total);
    EXPECT_EQ(first.total_all_words, 0u);
    EXPECT_TRUE(first.partial);

    request = request_for("Taurus missile");  // 4 hold both, 1 (stars) one of them
    request.limit = 2;
    const auto page1 = searcher.search(request);
    request.offset = 4;
    const auto page3 = searcher.search(request);
    EXPECT_EQ(page1.total, page3.total);
    EXPECT_EQ(page1.total_all_words, 4u);
    ASSERT_EQ(page3.hits.size(), 2u);
    EXPECT_FALSE(page3.hits[0].all_words);
    EXPECT_EQ(page3.hits[0].rank, 5u);
}

TEST(SearchTotals, HugeOffsetsAndLimitsNeitherWrapNorAllocate) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("Taurus missile");
    request.offset = std::numeric_limits<Xapian::doccount>::max();
    request.limit = std::numeric_limits<Xapian::doccount>::max();
    const auto r = searcher.search(request);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_EQ(r.total, 6u);
    request.offset = 0;
    EXPECT_EQ(searcher.search(request).hits.size(), 6u);
}

TEST(SearchTotals, ExactWhenAsked) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("Taurus OR missile");
    request.limit = 1;
    request.exact_total = true;
    const auto r = searcher.search(request);
    EXPECT_EQ(r.total_lower, r.total_upper);
    EXPECT_EQ(r.total, 6u);
}

TEST(SearchSpelling, SearchesTheCorrectionWhenNothingHoldsEveryWord) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto r = searcher.search(request_for("Taurs"));
    EXPECT_EQ(r.corrected_from, "Taurs");
    EXPECT_EQ(r.query, "Taurus");
    EXPECT_EQ(r.total, 5u);

    r = searcher.search(request_for("Taurus misiles"));  // only partial matches as typed
    EXPECT_EQ(r.corrected_from, "Taurus misiles");
    EXPECT_EQ(r.query, "Taurus missiles");
    EXPECT_EQ(r.total_all_words, 4u);
}

TEST(SearchSpelling, OnlySuggestsWhenTheQueryFindsArticlesOrCorrectionIsOff) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto r = searcher.search(request_for("Taurus OR Britian"));
    EXPECT_EQ(r.suggestion, "Taurus OR Britain");
    EXPECT_TRUE(r.corrected_from.empty());
    EXPECT_EQ(r.query, "Taurus OR Britian");

    auto request = request_for("Taurs");
    request.correct_spelling = false;
    r = searcher.search(request);
    EXPECT_EQ(r.total, 0u);
    EXPECT_EQ(r.suggestion, "Taurus");

    EXPECT_TRUE(searcher.search(request_for("missile")).suggestion.empty()) << "a stem the index holds is no typo";
    EXPECT_TRUE(searcher.search(request_for("zzyzx")).suggestion.empty()) << "nothing near: no suggestion";
}

TEST(SearchSpelling, NoSuggestionsWithoutASpellingDictionary) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    options.spelling = false;
    {
        IndexWriter writer(options);
        for (const auto& a : dated_articles()) writer.add(a);
        writer.commit();
    }
    Searcher searcher(options.db_path);
    const auto r = searcher.search(request_for("Taurs"));
    EXPECT_TRUE(r.suggestion.empty());
    EXPECT_TRUE(r.corrected_from.empty());
}

TEST(SearchSynonyms, TildeExpandsWithTheIndexersSynonyms) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    {
        IndexWriter writer(options);
        for (const auto& a : dated_articles()) writer.add(a);
        writer.replace_synonyms(parse_synonyms("Taurid = shooting star\nmeteor = fireball", "test"));
        writer.commit();
    }
    Searcher searcher(options.db_path);
    auto request = request_for("~fireball");
    request.correct_spelling = false;
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/stars"}));
    request.query = "fireball";
    EXPECT_EQ(searcher.search(request).total, 0u);
    request.query_options.synonyms = SynonymMode::Always;
    EXPECT_EQ(searcher.search(request).total, 1u);
    request.query = "shooting star";  // a key of several words: found among the query's words
    EXPECT_EQ(ids(searcher.search(request)), (std::vector<std::string>{"/stars"}));
}

TEST(SearchWildcards, TooManyExpansionsIsAQueryErrorNamingTheWildcard) {
    std::vector<Article> articles;
    std::string words;
    for (int i = 0; i < 50; ++i) words += "word" + std::to_string(i) + " ";
    articles.push_back(make_article("/words", "Words", {words}));
    test::TestIndex index(articles);
    Searcher searcher(index.path());
    auto request = request_for("word*");
    request.query_options.wildcard_limit = 10;
    try {
        searcher.search(request);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Query);
        EXPECT_NE(std::string(e.what()).find("the wildcard word* matches more than 10 words"), std::string::npos)
            << e.what();
    }
    request.query_options.wildcard_limit = 60;  // word0..word49 and "words" from the title
    EXPECT_EQ(searcher.search(request).total, 1u);
}

TEST(SearchSnippets, SkippedWhenNotWanted) {
    test::TestIndex index(dated_articles());
    Searcher searcher(index.path());
    auto request = request_for("Taurus");
    request.snippets = false;
    const auto r = searcher.search(request);
    ASSERT_FALSE(r.hits.empty());
    EXPECT_TRUE(r.hits[0].snippet.empty());
    EXPECT_EQ(plain_text(r.hits[0].title), r.hits[0].article.title);
}

}  // namespace
}  // namespace newsdex
