// End-to-end: incremental re-runs, --prune, --rebuild while searchers read, --stats, and
// duplicate collapsing in the searcher.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

std::string copy_corpus(const TempDir& tmp) {
    const std::string in = tmp.str() + "/in";
    fs::copy(std::string(NEWSDEX_CORPUS_DIR) + "/text", in, fs::copy_options::recursive);
    return in;
}

std::size_t files_in(const std::string& dir) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
    return n;
}

TEST(IncrementalCli, ARerunOverAnUnchangedTreeReadsNoFile) {
    TempDir tmp;
    const std::string in = copy_corpus(tmp), db = tmp.str() + "/db";
    const std::string n = std::to_string(files_in(in));
    const auto first = index_cmd({"--db", db, in});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(contains(first.out, "from " + n + " files (" + n + " read, 0 unchanged)")) << first.out;

    const auto second = index_cmd({"--db", db, "--verbose", in});
    EXPECT_EQ(second.exit_code, 0) << second.err;
    // The proof that nothing was read: 0 files read, 0 MB/s, every file "unchanged".
    EXPECT_TRUE(contains(second.out, "indexed 0 articles (0 new, 0 updated), 0 unchanged, 0 deleted")) << second.out;
    EXPECT_TRUE(contains(second.out, "from " + n + " files (0 read, " + n + " unchanged)")) << second.out;
    EXPECT_TRUE(contains(second.out, "0.00 MB/s")) << second.out;
    EXPECT_TRUE(contains(second.out, "unchanged " + in + "/scholz-taurus-refusal.txt\n")) << second.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), files_in(in));
}

TEST(IncrementalCli, ModifiedAddedAndDeletedFiles) {
    TempDir tmp;
    const std::string in = copy_corpus(tmp), db = tmp.str() + "/db";
    const std::size_t n = files_in(in);
    ASSERT_EQ(index_cmd({"--db", db, in}).exit_code, 0);

    {
        std::ofstream out(in + "/scholz-taurus-refusal.txt", std::ios::app);
        out << "\nIn a late addition, the chancellery confirmed a zeppelinesque delay.\n";
    }
    tmp.write("in/new-article.txt", "Title: Brand new\n\nA freshly filed article about quokkas on Rottnest Island.\n");
    fs::remove(in + "/prize-bull-county-show.txt");

    const auto r = index_cmd({"--db", db, "--verbose", in});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 2 articles (1 new, 1 updated), 0 unchanged, 0 deleted")) << r.out;
    EXPECT_TRUE(contains(r.out, "(2 read, " + std::to_string(n - 2) + " unchanged)")) << r.out;
    EXPECT_TRUE(contains(r.out, "indexed " + in + "/new-article.txt: 1 new")) << r.out;
    EXPECT_TRUE(contains(r.out, "indexed " + in + "/scholz-taurus-refusal.txt: 1 updated")) << r.out;
    EXPECT_EQ(search_cmd({"--db", db, "zeppelinesque"}).exit_code, 0);
    EXPECT_EQ(search_cmd({"--db", db, "quokkas"}).exit_code, 0);
    // Without --prune the deleted file's article stays (an archive keeps what it had).
    EXPECT_EQ(Xapian::Database(db).get_doccount(), n + 1);

    const auto pruned = index_cmd({"--db", db, "--prune", "--verbose", in});
    EXPECT_EQ(pruned.exit_code, 0) << pruned.err;
    EXPECT_TRUE(contains(pruned.out, "0 unchanged, 1 deleted")) << pruned.out;
    EXPECT_TRUE(contains(pruned.out, "pruned " + fs::canonical(in).string() + "/prize-bull-county-show.txt: 1 article removed"))
        << pruned.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), n);
}

