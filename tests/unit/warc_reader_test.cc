// WARC archives: response records become articles; everything else is counted.
#include "core/readers/warc_reader.h"

#include <gtest/gtest.h>

#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

std::string record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block) {
    return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2024-05-01T10:00:00Z\r\nContent-Type: " + content_type +
           "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http(const std::string& status, const std::string& type, const std::string& body) {
    return "HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\n\r\n" + body;
}

const std::string kPage =
    "<html><head><title>Harbour wall repaired | Courier</title></head><body><article><p>The harbour wall damaged "
    "in the winter storms has been repaired ahead of the summer season, the council said.</p></article></body></html>";

TEST(WarcReader, ReadsTheCorpusCrawlWithGzipMembersChunksAndCharsets) {
    const std::string path = corpus_path("warc/coastal-crawl.warc.gz");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    const Article& en = sink.articles[0];
    EXPECT_EQ(en.id, path + "#3");
    EXPECT_EQ(en.title, "Night buses return to the coast road");
    EXPECT_EQ(en.url, "https://courier.example.org/2024/04/30/night-buses");
    EXPECT_EQ(en.authors, std::vector<std::string>{"Jonas Berg"});
    EXPECT_EQ(en.source, "The Coastal Courier");
    ASSERT_TRUE(en.date);
    EXPECT_EQ(to_iso(*en.date), "2024-04-30T19:00:00Z");  // the page's own date
    EXPECT_EQ(en.date_origin, DateOrigin::Header);
    const auto terms = indexed_terms(en);
    EXPECT_TRUE(terms.count("midnight") && !terms.count("cookies") && !terms.count("home"));

    const Article& de = sink.articles[1];
    EXPECT_EQ(de.id, path + "#8");
    EXPECT_EQ(de.title, "Fähre nach Helgoland fährt wieder täglich");  // ISO-8859-1 from the HTTP header
    EXPECT_EQ(de.language, "de");
    ASSERT_TRUE(de.date);
    EXPECT_EQ(to_iso(*de.date), "2024-05-01T10:00:06Z");  // WARC-Date: the page has none
    EXPECT_EQ(de.date_origin, DateOrigin::Capture);

    ASSERT_EQ(sink.problems.size(), 1u) << sink.report();
    EXPECT_EQ(sink.problems[0].level, Problem::Level::Repaired);
    EXPECT_EQ(sink.problems[0].reason,
              "6 of 8 records were not article pages (1 HTTP errors, 1 metadata records, 1 not HTML, 1 redirects, "
              "1 request records, 1 warcinfo records)");
}

TEST(WarcReader, ResynchronisesAfterDamageAndReportsTruncation) {
    const std::string warc = record("response", "https://a.example/1", "application/http; msgtype=response",
                                    http("200 OK", "text/html", kPage)) +
                             "garbage that is not a record\r\n" +
                             record("response", "https://a.example/2", "application/http; msgtype=response",
                                    http("200 OK", "text/html; charset=utf-8", kPage));
    const auto sink = read_named("crawl.warc", warc);
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    EXPECT_EQ(sink.articles[1].url, "https://a.example/2");
    ASSERT_EQ(sink.count(Problem::Level::Failed), 1u) << sink.report();

    const std::string whole = record("resource", "https://a.example/3", "text/html", kPage);
    const auto cut = read_named("cut.warc", whole + whole.substr(0, whole.size() - 40));
    EXPECT_EQ(cut.articles.size(), 1u) << cut.report();
    EXPECT_NE(cut.report().find("truncated WARC record"), std::string::npos) << cut.report();
}

TEST(WarcReader, AWarcWithNoPagesIsSkipped) {
    const auto sink = read_named("x.warc", record("request", "https://a.example/", "application/http", "GET / HTTP/1.1\r\n\r\n"));
    EXPECT_TRUE(sink.articles.empty());
    ASSERT_EQ(sink.problems.size(), 1u);
    EXPECT_EQ(sink.problems[0].level, Problem::Level::Skipped);
    EXPECT_NE(sink.problems[0].reason.find("no article pages"), std::string::npos);
}

TEST(WarcReader, UndoesChunkingAndCompression) {
    std::string out;
    EXPECT_TRUE(readers::dechunk("4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n", out));
    EXPECT_EQ(out, "Wikipedia");
    out.clear();
    EXPECT_FALSE(readers::dechunk("zz\r\nbad", out));
    EXPECT_FALSE(readers::inflate_bytes("not deflate data at all", 1000, out));
}

}  // namespace
}  // namespace newsdex::test
