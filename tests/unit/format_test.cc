// Format detection by name and by content.
#include "core/readers/format.h"

#include <gtest/gtest.h>

namespace newsdex::readers {
namespace {

struct DetectCase {
    const char* name;
    std::string bytes;
    Format expected;
};

TEST(Format, DetectsByNameAndContent) {
    const DetectCase cases[] = {
        {"a.txt", "Kate Connolly\nBody.", Format::Text},
        {"54163", "From: x@y\nSubject: hi\n\nBody", Format::Text},
        {"a.jsonl", "{\"a\":1}\n", Format::JsonLines},
        {"a.json", "{\"a\":1}\n{\"b\":2}\n", Format::JsonLines},  // content shows lines
        {"a.jsonl", "[{\"a\":1}]", Format::Json},
        {"a.json", "{\n \"a\": 1\n}", Format::Json},
        {"noext", "{\"title\":\"x\"}\n{\"title\":\"y\"}", Format::JsonLines},
        {"a.html", "<p>x</p>", Format::Html},
        {"page", "<!DOCTYPE html><html>", Format::Html},
        {"a.txt", "\n  <!doctype HTML>\n<html lang=en>", Format::Html},
        {"feed.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", Format::Feed},
        {"feed", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::Feed},
        {"a.xml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", Format::Html},
        {"a.rss", "garbage", Format::Feed},
        {"crawl", "WARC/1.0\r\nWARC-Type: warcinfo\r\n", Format::Warc},
        {"x.warc.gz", "anything", Format::Warc},
        {"rows.csv", "a,b\n1,2\n", Format::Csv},
        {"reut2-000.sgm", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS", Format::Sgml},
        {"CISI.ALL", ".I 1\n.T\nTitle\n.W\nText\n", Format::Smart},
        {"[draft].txt", "[Updated] Council news", Format::Text},
        {"u16.txt", std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14), Format::Html},
        {"page", "<!DOCTYPE html><html><body><feed-item>not a feed</feed-item>", Format::Html},
        {"c.xml", "<?xml version=\"1.0\"?><!-- a comment --><rdf:RDF xmlns:rdf=\"x\">", Format::Feed},
        {"data", "<?xml version=\"1.0\"?><catalog/>", Format::Feed},
    };
    for (const auto& c : cases)
        EXPECT_EQ(format_name(detect_format(c.name, c.bytes)), format_name(c.expected)) << c.name << ": " << c.bytes;
}

TEST(Format, RecognisesContainersByMagic) {
    EXPECT_EQ(sniff_container("\x1F\x8B\x08"), Container::Gzip);
    EXPECT_EQ(sniff_container("BZh91AY"), Container::Bzip2);
    EXPECT_EQ(sniff_container(std::string("\xFD" "7zXZ\0", 6)), Container::Xz);
    EXPECT_EQ(sniff_container("\x28\xB5\x2F\xFD"), Container::Zstd);
    EXPECT_EQ(sniff_container("PK\x03\x04"), Container::Zip);
    std::string tar(512, '\0');
    tar.replace(257, 5, "ustar");
    EXPECT_EQ(sniff_container(tar), Container::Tar);
    EXPECT_EQ(sniff_container("BZh is not enough"), Container::None);
    EXPECT_EQ(sniff_container("plain"), Container::None);
}

TEST(Format, NamesAndFolderWalks) {
    EXPECT_EQ(strip_compression_suffix("a.jsonl.gz"), "a.jsonl");
    EXPECT_EQ(strip_compression_suffix("a.tgz"), "a.tar");
    EXPECT_EQ(strip_compression_suffix("a.html"), "a.html");
    for (const char* yes : {"a.txt", "54163", "a.jsonl.gz", "a.tar.gz", "a.zip", "f.xml", "p.HTML", "c.warc.gz",
                            "r.sgm", "x.csv", "notes.gz"})
        EXPECT_TRUE(has_readable_extension(yes)) << yes;
    for (const char* no : {".hidden.txt", "photo.jpg", "a.md", "cran.all.1400", "a.pdf.gz", "x.exe"})
        EXPECT_FALSE(has_readable_extension(no)) << no;
    EXPECT_EQ(parse_format("NDJSON"), Format::JsonLines);
    EXPECT_EQ(parse_format("atom"), Format::Feed);
    EXPECT_FALSE(parse_format("pdf"));
}

}  // namespace
}  // namespace newsdex::readers