TEST(IncrementalCli, PruneLeavesRootsNotNamedAlone) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    tmp.write("a/one.txt", "Title: One\n\nThe first folder's article about harbour cranes.\n");
    tmp.write("b/two.txt", "Title: Two\n\nThe second folder's article about mountain goats.\n");
    ASSERT_EQ(index_cmd({"--db", db, tmp.str() + "/a", tmp.str() + "/b"}).exit_code, 0);
    fs::remove(tmp.str() + "/a/one.txt");
    fs::remove(tmp.str() + "/b/two.txt");
    const auto r = index_cmd({"--db", db, "--prune", tmp.str() + "/a"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 deleted")) << r.out;
    EXPECT_EQ(search_cmd({"--db", db, "cranes"}).exit_code, 1);
    EXPECT_EQ(search_cmd({"--db", db, "goats"}).exit_code, 0);
}

TEST(IncrementalCli, OnAPipeProgressIsPlainPeriodicLines) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 300);
    const auto r = index_cmd({"--db", tmp.str() + "/db", "--progress-interval", "0.05", "--batch-size", "10", in});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, "newsdex-index: progress: ")) << r.err;
    EXPECT_TRUE(contains(r.err, " files, ")) << r.err;
    EXPECT_TRUE(contains(r.err, "articles/s")) << r.err;
    EXPECT_FALSE(contains(r.err, "\r")) << "no terminal control on a pipe";
    EXPECT_FALSE(contains(r.err, "\033")) << "no terminal control on a pipe";
    EXPECT_EQ(line_count(r.out), 1u) << r.out;

    const auto quiet = index_cmd({"--db", tmp.str() + "/db2", "--quiet", "--progress-interval", "0.05", in});
    EXPECT_EQ(quiet.exit_code, 0);
    EXPECT_EQ(quiet.out, "");
    EXPECT_EQ(quiet.err, "");
    EXPECT_EQ(index_cmd({"--quiet", "--verbose", in}).exit_code, 2);
}

TEST(IncrementalCli, StatsSayWhatTheDatabaseHolds) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, NEWSDEX_CORPUS_DIR "/text"}).exit_code, 0);
    const auto r = index_cmd({"--db", db, "--stats"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string n = std::to_string(files_in(std::string(NEWSDEX_CORPUS_DIR) + "/text"));
    EXPECT_TRUE(contains(r.out, "articles: " + n + "\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "source files: " + n + "\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "The Berlin Ledger")) << r.out;
    // corpus/ has one article in German (Language: de), the rest in English.
    EXPECT_TRUE(contains(r.out, "languages: en " + std::to_string(std::stoi(n) - 1) + ", de 1\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "dates: ")) << r.out;
    EXPECT_TRUE(contains(r.out, "size on disk: ")) << r.out;
    EXPECT_TRUE(contains(r.out, "last update: 20")) << r.out;

    const auto missing = index_cmd({"--db", tmp.str() + "/nothing", "--stats"});
    EXPECT_EQ(missing.exit_code, 3);
    EXPECT_TRUE(contains(missing.err, "no database at")) << missing.err;
}

TEST(IncrementalCli, RebuildIsAtomicForSearchers) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const std::size_t old_count = files_in(std::string(NEWSDEX_CORPUS_DIR) + "/text");
    ASSERT_EQ(index_cmd({"--db", db, NEWSDEX_CORPUS_DIR "/text"}).exit_code, 0);
    const std::string fresh = write_generated_corpus(tmp.str() + "/fresh", 400);

    // Small batches: the new index is committed many times while it is built.
    ChildProcess rebuild({NEWSDEX_INDEX_BIN, "--db", db, "--rebuild", "--batch-size", "10", "--jobs", "2", fresh});
    std::size_t looks = 0, searches = 0;
    while (rebuild.running()) {
        const Xapian::doccount seen = Xapian::Database(db).get_doccount();
        ASSERT_TRUE(seen == old_count || seen == 400u) << "a searcher saw a half-built index: " << seen;
        ++looks;
        if (looks % 10 == 0) {
            const auto s = search_cmd({"--db", db, "--limit", "1", "report OR Taurus"});
            EXPECT_EQ(s.exit_code, 0) << s.err;
            ++searches;
        }
    }
    EXPECT_EQ(rebuild.wait(), 0) << rebuild.err();
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 400u);
    EXPECT_EQ(search_cmd({"--db", db, "Taurus"}).exit_code, 1) << "the old articles are gone";
    EXPECT_GT(looks, 0u);
    // Only the new generation is left on disk.
    std::size_t generations = 0;
    for (const auto& e : fs::directory_iterator(db)) generations += e.path().filename().string().starts_with("gen-");
    EXPECT_EQ(generations, 1u);
}

TEST(IncrementalCli, SearchesDuringIndexingWorkAndSeeEachCommit) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, NEWSDEX_CORPUS_DIR "/text"}).exit_code, 0);
    const std::string more = write_generated_corpus(tmp.str() + "/more", 300);
    ChildProcess indexer({NEWSDEX_INDEX_BIN, "--db", db, "--batch-size", "20", more});
    Xapian::doccount last = 0;
    int searches = 0;
    while (indexer.running()) {
        const auto s = search_cmd({"--db", db, "--format", "json", "--limit", "1", "report"});
        ASSERT_TRUE(s.exit_code == 0 || s.exit_code == 1) << s.err;
        const Xapian::doccount seen = Xapian::Database(db).get_doccount();
        EXPECT_GE(seen, last) << "a commit went missing";
        last = seen;
        ++searches;
    }
    EXPECT_EQ(indexer.wait(), 0) << indexer.err();
    EXPECT_GT(searches, 0);
    const auto final_search = search_cmd({"--db", db, "--format", "json", "\"report number\""});
    EXPECT_EQ(nlohmann::json::parse(final_search.out)["total"], 300);
}

