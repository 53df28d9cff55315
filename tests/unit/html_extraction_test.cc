// Main-text extraction by evidence (issue 16): furniture words as whole words weighed
// against the text a block holds, the right <article> among several, <br>-split bodies,
// the last resort, and metadata from any schema.org work and from the URL.
#include <gtest/gtest.h>

#include <string>

#include "core/readers/html_reader.h"
#include "core/readers/html_text.h"

namespace newsdex::test {
namespace {

using readers::furniture_name_score;
using readers::parse_html_page;

std::string body_of(const readers::HtmlPage& page) { return page.article.body_text(); }

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Three paragraphs of prose, enough for any candidate to count as the article.
const std::string kStory =
    "<p>The harbour authority approved the new breakwater on Tuesday, after three years of "
    "studies, objections and a public inquiry that drew more than four hundred letters.</p>"
    "<p>Engineers said the structure, built from interlocking concrete blocks, would shelter "
    "the inner basin from the winter storms that flooded the quayside twice last year.</p>"
    "<p>Work is due to begin in the spring, and the fishing fleet will moor at the old "
    "ferry pier while the cranes are in place, the authority said in a statement.</p>";

TEST(FurnitureWords, AreMatchedAsWholeWordsAndWeighedAgainstContentWords) {
    EXPECT_GT(furniture_name_score("sidebar"), 0);
    EXPECT_GT(furniture_name_score("article-share-bar"), 0);     // share: never text
    EXPECT_GT(furniture_name_score("cookieBanner"), 0);          // camel case split
    EXPECT_GT(furniture_name_score("most_read"), 0);             // two words joined
    EXPECT_GT(furniture_name_score("comment-content"), 0);       // comments outweigh "content"
    EXPECT_EQ(furniture_name_score("content-with-sidebar-wrp"), 0);
    EXPECT_LE(furniture_name_score("elementor-widget-theme-post-content"), 0);
    EXPECT_LE(furniture_name_score("widget Blog"), 0);
    EXPECT_LE(furniture_name_score("entry-content-read-more"), 0);
    // Words inside other words are not furniture words: "shadow" is not "ad", "download" not "ad".
    EXPECT_EQ(furniture_name_score("shadow-box download"), 0);
    EXPECT_EQ(furniture_name_score("headline"), 0);
    // WordPress topic classes name the post's subject, not the layout.
    EXPECT_LE(furniture_name_score("post-12 type-post category-advertising-industry"), 0);
}

TEST(HtmlExtraction, KeepsAContentWrapperNamedAfterASidebarAndDropsTheAside) {
    const auto page = parse_html_page(
        "<html><body><div class=\"content-with-sidebar-wrp\"><div class=\"l-sidebar-fixed\">" + kStory +
        "</div><aside class=\"sidebar\"><p>Popular this week: the ten best harbour walks and where to "
        "find them, chosen by our readers.</p></aside></div></body></html>");
    const std::string body = body_of(page);
    EXPECT_TRUE(has(body, "breakwater on Tuesday")) << body;
    EXPECT_TRUE(has(body, "ferry pier")) << body;
    EXPECT_FALSE(has(body, "harbour walks")) << body;
}

TEST(HtmlExtraction, ABlockHoldingMostOfThePageTextIsReadWhateverItsName) {
    // A modal-enabled body wrapper and an <article> classed with an advertising topic.
    const auto page = parse_html_page(
        "<html><body><div class=\"modal-enabled\"><article class=\"post type-post advertising\">" + kStory +
        "</article></div><div class=\"ad-slot\"><p>Buy one boat, get the second at half price this weekend "
        "only at the marina shop.</p></div></body></html>");
    const std::string body = body_of(page);
    EXPECT_TRUE(has(body, "interlocking concrete blocks")) << body;
    EXPECT_FALSE(has(body, "marina shop")) << body;
}

TEST(HtmlExtraction, TakesTheArticleHoldingTheHeadlineNotTheLongestTeaserBlock) {
    std::string teasers;
    for (int i = 0; i < 6; ++i)
        teasers += "<p>Teaser " + std::to_string(i) +
                   ": another story from the archive about council budgets, school meals and the "
                   "new tram line, with a summary long enough to look like text.</p>";
    const auto page = parse_html_page(
        "<html><head><title>Breakwater approved</title></head><body>"
        "<article><h1>Breakwater approved</h1>" + kStory + "</article>"
        "<article class=\"more\">" + teasers + "</article></body></html>");
    const std::string body = body_of(page);
    EXPECT_TRUE(has(body, "public inquiry")) << body;
    EXPECT_FALSE(has(body, "Teaser")) << body;
}

TEST(HtmlExtraction, ReadsABodyOfTextSplitByLineBreaks) {
    const auto page = parse_html_page(
        "<html><body><div id=\"menu\"><a href=\"/\">Home</a> <a href=\"/news\">News</a></div>"
        "<div class=\"txt\">The lighthouse keeper retired on Friday after forty-one years on the rock, "
        "the longest service on record.<br><br>She said she would miss the storms most of all, and the "
        "silence after them, when the sea went flat.<br><br>The light has been automatic since 1998, "
        "but the keeper stayed on to look after the station.</div></body></html>");
    const auto& paragraphs = page.article.paragraphs;
    ASSERT_EQ(paragraphs.size(), 3u) << body_of(page);
    EXPECT_TRUE(has(paragraphs[0], "forty-one years"));
    EXPECT_TRUE(has(paragraphs[2], "automatic since 1998"));
}

TEST(HtmlExtraction, APageWhoseOnlyProseIsNamedLikeFurnitureIsRead) {
    // One block holding all the text: its names are outweighed by what it holds.
    const auto page = parse_html_page(
        "<html><body><div class=\"widget sidebar\"><div class=\"comments\">The whole page is a single "
        "block named like furniture, yet it holds the only prose there is: a notice that the ferry "
        "timetable changes on Monday, with the first boat leaving at seven, and the last one at ten "
        "in the evening, as it did before the winter timetable began.</div></div></body></html>");
    EXPECT_TRUE(has(body_of(page), "ferry timetable changes on Monday")) << body_of(page);
}

TEST(HtmlExtraction, ProseSplitOverFurnitureIsReadWithAWarningNotSkipped) {
    // No block holds most of the text, all of it is furniture: the last resort keeps it.
    const auto page = parse_html_page(
        "<html><body><aside><p>The ferry timetable changes on Monday, with the first boat leaving at "
        "seven and the last at ten.</p></aside><footer><p>The harbour office is closed over the holiday "
        "weekend, and tickets are sold on board until it reopens.</p></footer></body></html>");
    EXPECT_TRUE(has(body_of(page), "ferry timetable changes on Monday")) << body_of(page);
    EXPECT_TRUE(has(body_of(page), "harbour office is closed")) << body_of(page);
    ASSERT_FALSE(page.warnings.empty());
    EXPECT_TRUE(has(page.warnings.back(), "no main text found")) << page.warnings.back();
}

TEST(HtmlExtraction, AMenuOnlyPageIsStillNotText) {
    const auto page = parse_html_page(
        "<html><body><nav><a href=\"/a\">Home</a> <a href=\"/b\">News</a> <a href=\"/c\">Sport</a></nav>"
        "<footer>Contact us</footer></body></html>");
    EXPECT_TRUE(page.article.paragraphs.empty()) << body_of(page);
}

TEST(HtmlMetadata, DateAndAuthorFromAJsonLdGraphOfAnotherCreativeWorkType) {
    const auto page = parse_html_page(
        "<html><head><script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"Organization\",\"name\":\"Harbour Health\"},"
        "{\"@type\":\"MedicalWebPage\",\"headline\":\"Sea swimming in winter\","
        "\"datePublished\":\"2021-02-03T08:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Ines Varga\"}}]}"
        "</script></head><body><article>" + kStory + "</article></body></html>");
    const Article& a = page.article;
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2021-02-03T08:00:00Z");
    EXPECT_EQ(a.date_origin, DateOrigin::Header);
    EXPECT_EQ(a.authors, std::vector<std::string>{"Ines Varga"});
    EXPECT_EQ(a.title, "Sea swimming in winter");
}

TEST(HtmlMetadata, DateFromAJsonLdWorkNestedInAnotherObject) {
    const auto page = parse_html_page(
        "<html><head><script type=\"application/ld+json\">{\"@type\":\"WebSite\",\"mainEntity\":"
        "{\"@type\":\"WebPage\",\"datePublished\":\"2020-06-30\"}}</script></head><body>" + kStory +
        "</body></html>");
    ASSERT_TRUE(page.article.date);
    EXPECT_EQ(to_iso(*page.article.date).substr(0, 10), "2020-06-30");
}

TEST(HtmlMetadata, TheDateInTheUrlPathIsTheLastResortAndSaysSo) {
    const auto page = parse_html_page(
        "<html><head><link rel=\"canonical\" href=\"https://news.example.org/2019/11/19/breakwater\">"
        "</head><body>" + kStory + "</body></html>");
    ASSERT_TRUE(page.article.date);
    EXPECT_EQ(to_iso(*page.article.date).substr(0, 10), "2019-11-19");
    EXPECT_EQ(page.article.date_origin, DateOrigin::UrlPath);
    EXPECT_EQ(to_string(DateOrigin::UrlPath), "url-path");

    // The page's own markup wins over the address.
    const auto marked = parse_html_page(
        "<html><head><link rel=\"canonical\" href=\"https://news.example.org/2019/11/19/breakwater\">"
        "<meta property=\"article:published_time\" content=\"2019-11-18T22:10:00Z\"></head><body>" + kStory +
        "</body></html>");
    ASSERT_TRUE(marked.article.date);
    EXPECT_EQ(to_iso(*marked.article.date), "2019-11-18T22:10:00Z");
    EXPECT_EQ(marked.article.date_origin, DateOrigin::Header);
}

TEST(HtmlMetadata, DateInUrlReadsOnlyThePathAndOnlyRealDates) {
    using readers::date_in_url;
    EXPECT_EQ(to_iso(*date_in_url("https://a.example/news/2019/11/19/x")).substr(0, 10), "2019-11-19");
    EXPECT_EQ(to_iso(*date_in_url("https://a.example/2024/03/story")).substr(0, 10), "2024-03-01");
    EXPECT_FALSE(date_in_url("https://a.example/2019/13/01/x"));      // no month 13
    EXPECT_FALSE(date_in_url("https://a.example/item/1234/56"));     // no year 1234
    EXPECT_FALSE(date_in_url("https://a.example/x?from=2019/11/19")); // the query is not the path
    EXPECT_FALSE(date_in_url("https://2019.example/11/x"));           // nor the host
}

}  // namespace
}  // namespace newsdex::test
