// End-to-end: newsdex-index on small generated files built to crash, hang or exhaust a
// reader (issue 20): JSON nested 100,000 deep, an XML entity that amplifies, a WARC
// record with a lying length, a short text with NULs, a nested .tar.xz bomb, Reuters
// stories sharing a NEWID, an element with 60,000 attributes. Each run must finish with
// the bad input named on one line, the good articles indexed, in bounded time and memory.
#include <sys/resource.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

/// A run of newsdex-index killed after 120 s (a hang shows as exit -1 or 137, never as a
/// stuck test), with the peak memory of the largest program this test has run.
struct BoundedRun {
    CommandResult result;
    long peak_rss_mib = 0;
};

BoundedRun bounded_index(std::vector<std::string> args) {
    args.insert(args.begin(), {"/usr/bin/timeout", "-s", "KILL", "120", NEWSDEX_INDEX_BIN});
    BoundedRun run{run_command(args)};
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);  // timeout reaps the indexer, so its peak is included
    run.peak_rss_mib = usage.ru_maxrss / 1024;
    return run;
}

constexpr long kMemoryBoundMiB = 1024;

/// The ids `newsdex-search --ids` prints for a query, as a set.
std::set<std::string> ids_for(const std::string& db, const std::string& query) {
    const auto r = search_cmd({"--db", db, "--ids", "--all", "--limit", "1000", query});
    std::set<std::string> ids;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
        if (!line.empty()) ids.insert(line);
    return ids;
}