TEST(IncrementalCli, AV1DatabaseKeepsWorkingAndCanBeRebuilt) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    {
        // What v1 left: a plain glass folder with metadata and articles but no file state.
        Xapian::WritableDatabase v1(db, Xapian::DB_CREATE_OR_OPEN);
        v1.set_metadata("newsdex.schema_version", "1");
        v1.set_metadata("newsdex.language", "english");
        v1.commit();
    }
    const std::string file = corpus_file("scholz-taurus-refusal.txt");
    auto r = index_cmd({"--db", db, file});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(fs::exists(db + "/iamglass")) << "written in place";
    EXPECT_EQ(index_cmd({"--db", db, "--rebuild", file}).exit_code, 0);
    EXPECT_FALSE(fs::exists(db + "/iamglass"));
    EXPECT_TRUE(fs::exists(db + "/XAPIANDB"));
    EXPECT_EQ(search_cmd({"--db", db, "Taurus"}).exit_code, 0);
}

/// One JSON Lines record per word: dated (so a re-read record is identical), with a body
/// drawn from the word alone (so records neither depend on their position nor look like
/// near-duplicates of each other).
std::string jsonl_records(const std::vector<std::string>& words) {
    static const char* filler[] = {"river", "budget", "tunnel", "senate", "bakery", "quarry", "verdict",
                                   "reactor", "harvest", "border", "festival", "pension", "tariff",
                                   "museum", "drought", "satellite", "forest", "stadium", "ferry", "summit"};
    std::string out;
    for (const auto& w : words) {
        std::uint64_t state = std::hash<std::string>{}(w) | 1;
        std::string text = "Survey of " + w + ":";
        for (int i = 0; i < 40; ++i) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;
            text += ' ';
            text += filler[state % 20];
            text += std::to_string(state % 97);
        }
        out += R"({"title": "A report on )" + w + R"(", "date": "2024-03-01", "text": ")" + text + "\"}\n";
    }
    return out;
}

bool has_id(const std::string& db, const std::string& id) {
    const Xapian::Database xdb(db);
    return xdb.postlist_begin("Q" + id) != xdb.postlist_end("Q" + id);
}

