// ArticleSink::reached: how far a reader has got inside one multi-record file, in bytes
// of the file as stored, for the progress line (plain and compressed input).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/readers/read_file.h"
#include "tests/support/gzip.h"
#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

struct PositionSink : CollectingSink {
    std::vector<std::uintmax_t> positions;
    void reached(std::uintmax_t file_bytes) override { positions.push_back(file_bytes); }
};

std::string jsonl(int records) {
    std::string out;
    for (int i = 0; i < records; ++i)
        out += "{\"id\": \"r" + std::to_string(i) + "\", \"title\": \"Story " + std::to_string(i) +
               "\", \"text\": \"The council met on the harbour budget, meeting number " + std::to_string(i) +
               ", and the ferry strike went on.\"}\n";
    return out;
}

/// Positions rise with the records, stay inside the file, and say "not there yet" before the last.
void expect_moving_through(const std::vector<std::uintmax_t>& positions, std::size_t records, std::uintmax_t size) {
    ASSERT_EQ(positions.size(), records);
    for (std::size_t i = 1; i < positions.size(); ++i) EXPECT_LE(positions[i - 1], positions[i]) << i;
    EXPECT_LE(positions.back(), size);
    EXPECT_LT(positions.front(), size / 10) << "the first record is near the start";
    EXPECT_GT(positions[records / 2], size / 3) << "half-way through the records is about half-way through the bytes";
    EXPECT_LT(positions[records / 2], 2 * size / 3);
}

TEST(ReadProgress, JsonLinesReportTheirByteOffsetPerRecord) {
    const std::string data = jsonl(200);
    PositionSink sink;
    readers::read_bytes("dump.jsonl", data, {}, sink);
    ASSERT_EQ(sink.articles.size(), 200u) << sink.report();
    expect_moving_through(sink.positions, 200, data.size());
    // Each record is reported once it is read: the first position is the end of line 1.
    EXPECT_EQ(sink.positions.front(), data.find('\n') + 1);
}

TEST(ReadProgress, CompressedInputIsMeasuredAgainstTheCompressedSize) {
    const std::string data = jsonl(200);
    const std::string packed = gzip(data);
    ASSERT_LT(packed.size(), data.size() / 2);
    PositionSink sink;
    readers::read_bytes("dump.jsonl.gz", packed, {}, sink);
    ASSERT_EQ(sink.articles.size(), 200u) << sink.report();
    expect_moving_through(sink.positions, 200, packed.size());
}

TEST(ReadProgress, CsvSgmlSmartWarcAndFeedsMoveToo) {
    std::string csv = "title,text\n";
    std::string sgml, smart, warc, feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>";
    for (int i = 0; i < 40; ++i) {
        const std::string n = std::to_string(i);
        const std::string body = "The harbour council met for the " + n + "th time on the ferry strike.";
        csv += "Story " + n + ",\"" + body + "\"\n";
        sgml += "<REUTERS NEWID=\"" + n + "\"><TITLE>Story " + n + "</TITLE><TEXT><BODY>" + body + "</BODY></TEXT></REUTERS>\n";
        smart += ".I " + n + "\n.T\nStory " + n + "\n.W\n" + body + "\n";
        const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Story " + n +
                                 "</title></head><body><p>" + body + "</p></body></html>";
        warc += "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/" + n +
                "\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: " +
                std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
        feed += "<item><title>Story " + n + "</title><description>" + body + "</description></item>";
    }
    feed += "</channel></rss>";
    for (const auto& [name, data] : std::vector<std::pair<std::string, std::string>>{
             {"a.csv", csv}, {"a.sgm", sgml}, {"a.all", smart}, {"a.warc", warc}, {"a.rss", feed}}) {
        SCOPED_TRACE(name);
        PositionSink sink;
        readers::read_bytes(name, data, {}, sink);
        ASSERT_EQ(sink.articles.size(), 40u) << sink.report();
        ASSERT_GE(sink.positions.size(), 39u);
        for (std::size_t i = 1; i < sink.positions.size(); ++i) EXPECT_LE(sink.positions[i - 1], sink.positions[i]);
        EXPECT_LE(sink.positions.back(), data.size());
        EXPECT_GT(sink.positions[sink.positions.size() / 2], data.size() / 4);
        EXPECT_LT(sink.positions[sink.positions.size() / 2], 3 * data.size() / 4);
    }
}

}  // namespace
}  // namespace newsdex::test