std::size_t occurrences(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

std::string nested(const std::string& open, const std::string& inner, const std::string& close, int depth) {
    std::string out;
    out.reserve((open.size() + close.size()) * static_cast<std::size_t>(depth) + inner.size());
    for (int i = 0; i < depth; ++i) out += open;
    out += inner;
    for (int i = 0; i < depth; ++i) out += close;
    return out;
}

/// A short article with two NUL bytes in it.
std::string nul_text() { return std::string("Anna Weber\nThe seagull") + '\0' + " council met on" + '\0' + " Monday.\n"; }

// ---- the hostile files, each beside a good one --------------------------------------------

void write_deep_json(const TempDir& tmp) {
    const std::string deep_array = nested("[", "\"x\"", "]", 100000);  // about 200 KB
    tmp.write("in/deep.jsonl",
              "{\"title\":\"First\",\"text\":\"The zeppelin record before the deep line is indexed.\"}\n"
              "{\"title\":\"Deep\",\"text\":" + deep_array + "}\n"
              "{\"title\":\"Third\",\"text\":\"The zeppelin record after the deep line is indexed too.\"}\n");
    tmp.write("in/deep.json",
              "[{\"title\":\"Kept\",\"text\":\"A zeppelin article whose extra field nests too deep.\",\"extra\":" +
                  nested("{\"a\":", "1", "}", 100000) + "},"
              "{\"title\":\"Also kept\",\"text\":\"The second zeppelin article of the JSON list.\"}]");
    tmp.write("in/author.jsonl",
              "{\"text\":\"A zeppelin article with an author list nested too deep.\",\"author\":" + deep_array + "}\n");
    tmp.write("in/ld.html",
              "<!doctype html><html><head><title>Zeppelin page</title>"
              "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Zeppelin page\",\"x\":" +
                  deep_array + "}</script></head><body><article><p>The zeppelin page keeps its article text "
                               "although its JSON-LD block nests a hundred thousand lists.</p></article></body></html>");
}

void write_entity_feeds(const TempDir& tmp) {
    std::string refs;
    for (int i = 0; i < 10000; ++i) refs += "&e;";
    const std::string declaration = "<!DOCTYPE rss [<!ENTITY e \"" + std::string(50000, 'x') + "\">]>\n";
    tmp.write("in/bomb.xml", "<?xml version=\"1.0\"?>\n" + declaration +
                                 "<rss version=\"2.0\"><channel><title>Bomb</title><item><title>Bomb</title>"
                                 "<description>" + refs + "</description></item></channel></rss>\n");
    // The same amplification through an attribute value (Atom's link href).
    tmp.write("in/attribute-bomb.atom",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY e \"" + std::string(50000, 'x') + "\">]>\n"
              "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>Link</title>"
              "<link href=\"" + refs + "\"/><summary>A summary of the entry.</summary></entry></feed>\n");
    // An internal entity used as intended is still read.
    tmp.write("in/entity.xml",
              "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY org \"Glacier Council\">]>\n"
              "<rss version=\"2.0\"><channel><title>Fine</title><item><title>Glacier news</title>"
              "<description>The &org; met on Monday, and the &org; voted to close the pass.</description>"
              "</item></channel></rss>\n");
    // Deep nesting stops at libxml2's depth limit; the item before it is read.
    tmp.write("in/deep.xml", "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Deep</title>"
                             "<item><title>Glacier before the depth</title><description>The glacier item before "
                             "the deep markup is read.</description></item><item>" +
                                 nested("<x>", "", "</x>", 100000) + "</item></channel></rss>\n");
}

std::string warc_record(const std::string& uri, const std::string& words, long long announced = -1) {
    const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                             "<html><head><title>" + words + "</title></head><body><article><p>" + words +
                             ": a page of ordinary article text, long enough to be the page's main text.</p>"
                             "</article></body></html>";
    const std::size_t length = announced < 0 ? http.size() : static_cast<std::size_t>(announced);
    return "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri +
           "\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
           "Content-Length: " + std::to_string(length) + "\r\n\r\n" + http + "\r\n\r\n";
}

void write_lying_warcs(const TempDir& tmp) {
    // A length past the end of the file, and one that swallows the next record whole.
    tmp.write("in/past-end.warc", warc_record("http://example.org/1", "Gondola one") +
                                      warc_record("http://example.org/2", "Gondola two", 10'000'000) +
                                      warc_record("http://example.org/3", "Gondola three") +
                                      warc_record("http://example.org/4", "Gondola four"));
    const std::string two = warc_record("http://example.org/b", "Gondola bee");
    const std::string three = warc_record("http://example.org/c", "Gondola sea");
    const std::string two_body = two.substr(two.find("\r\n\r\n") + 4);
    const auto lying = static_cast<long long>(two_body.size() - 4 + three.size() + 10);
    tmp.write("in/swallows.warc", warc_record("http://example.org/a", "Gondola ay") +
                                      warc_record("http://example.org/b", "Gondola bee", lying) + three +
                                      warc_record("http://example.org/d", "Gondola dee"));
}

void write_duplicate_newids(const TempDir& tmp) {
    auto story = [](const std::string& newid, const std::string& title, const std::string& body) {
        return "<REUTERS NEWID=\"" + newid + "\">\n<DATE> 5-MAR-1987 10:00:00.00</DATE>\n<TEXT>\n<TITLE>" + title +
               "</TITLE>\n<BODY>" + body + "\n Reuter\n</BODY></TEXT>\n</REUTERS>\n";
    };
    tmp.write("in/dup.sgm", story("7", "Walnut prices rise", "Walnut prices rose in March, traders said.") +
                                story("7", "Walnut strike ends", "The walnut strike ended after a week of talks.") +
                                story("8", "Walnut exports", "Walnut exports fell by a tenth last year."));
}

/// tar -cJf of a folder's contents (what a user would make).
void tar_xz(const fs::path& folder, const fs::path& archive) {
    const auto r = run_command({"/usr/bin/tar", "-cJf", archive.string(), "-C", folder.string(), "."});
    ASSERT_EQ(r.exit_code, 0) << r.err;
}

/// 64 articles of 256 KiB (16 MiB of text) in three levels of .tar.xz: a few KiB on disk.
void write_nested_archive_bomb(const TempDir& tmp) {
    const fs::path work = tmp.path() / "bomb-work";
    std::string text;
    while (text.size() < (256u << 10)) text += "The lighthouse keeper logged the storm again tonight.\n";
    for (const char* leaf : {"a.txt", "b.txt", "c.txt", "d.txt"}) tmp.write("bomb-work/l3/" + std::string(leaf), text);
    fs::create_directories(work / "l2");
    fs::create_directories(work / "l1");
    tar_xz(work / "l3", work / "l3.tar.xz");
    for (int i = 0; i < 4; ++i) fs::copy_file(work / "l3.tar.xz", work / "l2" / ("l3-" + std::to_string(i) + ".tar.xz"));
    tar_xz(work / "l2", work / "l2.tar.xz");
    for (int i = 0; i < 4; ++i) fs::copy_file(work / "l2.tar.xz", work / "l1" / ("l2-" + std::to_string(i) + ".tar.xz"));
    fs::create_directories(tmp.path() / "in");
    tar_xz(work / "l1", tmp.path() / "in" / "bomb.tar.xz");
}

void write_many_attributes(const TempDir& tmp) {
    std::string tag = "<div";
    for (int i = 0; i < 60000; ++i) tag += " a" + std::to_string(i) + "=\"v\"";
    tag += ">";
    tmp.write("in/attributes.html", "<!doctype html><html><head><title>Pretzel page</title></head><body><article>" +
                                        tag + "<p>The pretzel page keeps its article text although one of its "
                                              "elements carries sixty thousand attributes.</p></div></article>"
                                              "</body></html>");
}

// ---- one test per item of issue 20 --------------------------------------------------------

TEST(HostileInputCli, JsonNestedDeepIsCutAtTheNestingLimitNotACrash) {
    TempDir tmp;
    write_deep_json(tmp);
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "skipped: " + in + "deep.jsonl:2: JSON nested more than 256 levels deep"))
        << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "deep.json: indexed, but values nested more than 256"))
        << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "author.jsonl:1: indexed, but values nested more than 256"))
        << run.result.err;
    EXPECT_LT(run.peak_rss_mib, kMemoryBoundMiB);
    const auto ids = ids_for(db, "zeppelin");
    const std::string dir = fs::canonical(in).string() + "/";
    EXPECT_EQ(ids, (std::set<std::string>{dir + "deep.jsonl#1", dir + "deep.jsonl#3", dir + "deep.json#1",
                                          dir + "deep.json#2", dir + "author.jsonl#1", dir + "ld.html"}));
}