TEST(IncrementalCli, MultiArticleFilesAndArchivesKeepAndDropRecordsPerFile) {
    TempDir tmp;
    const std::string in = tmp.str() + "/in", db = tmp.str() + "/db";
    tmp.write("in/dump.jsonl", jsonl_records({"cranes", "glaciers", "orchards", "lighthouses", "vineyards"}));
    tmp.write("desk/a.txt", "Title: Quokkas\nDate: 2024-03-01\n\nRangers counted the quokkas on the island.\n");
    tmp.write("desk/b.txt", "Title: Zeppelins\nDate: 2024-03-02\n\nA museum restored two zeppelins this spring.\n");
    const auto tar = [&](const std::vector<std::string>& members) {
        std::string command = "tar -czf " + in + "/desk.tar.gz -C " + tmp.str();
        for (const auto& m : members) command += " " + m;
        const auto r = run_command({"/bin/sh", "-c", command});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    tar({"desk/a.txt", "desk/b.txt"});
    const std::string canon = fs::canonical(in).string();

    const auto first = index_cmd({"--db", db, in});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(contains(first.out, "indexed 7 articles (7 new, 0 updated)")) << first.out;
    for (int n = 1; n <= 5; ++n) EXPECT_TRUE(has_id(db, canon + "/dump.jsonl#" + std::to_string(n))) << n;
    EXPECT_TRUE(has_id(db, canon + "/desk.tar.gz!desk/b.txt"));

    // Unchanged: neither file is read again, and every record stays.
    const auto same = index_cmd({"--db", db, in});
    EXPECT_EQ(same.exit_code, 0) << same.err;
    EXPECT_TRUE(contains(same.out, "indexed 0 articles (0 new, 0 updated), 0 unchanged, 0 deleted")) << same.out;
    EXPECT_TRUE(contains(same.out, "from 2 files (0 read, 2 unchanged)")) << same.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 7u);

    // Shrunk: the JSON Lines file loses its last two lines and has its second rewritten;
    // the archive loses a member. Each is re-read whole; what it no longer holds goes.
    tmp.write("in/dump.jsonl", jsonl_records({"cranes", "pelicans", "orchards"}));
    tar({"desk/a.txt"});
    const auto shrunk = index_cmd({"--db", db, "--verbose", in});
    EXPECT_EQ(shrunk.exit_code, 0) << shrunk.err;
    EXPECT_TRUE(contains(shrunk.out, "indexed 1 article (0 new, 1 updated), 3 unchanged, 3 deleted")) << shrunk.out;
    EXPECT_TRUE(contains(shrunk.out, "from 2 files (2 read, 0 unchanged)")) << shrunk.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 4u);
    EXPECT_TRUE(has_id(db, canon + "/dump.jsonl#3"));
    EXPECT_FALSE(has_id(db, canon + "/dump.jsonl#4"));
    EXPECT_FALSE(has_id(db, canon + "/dump.jsonl#5"));
    EXPECT_TRUE(has_id(db, canon + "/desk.tar.gz!desk/a.txt"));
    EXPECT_FALSE(has_id(db, canon + "/desk.tar.gz!desk/b.txt"));
    EXPECT_EQ(search_cmd({"--db", db, "pelicans"}).exit_code, 0);
    for (const char* gone : {"glaciers", "lighthouses", "vineyards", "zeppelins"})
        EXPECT_EQ(search_cmd({"--db", db, gone}).exit_code, 1) << gone;

    const auto again = index_cmd({"--db", db, in});
    EXPECT_TRUE(contains(again.out, "from 2 files (0 read, 2 unchanged)")) << again.out;
}

TEST(IncrementalCli, StandardInputIsReadEveryRunAndReplacesWhatItLastGave) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const std::string three = tmp.write("three.jsonl", jsonl_records({"cranes", "glaciers", "orchards"}));
    const std::string two = tmp.write("two.jsonl", jsonl_records({"cranes", "pelicans"}));
    tmp.write("in/local.txt", "Title: Local\nDate: 2024-03-01\n\nThe ferry timetable changes on Monday.\n");
    const auto from_stdin = [&](const std::string& file, const std::string& extra = {}) {
        return run_command({"/bin/sh", "-c", std::string(NEWSDEX_INDEX_BIN) + " --db " + db + " " + extra + " - < " + file});
    };

    auto r = from_stdin(three);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 3 articles (3 new, 0 updated)")) << r.out;
    EXPECT_TRUE(has_id(db, "stdin#3"));
    // No state to compare: standard input is read again, and identical records stay as they are.
    r = from_stdin(three);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "(0 new, 0 updated), 3 unchanged, 0 deleted")) << r.out;
    EXPECT_TRUE(contains(r.out, "from 1 file (1 read, 0 unchanged)")) << r.out;
    // A shorter stream replaces the last one: stdin#3 goes.
    r = from_stdin(two);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "(0 new, 1 updated), 1 unchanged, 1 deleted")) << r.out;
    EXPECT_FALSE(has_id(db, "stdin#3"));
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 2u);
    // --prune never takes standard input for a missing file, nor prunes its articles.
    r = from_stdin(two, "--prune " + tmp.str() + "/in");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "0 deleted")) << r.out;
    EXPECT_EQ(Xapian::Database(db).get_doccount(), 3u);
    EXPECT_EQ(search_cmd({"--db", db, "pelicans"}).exit_code, 0);
    const Xapian::Database xdb(db);
    for (auto key = xdb.metadata_keys_begin(); key != xdb.metadata_keys_end(); ++key)
        EXPECT_FALSE(contains(*key, "stdin")) << "a file state for standard input: " << *key;
}

