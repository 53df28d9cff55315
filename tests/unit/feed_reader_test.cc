// RSS and Atom feeds: every item field, embedded HTML, broken feeds.
#include "core/readers/feed_reader.h"

#include <gtest/gtest.h>

#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

TEST(FeedReader, ReadsEveryFieldOfAnRss2Feed) {
    const std::string path = corpus_path("feeds/coastal-courier.rss");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    EXPECT_TRUE(sink.problems.empty()) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, path + "#1");
    EXPECT_EQ(a.title, "Lifeboat crew rescues kayakers caught by the ebb tide");
    EXPECT_EQ(a.url, "https://courier.example.org/2024/05/02/lifeboat-kayakers");
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-05-02T17:20:00Z");
    EXPECT_EQ(a.authors, std::vector<std::string>{"Maren Holt"});  // dc:creator
    EXPECT_EQ(a.source, "The Coastal Courier");                     // channel title
    EXPECT_EQ(a.language, "en");                                    // channel <language>
    ASSERT_EQ(a.paragraphs.size(), 2u);                             // content:encoded wins over description
    EXPECT_TRUE(a.paragraphs[1].starts_with("The volunteer lifeboat crew launched"));
    const auto terms = indexed_terms(a);
    EXPECT_TRUE(terms.count("hypothermia") && terms.count("Skayakers"));
    EXPECT_FALSE(terms.count("share"));  // the share link inside the embedded HTML

    const Article& b = sink.articles[1];
    EXPECT_EQ(b.authors, std::vector<std::string>{"Priya Natarajan"});  // "e-mail (Name)"
    ASSERT_EQ(b.paragraphs.size(), 2u);  // entity-escaped HTML description
    EXPECT_EQ(b.paragraphs[0].find("<b>"), std::string::npos);
    EXPECT_NE(b.paragraphs[0].find("northern oyster beds"), std::string::npos);
}

TEST(FeedReader, ReadsEveryFieldOfAnAtomFeed) {
    const std::string path = corpus_path("feeds/alpine-observer.atom");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 3u) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.title, "Avalanche warning raised to level four & passes closed");  // type="html", escaped twice
    EXPECT_EQ(a.url, "https://observer.example.net/2024/02/12/avalanche-warning");  // rel=alternate, not self
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-02-12T06:30:00Z");  // published before updated
    EXPECT_EQ(a.authors, std::vector<std::string>{"Luca Bernasconi"});
    EXPECT_EQ(a.source, "The Alpine Observer");
    EXPECT_EQ(a.paragraphs.size(), 2u);

    const Article& de = sink.articles[1];
    EXPECT_EQ(de.language, "de");  // entry xml:lang
    ASSERT_EQ(de.paragraphs.size(), 2u);  // type="xhtml"
    EXPECT_TRUE(de.paragraphs[1].starts_with("Die Bauarbeiten sollen im Frühjahr beginnen"));
    const auto terms = indexed_terms(de);
    EXPECT_TRUE(terms.count("Zseilbahn"));  // German stemmer: "Seilbahn" -> "seilbahn"
    EXPECT_TRUE(terms.count("Zbauarbeit"));  // German stemmer strips "-en"

    const Article& summary_only = sink.articles[2];
    EXPECT_EQ(summary_only.paragraphs.size(), 1u);
    EXPECT_TRUE(summary_only.authors.empty());
}

TEST(FeedReader, ReportsItemsWithoutTextAndFeedsThatAreNotFeeds) {
    const auto titles_only = read_named("f.rss", R"(<rss><channel><title>T</title>
        <item><title>Only a headline</title><link>https://x.example/1</link></item>
        <item><title>With text</title><description>Some words of text.</description></item></channel></rss>)");
    ASSERT_EQ(titles_only.articles.size(), 1u);
    ASSERT_EQ(titles_only.problems.size(), 1u);
    EXPECT_EQ(titles_only.problems[0].where, "f.rss#1");
    EXPECT_EQ(titles_only.articles[0].id, "f.rss#2");

    const auto other_xml = read_named("data.xml", "<?xml version=\"1.0\"?><catalog><book/></catalog>");
    ASSERT_EQ(other_xml.problems.size(), 1u);
    EXPECT_NE(other_xml.problems[0].reason.find("not an RSS or Atom feed"), std::string::npos);

    const auto garbage = read_named("broken.rss", "<<<< not xml at all");
    ASSERT_EQ(garbage.problems.size(), 1u);
    EXPECT_EQ(garbage.problems[0].level, Problem::Level::Failed);
    EXPECT_NE(garbage.problems[0].reason.find("not well-formed XML"), std::string::npos);

    // Cut off mid-item: the complete items before the damage are still read.
    const auto truncated = read_named("cut.rss", R"(<rss><channel><title>T</title>
        <item><title>Whole</title><description>Complete item text.</description></item>
        <item><title>Cut</title><description>This item never end)");
    ASSERT_GE(truncated.articles.size(), 1u) << truncated.report();
    EXPECT_EQ(truncated.articles[0].title, "Whole");
    EXPECT_NE(truncated.report().find("malformed XML"), std::string::npos) << truncated.report();
}

TEST(FeedReader, ExternalEntitiesAreNotLoaded) {
    const auto sink = read_named("xxe.rss", R"(<?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <rss><channel><item><title>T</title><description>before &secret; after</description></item></channel></rss>)");
    ASSERT_EQ(sink.articles.size(), 1u) << sink.report();
    EXPECT_EQ(sink.articles[0].paragraphs.at(0).find("root:"), std::string::npos);
}

}  // namespace
}  // namespace newsdex::test
