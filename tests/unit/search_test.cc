#include "core/search/search.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "core/index/index_writer.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

using test::make_article;

std::vector<Article> defence_articles() {
    return {
        make_article("/a", "Scholz refuses to send Taurus missiles",
                     {"The chancellor again refused to supply Taurus missiles to Ukraine."},
                     {"Kate Connolly"}, "2024-03-05"),
        make_article("/b", "Ford Taurus sales slump", {"Dealers say the family car is out of fashion."},
                     {"Derek Okafor"}, "2023-05-01"),
        make_article("/c", "Storm Shadow deliveries resume",
                     {"Britain sent more Storm Shadow missiles to Ukraine on Monday."},
                     {"Oliver Pennington"}, "2024-06-01"),
        make_article("/d", "Leaked call held over WebEx",
                     {"Officers discussed Taurus targets on an insecure WebEx line."},
                     {"Kate Connolly"}, "2024-03-04"),
    };
}

std::vector<std::string> ids(const SearchResults& r) {
    std::vector<std::string> out;
    for (const auto& h : r.hits) out.push_back(h.article.id);
    return out;
}

TEST(Search, ArticlesWithEveryWordRankFirstThenPartialMatches) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto r = searcher.search({"Taurus missiles"});
    ASSERT_GE(r.hits.size(), 3u);
    EXPECT_EQ(r.hits[0].article.id, "/a");  // the only article with both words
    EXPECT_TRUE(r.hits[0].all_words);
    EXPECT_TRUE(r.partial);
    for (std::size_t i = 1; i < r.hits.size(); ++i) EXPECT_FALSE(r.hits[i].all_words) << i;
    EXPECT_EQ(r.hits[0].rank, 1u);
    EXPECT_EQ(r.hits[1].rank, 2u);
}

TEST(Search, NoPartialMatchesWhenEnoughArticlesHoldEveryWord) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto r = searcher.search({"Taurus"});
    EXPECT_FALSE(r.partial);
    EXPECT_EQ(r.total, 3u);
    for (const auto& h : r.hits) EXPECT_TRUE(h.all_words);
}

TEST(Search, PagesThroughAllWordsAndPartialMatchesWithoutGapsOrRepeats) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto all = ids(searcher.search({"Taurus missiles", 0, 10}));
    std::vector<std::string> paged;
    for (Xapian::doccount offset = 0; offset < 6; ++offset) {
        const auto page = searcher.search({"Taurus missiles", offset, 1});
        for (const auto& h : page.hits) {
            EXPECT_EQ(h.rank, offset + 1);
            paged.push_back(h.article.id);
        }
    }
    EXPECT_EQ(paged, all);
}

TEST(Search, StemmedWordsMatchAndAreHighlighted) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto r = searcher.search({"missile"});
    ASSERT_FALSE(r.hits.empty());
    bool marked = false;
    for (const auto& span : r.hits[0].snippet)
        if (span.match && span.text == "missiles") marked = true;
    EXPECT_TRUE(marked) << plain_text(r.hits[0].snippet);
}

TEST(Search, TitleMatchesAreMarked) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto r = searcher.search({"WebEx"});
    ASSERT_EQ(r.hits.size(), 1u);
    EXPECT_EQ(plain_text(r.hits[0].title), "Leaked call held over WebEx");
    ASSERT_FALSE(r.hits[0].title.empty());
    EXPECT_TRUE(r.hits[0].title.back().match);
}

TEST(Search, FieldsFilter) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    EXPECT_EQ(ids(searcher.search({"Taurus author:connolly"})), (std::vector<std::string>{"/a", "/d"}));
    EXPECT_EQ(ids(searcher.search({"author:\"Kate Connolly\" WebEx"})), (std::vector<std::string>{"/d"}));
    EXPECT_EQ(ids(searcher.search({"title:taurus"})).size(), 2u);
    EXPECT_EQ(ids(searcher.search({"Taurus date:2024-01-01..2024-12-31"})).size(), 2u);
}

TEST(Search, NoMatchGivesEmptyResults) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    const auto r = searcher.search({"zeppelin"});
    EXPECT_EQ(r.total, 0u);
    EXPECT_TRUE(r.hits.empty());
    EXPECT_FALSE(r.partial);
}

TEST(Search, MalformedQueryIsAQueryError) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    try {
        searcher.search({"AND OR"});
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Query);
        EXPECT_NE(std::string(e.what()).find("AND OR"), std::string::npos);
    }
}

TEST(Search, MissingDatabaseSaysHowToCreateOne) {
    test::TempDir dir;
    try {
        Searcher searcher((dir.path() / "nothing").string());
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::Database);
        EXPECT_NE(e.hint().find("newsdex-index"), std::string::npos);
    }
}

TEST(Search, SeesArticlesCommittedAfterItOpened) {
    test::TestIndex index(defence_articles());
    Searcher searcher(index.path());
    EXPECT_EQ(searcher.search({"zeppelin"}).total, 0u);
    {
        IndexWriterOptions options;
        options.db_path = index.path();
        IndexWriter writer(options);
        writer.add(make_article("/z", "Zeppelin returns", {"A zeppelin flew over Friedrichshafen."}));
        writer.commit();
    }
    // A long-lived searcher keeps its snapshot until asked again; a new one sees the commit.
    Searcher fresh(index.path());
    EXPECT_EQ(fresh.search({"zeppelin"}).total, 1u);
}

TEST(IndexWriter, ReindexingReplacesInsteadOfDuplicating) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    {
        IndexWriter writer(options);
        EXPECT_EQ(writer.add(make_article("/a", "First", {"version one"})), IndexWriter::Outcome::Added);
        writer.commit();
    }
    {
        IndexWriter writer(options);
        EXPECT_EQ(writer.add(make_article("/a", "First", {"version two"})), IndexWriter::Outcome::Replaced);
        writer.commit();
        EXPECT_EQ(writer.document_count(), 1u);
    }
    Searcher searcher(options.db_path);
    EXPECT_EQ(searcher.search({"two"}).total, 1u);
    EXPECT_EQ(searcher.search({"one"}).total, 0u);
}

TEST(IndexWriter, RefusesADatabaseStemmedInAnotherLanguage) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    { IndexWriter writer(options); }
    options.language = Language{"de", "german"};
    EXPECT_THROW(IndexWriter writer(options), Error);
}

TEST(IndexWriter, SecondWriterIsToldTheDatabaseIsLocked) {
    test::TempDir dir;
    IndexWriterOptions options;
    options.db_path = (dir.path() / "db").string();
    IndexWriter first(options);
    try {
        IndexWriter second(options);
        FAIL() << "expected a lock error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace newsdex