TEST(HostileInputCli, AmplifyingXmlEntityIsSkippedWithOneLine) {
    TempDir tmp;
    write_entity_feeds(tmp);
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    EXPECT_EQ(occurrences(run.result.err, "skipped: " + in + "bomb.xml: XML entity references expand to over 1.0 MiB"),
              1u) << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "skipped: " + in + "attribute-bomb.atom: XML entity references expand"))
        << run.result.err;
    EXPECT_LT(run.peak_rss_mib, kMemoryBoundMiB);
    // The entity used as intended is expanded, and the item before the deep markup is read.
    EXPECT_EQ(ids_for(db, "\"Glacier Council met\"").size(), 1u) << run.result.err;
    EXPECT_EQ(ids_for(db, "glacier").size(), 2u) << run.result.err;
}

TEST(HostileInputCli, WarcRecordWithATooLargeLengthLosesNoRecordAfterIt) {
    TempDir tmp;
    write_lying_warcs(tmp);
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    for (const char* file : {"past-end.warc", "swallows.warc"})
        EXPECT_TRUE(contains(run.result.err, "failed: " + in + file + "#2: WARC record's Content-Length"))
            << run.result.err;
    const std::string dir = fs::canonical(in).string() + "/";
    EXPECT_EQ(ids_for(db, "gondola"),
              (std::set<std::string>{dir + "past-end.warc#1", dir + "past-end.warc#3", dir + "past-end.warc#4",
                                     dir + "swallows.warc#1", dir + "swallows.warc#3", dir + "swallows.warc#4"}))
        << run.result.err;
}

TEST(HostileInputCli, ShortTextWithNulBytesIsReadWithTheNulsRemoved) {
    TempDir tmp;
    tmp.write("in/nul.txt", nul_text());
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 0) << run.result.out << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "nul.txt: indexed, but 2 NUL bytes removed"))
        << run.result.err;
    EXPECT_EQ(ids_for(db, "seagull council").size(), 1u);
}

TEST(HostileInputCli, NestedArchivesAreHeldToMaxSizeInTotal) {
    TempDir tmp;
    write_nested_archive_bomb(tmp);
    tmp.write("in/good.txt", "Anna Weber\nThe lighthouse on the point was repainted this week.\n");
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    ASSERT_LT(fs::file_size(in + "bomb.tar.xz"), 64u << 10);
    const auto run = bounded_index({"--db", db, "--max-size", "2", in});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    // One line for the whole archive, naming the member where the limit was reached.
    EXPECT_EQ(occurrences(run.result.err, "archive expands to over 2.0 MiB in all"), 1u) << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "skipped: " + in + "bomb.tar.xz!")) << run.result.err;
    // 2 MiB holds 7 of the 256 KiB articles (and the good file beside the archive is read).
    const auto ids = ids_for(db, "lighthouse");
    EXPECT_EQ(ids.size(), 8u) << run.result.out;
    EXPECT_TRUE(ids.count(fs::canonical(in).string() + "/good.txt"));
    EXPECT_LT(run.peak_rss_mib, kMemoryBoundMiB);
}

