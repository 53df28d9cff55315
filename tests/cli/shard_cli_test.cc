// Sharded databases end to end: the same articles indexed into one database and into
// three shards (by two worker threads) must search identically (ids, order, snippets,
// totals, collapse counts); incremental runs and --rebuild keep that; Xapian's own tools
// open the stub as one database.
#include <gtest/gtest.h>
#include <xapian.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kQueries = {
    "Taurus missiles", "\"Kerch Bridge\"", "election OR vote", "title:bridge", "minister", "bull",
    "council budget", "harbour NOT railway", "festival"};

/// The ids a query finds (up to 200), as a set.
std::set<std::string> found_ids(const std::string& db, const std::string& query) {
    const auto r = search_cmd({"--db", db, "--format", "json", "--all", "--limit", "200", query});
    std::set<std::string> out;
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (!json.is_discarded() && json.contains("hits"))
        for (const auto& hit : json["hits"]) out.insert(hit["id"].get<std::string>());
    return out;
}

/// The search results as JSON with the per-database parts left out: scores, and the
/// bounds of the estimated total and whether they meet (Xapian estimates them per shard
/// and adds them up, so they differ from one database's; the estimate is compared).
std::string results(const std::string& db, const std::string& query, bool all = false) {
    std::vector<std::string> args = {"--db", db, "--format", "json", "--limit", "20", query};
    if (all) args.insert(args.begin(), "--all");
    const auto r = search_cmd(args);
    EXPECT_LE(r.exit_code, 1) << query << ": " << r.err;
    auto json = nlohmann::json::parse(r.out, nullptr, false);
    if (json.is_discarded()) return r.out;
    if (json.contains("hits"))
        for (auto& hit : json["hits"]) hit.erase("score");
    // Xapian estimates totals per shard when it need not count every match, so whether a
    // total is exact, and the estimate, may differ: totals are compared by --count instead.
    json.erase("total");
    json.erase("total_all_words");
    json.erase("total_lower");
    json.erase("total_upper");
    json.erase("total_exact");
    return json.dump(1);
}

/// A short account of where two results differ, for the failure message: the first
/// differing line of each, with the hit id and rank before it.
std::string first_difference(const std::string& a, const std::string& b) {
    std::istringstream in_a(a), in_b(b);
    std::string la, lb, context;
    while (std::getline(in_a, la) && std::getline(in_b, lb)) {
        if (la != lb) return context + "\n--- one database: " + la + "\n--- shards:       " + lb;
        if (la.find("\"id\"") != std::string::npos || la.find("\"rank\"") != std::string::npos) context += la;
    }
    return "(one is a prefix of the other)";
}

void expect_same_results(const std::string& one, const std::string& sharded) {
    // A wildcard finds the same articles, but Xapian estimates its statistics shard by
    // shard, so its weights (and order) differ from one database's: compare what it finds.
    EXPECT_EQ(found_ids(one, "report*"), found_ids(sharded, "report*"));
    for (const auto& q : kQueries) {
        for (bool all : {false, true}) {
            const std::string a = results(one, q, all), b = results(sharded, q, all);
            EXPECT_TRUE(a == b) << q << (all ? " --all" : "") << first_difference(a, b);
        }
        EXPECT_EQ(search_cmd({"--db", one, "--count", q}).out, search_cmd({"--db", sharded, "--count", q}).out) << q;
    }
}

std::size_t doc_count(const std::string& db) { return Xapian::Database(db).get_doccount(); }

TEST(ShardCli, TheCorpusSearchesTheSameInOneDatabaseAndInThreeShards) {
    TempDir tmp;
    const std::string one = tmp.str() + "/one", three = tmp.str() + "/three";
    const std::string corpus = NEWSDEX_CORPUS_DIR;
    const auto a = index_cmd({"--db", one, "--shards", "1", "--jobs", "2", corpus});
    const auto b = index_cmd({"--db", three, "--shards", "3", "--jobs", "2", corpus});
    ASSERT_LE(a.exit_code, 1) << a.err;
    ASSERT_EQ(b.exit_code, a.exit_code) << b.err;
    std::ifstream stub(three + "/XAPIANDB");
    const std::string stub_text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    // gen-1 was written, then compacted into gen-2.
    EXPECT_EQ(stub_text, "auto gen-2/shard-0\nauto gen-2/shard-1\nauto gen-2/shard-2\n");
    EXPECT_FALSE(fs::exists(three + "/gen-1"));
    EXPECT_EQ(doc_count(one), doc_count(three));
    expect_same_results(one, three);
    // Duplicate statistics come out the same: groups are found across shards.
    auto stats = [](const std::string& db) {
        auto out = index_cmd({"--db", db, "--stats"}).out;
        auto from = out.find("duplicates:");
        return out.substr(from, out.find('\n', from) - from);
    };
    EXPECT_EQ(stats(one), stats(three));
}

