// read_file itself: files that change under the indexer, limits, ids and names.
#include "core/readers/read_file.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/text/utf8.h"
#include "tests/support/temp_dir.h"
#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

/// A sink that, on its first article, makes the other files vanish or turn unreadable:
/// what happens when files change between the folder walk and their reading.
struct SabotagingSink : CollectingSink {
    std::vector<std::string> to_remove;
    std::string to_replace_by_folder;
    void article(Article&& a) override {
        for (const auto& f : to_remove) fs::remove(f);
        to_remove.clear();
        if (!to_replace_by_folder.empty()) {
            fs::remove(to_replace_by_folder);
            fs::create_directory(to_replace_by_folder);
            to_replace_by_folder.clear();
        }
        CollectingSink::article(std::move(a));
    }
};

TEST(ReadFile, AFileThatVanishesOrChangesMidRunIsReportedAndTheRunGoesOn) {
    TempDir tmp;
    const std::string first = tmp.write("a.txt", "Anna Weber\nThe first article is read before the others change.\n");
    const std::string gone = tmp.write("b.txt", "This file is deleted before it is read.\n");
    const std::string folder = tmp.write("c.txt", "This file becomes a folder before it is read.\n");
    const std::string last = tmp.write("d.txt", "The last article is still read after the trouble.\n");
    SabotagingSink sink;
    sink.to_remove = {gone};
    sink.to_replace_by_folder = folder;
    for (const auto& path : {first, gone, folder, last}) readers::read_file(path, {}, sink);
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    ASSERT_EQ(sink.problems.size(), 2u) << sink.report();
    EXPECT_EQ(sink.problems[0].where, gone);
    EXPECT_EQ(sink.problems[0].level, Problem::Level::Failed);
    EXPECT_EQ(sink.problems[0].reason, "No such file or directory");
    EXPECT_EQ(sink.problems[1].where, folder);
    EXPECT_EQ(sink.problems[1].reason, "is a directory");
}

TEST(ReadFile, IdsAreCanonicalPathsAndFilesOverTheLimitAreSkipped) {
    TempDir tmp;
    const std::string file = tmp.write("sub/x.jsonl", "{\"title\":\"T\",\"text\":\"Body.\"}\n");
    CollectingSink sink;
    readers::read_file(tmp.str() + "/sub/../sub/x.jsonl", {}, sink);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].id, fs::canonical(file).string() + "#1");

    readers::ReadOptions small;
    small.max_file_bytes = 10;
    CollectingSink big;
    readers::read_file(file, small, big);
    ASSERT_EQ(big.problems.size(), 1u);
    EXPECT_EQ(big.problems[0].level, Problem::Level::Skipped);
    EXPECT_NE(big.problems[0].reason.find("too large"), std::string::npos);
}

TEST(ReadFile, ForcedFormatsOverrideDetection) {
    readers::ReadOptions as_text;
    as_text.format = readers::Format::Text;
    const auto sink = read_named("page.html", "<p>Markup read as plain text on purpose.</p>", as_text);
    ASSERT_EQ(sink.articles.size(), 1u);
    EXPECT_EQ(sink.articles[0].paragraphs.at(0), "<p>Markup read as plain text on purpose.</p>");
}

TEST(ReadFile, LanguageIsDetectedUnlessDeclaredOrTurnedOff) {
    const std::string german = "Die Bundesregierung hat am Mittwoch neue Maßnahmen gegen die steigenden "
                               "Energiepreise beschlossen, sagte der Sprecher in Berlin.";
    EXPECT_EQ(read_named("de.txt", german).articles.at(0).language, "de");
    EXPECT_EQ(read_named("x.txt", "Language: fr\n\n" + german).articles.at(0).language, "fr");  // declared wins
    readers::ReadOptions off;
    off.detect_language = false;
    off.language = {"nl", "dutch"};
    EXPECT_EQ(read_named("de.txt", german, off).articles.at(0).language, "nl");
    EXPECT_EQ(read_named("short.txt", "Too short to tell.").articles.at(0).language, "en");  // --language default
}

// Found by fuzzing: parser messages quoting the input, URLs from WARC headers and charset
// names from meta tags carried invalid UTF-8 to the terminal and the index.
TEST(ReadFile, EverythingReportedOrIndexedIsValidUtf8) {
    const std::string warc_block = "<html><body><p>A page whose address holds a bad byte.</p></body></html>";
    const std::pair<const char*, std::string> inputs[] = {
        {"x.jsonl", "{\"title\": \"ok\", \"text\": \"fine\"}\n{\xFF\xFE\x80 garbage\n"},
        {"x.rss", "<rss><channel><item><title>\xC3(</title><description>\xFF text</description></item></channel></rss>"},
        {"x.html", "<meta charset='\xFF\xFE" "bad'><p>Text under a meta tag naming a charset that is not one.</p>"},
        {"x.warc", "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://bad.example/\xFF\r\nContent-Type: "
                   "text/html\r\nContent-Length: " + std::to_string(warc_block.size()) + "\r\n\r\n" + warc_block},
        {"x\xFF.txt", "A file whose own name is not UTF-8 still gives a valid id and path."},
    };
    for (const auto& [name, bytes] : inputs) {
        const auto sink = read_named(name, bytes);
        for (const auto& a : sink.articles) {
            EXPECT_TRUE(is_valid_utf8(a.id) && is_valid_utf8(a.path) && is_valid_utf8(a.url) && is_valid_utf8(a.title)) << name;
            for (const auto& p : a.paragraphs) EXPECT_TRUE(is_valid_utf8(p)) << name;
        }
        for (const auto& p : sink.problems) EXPECT_TRUE(is_valid_utf8(p.where) && is_valid_utf8(p.reason)) << name;
        EXPECT_FALSE(sink.articles.empty() && sink.problems.empty()) << name;
    }
}

// Found by fuzzing: a header naming more columns than the rows have.
TEST(ReadFile, CsvHeaderWiderThanItsRows) {
    const auto sink = read_named("narrow.csv", "id,title,summary,text\nonly one cell\nand another\n");
    for (const auto& a : sink.articles) EXPECT_FALSE(a.paragraphs.empty());
    EXPECT_FALSE(sink.problems.empty());
}

}  // namespace
}  // namespace newsdex::test