TEST(DuplicatesCli, TheSearcherCollapsesCopiesUnlessAskedForAll) {
    TempDir tmp;
    const std::string db = tmp.str() + "/db";
    const std::string body =
        "Fishermen in the port of Ostend landed a record catch of sole on Tuesday, the harbour authority said, "
        "after three weeks of calm weather kept the fleet at sea. Prices at the fish auction fell by a fifth as "
        "buyers from France and the Netherlands held back. The cooperative's chairman said the windfall would "
        "help boats pay for new nets required under European rules. Environmental groups warned that the North "
        "Sea sole stock remained fragile and called for the quota to be cut next year.";
    tmp.write("in/wire.txt", "Title: Record sole catch in Ostend\nSource: Wire\n\n" + body + "\n");
    tmp.write("in/paper-a.txt", "Title: Ostend fleet lands bumper haul\nSource: Paper A\n\n" + body + "\n");
    tmp.write("in/paper-b.txt", "Title: Sole prices tumble\nSource: Paper B\n\nOSTEND (Wire) - " + body +
                                    " A spokesman for the port declined to comment further.\n");
    tmp.write("in/other.txt", "Title: Sole quota talks\nSource: Paper C\n\nMinisters meet in Brussels to set "
                              "next year's quota for North Sea sole and plaice, with scientists urging cuts.\n");
    const auto r = index_cmd({"--db", db, "--jobs", "1", tmp.str() + "/in"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "2 duplicates (1 exact, 1 near)")) << r.out;

    auto s = search_cmd({"--db", db, "sole"});
    EXPECT_EQ(s.exit_code, 0);
    EXPECT_TRUE(contains(s.out, "+2 similar")) << s.out;
    EXPECT_TRUE(contains(s.out, "2 matches")) << s.out;

    s = search_cmd({"--db", db, "--all", "sole"});
    EXPECT_TRUE(contains(s.out, "4 matches")) << s.out;
    EXPECT_FALSE(contains(s.out, "similar")) << s.out;

    s = search_cmd({"--db", db, "--format", "json", "sole"});
    const auto j = nlohmann::json::parse(s.out);
    EXPECT_EQ(j["collapsed"], true);
    ASSERT_EQ(j["hits"].size(), 2u);
    EXPECT_EQ(j["hits"][0]["similar"].get<int>() + j["hits"][1]["similar"].get<int>(), 2);

    // Collapsed, Xapian only estimates the count; --count counts the groups exactly.
    EXPECT_EQ(search_cmd({"--db", db, "--count", "sole"}).out, "2\n");
    EXPECT_EQ(search_cmd({"--db", db, "--all", "--count", "sole"}).out, "4\n");

    // Facets count the folded copies too: each was printed by its own paper.
    s = search_cmd({"--db", db, "--format", "json", "--facet", "source", "sole"});
    const auto f = nlohmann::json::parse(s.out);
    EXPECT_EQ(f["total"], 2);
    EXPECT_EQ(f["facet_total"], 4);
    EXPECT_EQ(f["facets"]["source"].size(), 4u) << s.out;
    s = search_cmd({"--db", db, "--facet", "source", "sole"});
    EXPECT_TRUE(contains(s.out, "Facets (over all 4 matching articles, similar copies included):")) << s.out;
    s = search_cmd({"--db", db, "--all", "--facet", "source", "sole"});
    EXPECT_TRUE(contains(s.out, "Facets (over all 4 matches):")) << s.out;
}

}  // namespace
}  // namespace newsdex::test
