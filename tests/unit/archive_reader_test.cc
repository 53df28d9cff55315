// Compressed files and archives: members read in place, damage reported, bombs refused.
#include "core/readers/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

const std::string kJsonLines =
    "{\"title\":\"First record\",\"text\":\"The first record of the compressed dump.\"}\n"
    "{\"title\":\"Second record\",\"text\":\"The second record of the compressed dump.\"}\n";

/// `data` compressed with libarchive's filter `filter` ("gzip", "bzip2", "xz", "zstd").
std::string compress(const std::string& data, const char* filter) {
    std::string out(data.size() + 4096, '\0');
    std::size_t used = 0;
    struct archive* a = archive_write_new();
    archive_write_add_filter_by_name(a, filter);
    archive_write_set_format_raw(a);
    archive_write_open_memory(a, out.data(), out.size(), &used);
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    archive_write_header(a, e);
    archive_write_data(a, data.data(), data.size());
    archive_entry_free(e);
    archive_write_close(a);
    archive_write_free(a);
    out.resize(used);
    return out;
}

TEST(ArchiveReader, ReadsEachCompressionFormat) {
    for (const char* filter : {"gzip", "bzip2", "xz", "zstd"}) {
        const std::string packed = compress(kJsonLines, filter);
        ASSERT_FALSE(packed.empty()) << filter;
        const auto sink = read_named("/d/dump.jsonl.x", packed);  // unknown suffix: content decides
        ASSERT_EQ(sink.articles.size(), 2u) << filter << "\n" << sink.report();
        EXPECT_EQ(sink.articles[1].id, "/d/dump.jsonl.x#2") << filter;
        EXPECT_TRUE(sink.problems.empty()) << sink.report();
    }
    // The inner name decides the format: dump.html.gz is a page, not text.
    const auto page = read_named("p.html.gz", compress("<title>T</title><p>Body of the zipped page.</p>", "gzip"));
    ASSERT_EQ(page.articles.size(), 1u);
    EXPECT_EQ(page.articles[0].title, "T");
}

TEST(ArchiveReader, ReadsTarGzAndZipMembersWithTheirOwnIdsAndFormats) {
    const std::string tgz = corpus_path("archives/regional-desk.tar.gz");
    const auto tar = read_named(tgz, slurp(tgz));
    ASSERT_EQ(tar.articles.size(), 4u) << tar.report();
    EXPECT_TRUE(tar.problems.empty()) << tar.report();
    EXPECT_EQ(tar.articles[0].id, tgz + "!regional-desk/ferry-timetable.txt");
    EXPECT_EQ(tar.articles[0].path, tgz + "!regional-desk/ferry-timetable.txt");
    EXPECT_EQ(tar.articles[0].authors, std::vector<std::string>{"Maren Holt"});
    EXPECT_EQ(tar.articles[1].title, "Market hall reopens after restoration");  // an HTML member
    EXPECT_EQ(tar.articles[2].id, tgz + "!regional-desk/briefs.jsonl#1");     // a JSON Lines member
    EXPECT_EQ(tar.articles[3].id, tgz + "!regional-desk/briefs.jsonl#2");

    const std::string zip_path = corpus_path("archives/sports-desk.zip");
    const auto zip = read_named(zip_path, slurp(zip_path));
    ASSERT_EQ(zip.articles.size(), 2u) << zip.report();
    EXPECT_EQ(zip.articles[0].id, zip_path + "!sports-desk/rowing-regatta.txt");
    EXPECT_EQ(zip.articles[0].authors, std::vector<std::string>{"Priya Natarajan"});
    ASSERT_TRUE(zip.articles[0].date);  // no header date: the member's time
    EXPECT_EQ(to_iso(*zip.articles[0].date).substr(0, 10), "2024-05-01");
    EXPECT_EQ(zip.articles[0].date_origin, DateOrigin::FileTime);
}

TEST(ArchiveReader, TruncatedOrCorruptDataIsReportedAndWhatCameBeforeIsKept) {
    // A long JSON Lines dump cut short: the records before the cut are read.
    std::string many;
    for (int i = 0; i < 2000; ++i)
        many += "{\"title\":\"Record " + std::to_string(i) + "\",\"text\":\"Text number " + std::to_string(i * 7919) +
                " of the dump, different each time " + std::to_string(i * 104729) + ".\"}\n";
    const std::string packed = compress(many, "gzip");
    const auto cut = read_named("cut.jsonl.gz", std::string_view(packed).substr(0, packed.size() / 2));
    EXPECT_GT(cut.articles.size(), 100u) << cut.report();
    EXPECT_LT(cut.articles.size(), 2000u);
    EXPECT_EQ(cut.count(Problem::Level::Failed), 1u) << cut.report();
    EXPECT_NE(cut.report().find("truncated or corrupt gzip data"), std::string::npos) << cut.report();

    const std::string tgz = slurp(corpus_path("archives/regional-desk.tar.gz"));
    for (std::size_t keep : {std::size_t{20}, tgz.size() / 2, tgz.size() - 10}) {
        const auto sink = read_named("cut.tar.gz", std::string_view(tgz).substr(0, keep));
        EXPECT_GE(sink.count(Problem::Level::Failed), 1u) << keep << "\n" << sink.report();
    }
    std::string corrupt = compress(kJsonLines, "gzip");
    for (std::size_t i = 12; i < corrupt.size() - 8; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5A);
    const auto bad = read_named("bad.jsonl.gz", corrupt);
    EXPECT_TRUE(bad.articles.empty());
    EXPECT_EQ(bad.count(Problem::Level::Failed), 1u) << bad.report();
}

TEST(ArchiveReader, DecompressionStopsAtTheSizeLimit) {
    readers::ReadOptions options;
    options.max_file_bytes = 1 << 20;
    const std::string bomb = compress(std::string(8 << 20, 'a'), "gzip");  // 8 MiB of 'a' in a few KiB
    ASSERT_LT(bomb.size(), 64u << 10);
    const auto sink = read_named("bomb.txt.gz", bomb, options);
    EXPECT_TRUE(sink.articles.empty());
    ASSERT_EQ(sink.problems.size(), 1u) << sink.report();
    EXPECT_EQ(sink.problems[0].level, Problem::Level::Skipped);
    EXPECT_NE(sink.problems[0].reason.find("too large once decompressed"), std::string::npos);

    // Compressed inside compressed inside ...: refused past a few levels.
    std::string nested = kJsonLines;
    for (int i = 0; i < 6; ++i) nested = compress(nested, "gzip");
    const auto deep = read_named("deep.gz", nested);
    EXPECT_TRUE(deep.articles.empty());
    EXPECT_NE(deep.report().find("levels deep"), std::string::npos) << deep.report();
}

}  // namespace
}  // namespace newsdex::test
