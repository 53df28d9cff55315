// End-to-end: newsdex-index on a folder that mixes every input format, on broken inputs,
// and on standard input; newsdex-search on the result.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/support/gzip.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

std::string corpus(const std::string& relative) { return fs::canonical(NEWSDEX_CORPUS_DIR).string() + "/" + relative; }

std::set<std::string> terms_of(const Xapian::Database& db, const std::string& id) {
    Xapian::PostingIterator p = db.postlist_begin("Q" + id);
    if (p == db.postlist_end("Q" + id)) return {};
    const Xapian::Document doc = db.get_document(*p);
    return {doc.termlist_begin(), doc.termlist_end()};
}

TEST(FormatsCli, TheMixedCorpusIndexesInOneRun) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const auto r = index_cmd({"--db", db, NEWSDEX_CORPUS_DIR});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    // Only the announced repairs: a Latin-1 file read as such, and the WARC's non-page records.
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) EXPECT_TRUE(contains(line, ": warning: ")) << line;
    EXPECT_TRUE(contains(r.err, "zuerich-wohnungen-latin1.txt: indexed, but not UTF-8")) << r.err;
    EXPECT_TRUE(contains(r.err, "coastal-crawl.warc.gz: indexed, but 6 of 8 records were not article pages")) << r.err;
    // 37 text + 2 HTML + 5 feed items + 8 JSON records + 2 WARC pages + 6 archive members
    // + 2 encodings + 3 CSV rows + 2 SGML stories + 2 SMART records.
    EXPECT_TRUE(contains(r.out, "indexed 69 articles (69 new, 0 updated)")) << r.out;

    const Xapian::Database xdb(db);
    EXPECT_EQ(xdb.get_doccount(), 69u);
    struct Expect {
        std::string id;
        std::vector<std::string> terms;
    };
    const Expect expected[] = {
        {corpus("html/harbour-ferry-strike.html"), {"Len", "Aholt", "D20240418", "wheelhouse"}},
        {corpus("html/greve-controleurs-aeriens.html"), {"Lfr", "Zgrev", "Aclaire"}},
        {corpus("feeds/alpine-observer.atom#2"), {"Lde", "Zseilbahn", "Hobserver.example.net"}},
        {corpus("feeds/coastal-courier.rss#1"), {"Len", "hypothermia", "XSOURCEcourier"}},
        {corpus("json/wire-dump.jsonl#2"), {"Les", "Zbiciclet", "Afernández"}},
        {corpus("json/wire-dump.jsonl#3"), {"Lit", "Zstatu"}},
        {corpus("json/wire-dump.jsonl#4"), {"Lnl", "Zfietsenstall"}},
        {corpus("json/wire-dump.jsonl#5"), {"Lpt", "Zregr"}},
        {corpus("json/wire-dump.jsonl#6"), {"Lru", "Zбиблиотек"}},
        {corpus("json/news-api.json#2"), {"XSOURCEharbour", "polar"}},
        {corpus("warc/coastal-crawl.warc.gz#3"), {"Aberg", "midnight", "Uhttps://courier.example.org/2024/04/30/night-buses"}},
        {corpus("warc/coastal-crawl.warc.gz#8"), {"Lde", "Zfahr"}},
        {corpus("archives/regional-desk.tar.gz!regional-desk/briefs.jsonl#2"), {"volunteers"}},
        {corpus("archives/sports-desk.zip!sports-desk/rowing-regatta.txt"), {"Anatarajan", "regatta"}},
        {corpus("encodings/zuerich-wohnungen-latin1.txt"), {"Lde", "zürich", "Zwohnung"}},
        {corpus("encodings/lyon-velos-utf16.txt"), {"Lfr", "vélos", "Agarnier"}},
        {corpus("csv/market-briefs.csv#1"), {"quay", "D20240308"}},
        {corpus("collections/wire-stories.sgm#1"), {"berth", "XSOURCEreuters"}},
        {corpus("collections/estuary-abstracts.txt#2"), {"breakwaters"}},
    };
    for (const auto& e : expected) {
        const auto terms = terms_of(xdb, e.id);
        ASSERT_FALSE(terms.empty()) << "no document " << e.id;
        for (const auto& t : e.terms) EXPECT_TRUE(terms.count(t)) << e.id << " lacks " << t;
    }

    // The searcher finds articles of every format; language is a filterable field (L terms).
    const auto s = search_cmd({"--db", db, "--format", "json", "Seilbahn"});
    ASSERT_EQ(s.exit_code, 0) << s.err;
    const auto j = nlohmann::json::parse(s.out);
    ASSERT_FALSE(j["hits"].empty());
    EXPECT_EQ(j["hits"][0]["id"], corpus("feeds/alpine-observer.atom#2"));
    EXPECT_EQ(j["hits"][0]["language"], "de");
    EXPECT_EQ(j["hits"][0]["url"], "https://observer.example.net/de/2024/02/11/seilbahn");

    const auto german = search_cmd({"--db", db, "--format", "json", "--limit", "100", "lang:de"});
    ASSERT_EQ(german.exit_code, 0) << german.err;
    const auto g = nlohmann::json::parse(german.out);
    // The Atom entry, the WARC page, the Latin-1 file and the German text article.
    EXPECT_EQ(g["hits"].size(), 4u) << german.out;
    for (const auto& hit : g["hits"]) EXPECT_EQ(hit["language"], "de") << hit["id"];
}