std::string stub_of(const std::string& db) {
    std::ifstream stub(db + "/XAPIANDB");
    return std::string((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
}

/// Every word of the spelling dictionary with its frequency.
std::map<std::string, Xapian::termcount> spellings(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::map<std::string, Xapian::termcount> out;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) out[*it] = it.get_termfreq();
    return out;
}

// With one shard, a new database is still written by --jobs writers in parallel; the
// compaction merges their parts into one database that searches as one writer's would.
TEST(ShardCli, ParallelWritersOfOneDatabaseAreMergedIntoOne) {
    TempDir tmp;
    const std::string serial = tmp.str() + "/serial", parallel = tmp.str() + "/parallel";
    const std::string uncompacted = tmp.str() + "/uncompacted";
    const std::string corpus = NEWSDEX_CORPUS_DIR;
    const auto a = index_cmd({"--db", serial, "--jobs", "1", corpus});
    const auto b = index_cmd({"--db", parallel, "--jobs", "2", corpus});
    const auto c = index_cmd({"--db", uncompacted, "--jobs", "2", "--no-compact", corpus});
    ASSERT_LE(a.exit_code, 1) << a.err;
    ASSERT_EQ(b.exit_code, a.exit_code) << b.err;
    ASSERT_EQ(c.exit_code, a.exit_code) << c.err;
    EXPECT_EQ(stub_of(parallel), "auto gen-2\n");  // gen-1 held the parts
    EXPECT_FALSE(fs::exists(parallel + "/gen-1"));
    EXPECT_EQ(stub_of(uncompacted), "auto gen-1\n");  // one writer when nothing merges
    EXPECT_EQ(doc_count(serial), doc_count(parallel));
    EXPECT_EQ(spellings(serial), spellings(parallel));
    EXPECT_FALSE(spellings(parallel).empty());
    expect_same_results(serial, parallel);
    // Incremental runs write the merged database with one writer, as any single database.
    const auto again = index_cmd({"--db", parallel, "--jobs", "2", corpus});
    EXPECT_LE(again.exit_code, 1) << again.err;
    EXPECT_EQ(stub_of(parallel), "auto gen-2\n");
    EXPECT_EQ(doc_count(serial), doc_count(parallel));
}

TEST(ShardCli, IncrementalRunsOnShardsMatchAFreshBuild) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 300, 60);
    // Some duplicates, so that collapsing has something to do.
    for (int i = 0; i < 10; ++i) fs::copy_file(in + "/article-000" + std::to_string(i) + ".txt", in + "/copy-" + std::to_string(i) + ".txt");
    const std::string db = tmp.str() + "/db";
    const auto first = index_cmd({"--db", db, "--shards", "3", "--jobs", "2", "--batch-size", "50", in});
    ASSERT_EQ(first.exit_code, 0) << first.err;
    EXPECT_TRUE(contains(first.out, "310 new")) << first.out;
    EXPECT_TRUE(contains(first.out, "10 duplicates (10 exact")) << first.out;

    // Modify, delete and add files.
    for (int i = 20; i < 25; ++i) {
        std::ofstream out(in + "/article-00" + std::to_string(i) + ".txt", std::ios::app);
        out << "\nA late correction about the zeppelin number " << i << ".\n";
    }
    for (int i = 30; i < 35; ++i) fs::remove(in + "/article-00" + std::to_string(i) + ".txt");
    write_generated_corpus(in, 5, 60, "extra");
    const auto second = index_cmd({"--db", db, "--prune", "--jobs", "2", in});
    ASSERT_EQ(second.exit_code, 0) << second.err;
    EXPECT_TRUE(contains(second.out, "indexed 10 articles (5 new, 5 updated), 0 unchanged, 5 deleted")) << second.out;
    const auto third = index_cmd({"--db", db, in});
    EXPECT_TRUE(contains(third.out, "(0 read, 310 unchanged)")) << third.out;

    const std::string fresh = tmp.str() + "/fresh";
    ASSERT_EQ(index_cmd({"--db", fresh, "--shards", "3", in}).exit_code, 0);
    const std::string single = tmp.str() + "/single";
    ASSERT_EQ(index_cmd({"--db", single, in}).exit_code, 0);
    EXPECT_EQ(doc_count(db), 310u);
    EXPECT_EQ(doc_count(fresh), 310u);
    for (const std::string q : {"zeppelin", "council", "report", "harbour budget", "title:report"}) {
        const std::string updated = results(db, q), one = results(single, q);
        EXPECT_TRUE(updated == results(fresh, q)) << q << first_difference(updated, results(fresh, q));
        EXPECT_TRUE(updated == one) << q << first_difference(one, updated);
        EXPECT_TRUE(results(db, q, true) == results(single, q, true)) << q << " --all";
        EXPECT_EQ(search_cmd({"--db", db, "--count", q}).out, search_cmd({"--db", single, "--count", q}).out) << q;
    }
}

TEST(ShardCli, RebuildSwitchesShardCountAndXapianToolsOpenTheStub) {
    TempDir tmp;
    const std::string in = write_generated_corpus(tmp.str() + "/in", 40, 40);
    const std::string db = tmp.str() + "/db";
    ASSERT_EQ(index_cmd({"--db", db, "--shards", "3", in}).exit_code, 0);
    const auto rebuilt = index_cmd({"--db", db, "--rebuild", "--shards", "2", in});
    ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.err;
    std::ifstream stub(db + "/XAPIANDB");
    const std::string stub_text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    EXPECT_EQ(stub_text, "auto gen-4/shard-0\nauto gen-4/shard-1\n") << "gen-3 written, compacted into gen-4";
    for (const char* old : {"/gen-1", "/gen-2", "/gen-3"}) EXPECT_FALSE(fs::exists(db + old)) << old;
    EXPECT_EQ(doc_count(db), 40u);

    if (!fs::exists("/usr/bin/xapian-delve") || !fs::exists("/usr/bin/quest"))
        GTEST_SKIP() << "xapian-tools not installed";
    const auto delve = run_command({"/usr/bin/xapian-delve", db});
    EXPECT_EQ(delve.exit_code, 0) << delve.err;
    EXPECT_TRUE(contains(delve.out, "number of documents = 40")) << delve.out;
    const auto quest = run_command({"/usr/bin/quest", "-d", db, "report"});
    EXPECT_EQ(quest.exit_code, 0) << quest.err;
    EXPECT_TRUE(contains(quest.out, "MSet:")) << quest.out;
}

}  // namespace
}  // namespace newsdex::test