TEST(HostileInputCli, RecordsAndMembersSharingAnIdAreBothKept) {
    TempDir tmp;
    write_duplicate_newids(tmp);
    tmp.write("in/cisi.txt", ".I 1\n.T\nWalnut survey\n.W\nA survey of walnut owners.\n"
                             ".I 1\n.T\nWalnut census\n.W\nA census of walnut trees.\n");
    // A tar holding two members of one name (tar -r appends the second).
    tmp.write("v1/notes.txt", "Anna Weber\nThe first walnut note of the desk archive.\n");
    tmp.write("v2/notes.txt", "Anna Weber\nThe second walnut note, appended under the same name.\n");
    for (const char* version : {"v1", "v2"}) {
        const std::string mode = std::string(version) == "v1" ? "-cf" : "-rf";
        const auto tar = run_command({"/usr/bin/tar", mode, tmp.str() + "/in/desk.tar", "-C", tmp.str() + "/" + version,
                                      "notes.txt"});
        ASSERT_EQ(tar.exit_code, 0) << tar.err;
    }
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 0) << run.result.out << run.result.err;
    EXPECT_TRUE(contains(run.result.out, "indexed 7 articles (7 new, 0 updated)")) << run.result.out;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "desk.tar!notes.txt: indexed, but an earlier member has the "
                                                          "same name: this one is indexed as !notes.txt~2"))
        << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "dup.sgm#7: indexed, but record key 7 is already taken "
                                                          "by an earlier record of this file: indexed as #7~2"))
        << run.result.err;
    const std::string dir = fs::canonical(in).string() + "/";
    EXPECT_EQ(ids_for(db, "walnut"), (std::set<std::string>{dir + "dup.sgm#7", dir + "dup.sgm#7~2", dir + "dup.sgm#8",
                                                             dir + "cisi.txt#1", dir + "cisi.txt#1~2",
                                                             dir + "desk.tar!notes.txt", dir + "desk.tar!notes.txt~2"}));
    EXPECT_EQ(ids_for(db, "id:" + dir + "dup.sgm#7~2").size(), 1u);
    // A re-run finds every article unchanged: the ids are stable.
    const auto again = bounded_index({"--db", db, in});
    EXPECT_TRUE(contains(again.result.out, "0 new, 0 updated")) << again.result.out;
}

TEST(HostileInputCli, ManyHtmlAttributesAreCutBeforeParsing) {
    TempDir tmp;
    write_many_attributes(tmp);
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, in});
    EXPECT_EQ(run.result.exit_code, 0) << run.result.out << run.result.err;
    EXPECT_TRUE(contains(run.result.err, "warning: " + in + "attributes.html: indexed, but an element with 60000 "
                                                          "attributes (limit 256): the attributes past the limit dropped"))
        << run.result.err;
    EXPECT_EQ(ids_for(db, "pretzel").size(), 1u);
}

TEST(HostileInputCli, AFolderOfEveryHostileInputIndexesEveryGoodArticle) {
    TempDir tmp;
    write_deep_json(tmp);
    write_entity_feeds(tmp);
    write_lying_warcs(tmp);
    write_duplicate_newids(tmp);
    write_nested_archive_bomb(tmp);
    write_many_attributes(tmp);
    tmp.write("in/nul.txt", nul_text());
    write_generated_corpus(tmp.str() + "/in/good", 50);
    const std::string db = tmp.str() + "/db", in = tmp.str() + "/in/";
    const auto run = bounded_index({"--db", db, "--max-size", "2", in});
    EXPECT_EQ(run.result.exit_code, 1) << run.result.out << run.result.err;
    EXPECT_LT(run.peak_rss_mib, kMemoryBoundMiB);
    EXPECT_EQ(ids_for(db, "report").size(), 50u);
    EXPECT_EQ(ids_for(db, "zeppelin").size(), 6u);
    EXPECT_EQ(ids_for(db, "gondola").size(), 6u);
    EXPECT_EQ(ids_for(db, "walnut").size(), 3u);
    EXPECT_EQ(ids_for(db, "pretzel").size(), 1u);
    EXPECT_EQ(ids_for(db, "seagull").size(), 1u);
    for (const char* bad : {"deep.jsonl:2: ", "bomb.xml: ", "attribute-bomb.atom: ", "past-end.warc#2: ",
                            "swallows.warc#2: ", "bomb.tar.xz!"})
        EXPECT_EQ(occurrences(run.result.err, in + bad), 1u) << bad << "\n" << run.result.err;
}

}  // namespace
}  // namespace newsdex::test