TEST(FormatsCli, BrokenInputsAreEachReportedAndTheGoodOnesIndexed) {
    TempDir tmp;
    const fs::path in = tmp.path() / "in";
    fs::copy(std::string(NEWSDEX_TEST_DATA_DIR) + "/broken", in, fs::copy_options::recursive);
    tmp.write("in/good.txt", "Anna Weber\nThe council voted to reopen the library on Monday after repairs.\n");
    tmp.write("in/binary.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(200, '\0'));
    tmp.write("in/nul-bytes.txt", std::string("A text article with a stray NUL") + '\0' +
                                      " byte in it is repaired, not thrown away, when it is otherwise text.\n");
    tmp.write("in/one-huge-line.txt", std::string(20 << 20, 'x'));
    const std::string jsonl = "{\"title\":\"Kept\",\"text\":\"The record before the damage is kept.\"}\n"
                              "{\"title\":\"Also kept\",\"text\":\"" + std::string(200000, 'y') + "\"}\n";
    const std::string packed = gzip(jsonl);
    tmp.write("in/truncated.jsonl.gz", packed.substr(0, packed.size() / 2));
    tmp.write("in/corrupt.tar.gz", "\x1F\x8B\x08\x00 this is not deflate data at all, just bytes after a gzip magic");
    std::string deep = "<html><body>";
    for (int i = 0; i < 100000; ++i) deep += "<div>";
    tmp.write("in/deep.html", deep + "<p>A paragraph at the bottom of one hundred thousand open divisions.</p>");

    const auto r = index_cmd({"--db", tmp.str() + "/db", in.string(), tmp.str() + "/vanished.txt"});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    const std::string dir = in.string() + "/";
    const std::vector<std::string> reports = {
        "skipped: " + dir + "empty.txt: empty file",
        "skipped: " + dir + "binary.txt: binary file, not text",
        "warning: " + dir + "nul-bytes.txt: indexed, but 1 NUL byte removed",
        "skipped: " + dir + "one-huge-line.txt: a single line of 20.0 MiB",
        "failed: " + dir + "truncated.jsonl.gz: truncated or corrupt gzip data",
        "skipped: " + dir + "truncated.jsonl.gz:2: malformed JSON",
        "failed: " + dir + "corrupt.tar.gz: truncated or corrupt gzip data after 0 decompressed bytes",
        "warning: " + dir + "deep.html: indexed, but markup nested 100003 elements deep",
        "skipped: " + dir + "malformed-lines.jsonl:2: malformed JSON",
        "skipped: " + dir + "malformed-lines.jsonl:4: malformed JSON",
        "skipped: " + dir + "no-body.html: no article text in the page",
        "skipped: " + dir + "not-a-feed.xml: XML, but not an RSS or Atom feed",
        "warning: " + dir + "cut-off.rss: indexed, but malformed XML",
        "failed: " + dir + "damaged.warc#2: not a WARC record header",
        "skipped: " + dir + "open-quote.csv:4: a quoted field is never closed",
        "skipped: " + dir + "furniture-only.txt: no article text",
        "failed: " + tmp.str() + "/vanished.txt: No such file or directory",
    };
    for (const auto& line : reports) EXPECT_TRUE(contains(r.err, "newsdex-index: " + line)) << line << "\n" << r.err;
    // Every problem is one line, and each line names its file.
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) EXPECT_TRUE(contains(line, tmp.str())) << line;
    // good.txt, nul-bytes.txt, truncated.jsonl.gz#1, deep.html, 3 JSON lines, unclosed.html,
    // 2 cut-off.rss items (the cut one partly), 2 WARC pages, 2 CSV rows.
    EXPECT_TRUE(contains(r.out, "indexed 14 articles")) << r.out;
    const auto s = search_cmd({"--db", tmp.str() + "/db", "--format", "json", "damage"});
    EXPECT_EQ(s.exit_code, 0) << s.err;
}

TEST(FormatsCli, ReadsStandardInputWithAndWithoutFormat) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const std::string feed = corpus("feeds/coastal-courier.rss");
    auto r = run_command({"/bin/sh", "-c", std::string(NEWSDEX_INDEX_BIN) + " --db " + db + " --format rss - < " + feed});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 2 articles")) << r.out;
    const std::string jsonl = corpus("json/wire-dump.jsonl");
    r = run_command({"/bin/sh", "-c", std::string(NEWSDEX_INDEX_BIN) + " --db " + db + " - < " + jsonl});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 6 articles")) << r.out;  // sniffed as JSON Lines
    const Xapian::Database xdb(db);
    EXPECT_FALSE(terms_of(xdb, "stdin#6").empty());

    r = index_cmd({"--db", db, "--format", "pdf", "x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "unknown --format \"pdf\"")) << r.err;
    r = index_cmd({"--db", db, "--field", "colour=x", "x"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "unknown article field \"colour\"")) << r.err;
    r = index_cmd({"--db", db, "-", "-"});
    EXPECT_EQ(r.exit_code, 2);
}

TEST(FormatsCli, FieldOptionsMapNestedJson) {
    TempDir tmp;
    const std::string file = tmp.write("dump.jsonl",
        "{\"meta\":{\"headline\":\"Nested headline\",\"by\":[{\"name\":\"Ines Duarte\"}]},\"body\":{\"plain\":\"Text under a custom key.\"}}\n");
    const std::string db = tmp.str() + "/db";
    const auto r = index_cmd({"--db", db, "--field", "title=meta.headline", "--field", "author=meta.by.name",
                              "--field", "text=body.plain", file});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto s = search_cmd({"--db", db, "--format", "json", "custom"});
    const auto j = nlohmann::json::parse(s.out);
    ASSERT_EQ(j["hits"].size(), 1u);
    EXPECT_EQ(j["hits"][0]["title"], "Nested headline");
    EXPECT_EQ(j["hits"][0]["author"], "Ines Duarte");
}

TEST(FormatsCli, SharedCorporaIndexWithoutLosingAnArticle) {
    const fs::path shared = fs::path(NEWSDEX_SHARED_DIR) / "corpora";
    if (!fs::exists(shared / "10kgnad_test/test.csv")) GTEST_SKIP() << "no ../shared corpora here";
    TempDir tmp;
    struct Case {
        std::string path;
        std::vector<std::string> summary;  ///< parts of the summary line
    };
    // The two with the trickiest formats, small enough for the sanitizer build: 10kGNAD's
    // semicolon CSV with apostrophe quotes only where needed, and Cranfield's SMART records
    // (two of which, 471 and 995, are empty and reported). The README lists all corpora.
    const Case cases[] = {
        {(shared / "10kgnad_test/test.csv").string(), {"indexed 1028 articles", "from 1 file (1 read,", "; 0 skipped"}},
        {(shared / "cranfield/cran.all.1400").string(),
         {"indexed 1398 articles (1398 new, 0 updated)", "from 1 file (1 read,", "; 2 skipped, 0 failed"}},
    };
    std::size_t n = 0;
    for (const auto& c : cases) {
        const auto r = index_cmd({"--db", tmp.str() + "/db" + std::to_string(++n), c.path});
        for (const auto& part : c.summary) EXPECT_TRUE(contains(r.out, part)) << c.path << ": " << r.out << r.err;
        EXPECT_LE(r.exit_code, 1) << r.err;
    }
}

}  // namespace
}  // namespace newsdex::test
