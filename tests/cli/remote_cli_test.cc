// End-to-end tests of searching databases served by xapian-tcpsrv (Xapian's remote
// backend) on 127.0.0.1: two shards, each behind its own server, must search as one
// database holding the same articles would: same ids in the same order, same snippets,
// facets, counts, spelling, collapsing, sorting and more-like-this.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <thread>

#include "tests/cli/cli_support.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

namespace fs = std::filesystem;

/// The program's path on $PATH, or "" when it is not installed.
std::string find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        auto end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
        if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return {};
}

/// A port nothing listens on right now (the kernel's choice for an ephemeral bind).
unsigned free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    unsigned port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0)
        port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
}

bool accepts_connections(unsigned port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

/// xapian-tcpsrv serving one database on 127.0.0.1, stopped when destroyed.
class TcpServer {
  public:
    TcpServer(const std::string& program, const std::string& db) {
        // Another process may take the free port before the server binds it: try again.
        for (int attempt = 0; attempt < 5 && !process_; ++attempt) {
            port_ = free_port();
            auto process = std::make_unique<ChildProcess>(std::vector<std::string>{
                program, "--port", std::to_string(port_), "--interface", "127.0.0.1", db});
            const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
            while (process->running() && std::chrono::steady_clock::now() < deadline) {
                if (accepts_connections(port_)) {
                    process_ = std::move(process);
                    break;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
    }
    bool started() const { return process_ != nullptr; }
    std::string spec() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
    unsigned port() const { return port_; }

  private:
    std::unique_ptr<ChildProcess> process_;
    unsigned port_ = 0;
};

class RemoteCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tcpsrv_ = find_program("xapian-tcpsrv");
        if (tcpsrv_.empty()) return;
        tmp_ = std::make_unique<TempDir>();
        const fs::path a = tmp_->path() / "a", b = tmp_->path() / "b";
        fs::create_directories(a);
        fs::create_directories(b);
        std::set<fs::path> files;
        for (const auto& entry : fs::directory_iterator(std::string(NEWSDEX_CORPUS_DIR) + "/text"))
            if (entry.is_regular_file()) files.insert(entry.path());
        bool to_a = true;
        for (const auto& file : files) {
            fs::copy_file(file, (to_a ? a : b) / file.filename());
            to_a = !to_a;
        }
        // A syndicated copy beside its original, so collapsing has a group to fold.
        for (const fs::path& folder : {a, b})
            if (fs::exists(folder / "scholz-taurus-refusal.txt"))
                fs::copy_file(folder / "scholz-taurus-refusal.txt", folder / "copy-of-scholz-taurus-refusal.txt");

        single_ = tmp_->str() + "/single";
        shard_a_ = tmp_->str() + "/shard-a";
        shard_b_ = tmp_->str() + "/shard-b";
        for (const auto& [db, inputs] : {std::pair{single_, std::vector<std::string>{a.string(), b.string()}},
                                         std::pair{shard_a_, std::vector<std::string>{a.string()}},
                                         std::pair{shard_b_, std::vector<std::string>{b.string()}}}) {
            std::vector<std::string> args{"--db", db, "--quiet"};
            args.insert(args.end(), inputs.begin(), inputs.end());
            const auto r = index_cmd(args);
            ASSERT_EQ(r.exit_code, 0) << r.err;
        }
        server_a_ = std::make_unique<TcpServer>(tcpsrv_, shard_a_);
        server_b_ = std::make_unique<TcpServer>(tcpsrv_, shard_b_);
        ASSERT_TRUE(server_a_->started() && server_b_->started()) << "xapian-tcpsrv did not start";
        stub_ = tmp_->str() + "/remote.stub";
        std::ofstream(stub_) << "remote 127.0.0.1:" << server_a_->port() << "\nremote 127.0.0.1:" << server_b_->port()
                             << "\n";
    }
    static void TearDownTestSuite() {
        server_a_.reset();
        server_b_.reset();
        tmp_.reset();
    }
    void SetUp() override {
        if (tcpsrv_.empty()) GTEST_SKIP() << "xapian-tcpsrv (Debian's xapian-tools) is not installed";
    }

    static nlohmann::json search_json(const std::vector<std::string>& dbs, std::vector<std::string> args) {
        std::vector<std::string> all{"--format", "json"};
        for (const auto& db : dbs) all.insert(all.end(), {"--db", db});
        all.insert(all.end(), args.begin(), args.end());
        const auto r = search_cmd(all);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return r.exit_code <= 1 ? nlohmann::json::parse(r.out) : nlohmann::json::object();
    }
    static std::vector<std::string> single() { return {single_}; }
    static std::vector<std::string> remote() { return {server_a_->spec(), server_b_->spec()}; }
    static std::vector<std::string> stub() { return {stub_}; }
    static std::vector<std::string> mixed() { return {shard_a_, server_b_->spec()}; }

    static inline std::string tcpsrv_;
    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string single_, shard_a_, shard_b_, stub_;
    static inline std::unique_ptr<TcpServer> server_a_, server_b_;
};

/// The hits as runs of equal score: articles that tie may come in either order (docids
/// differ between one database and shards), everything else in the same order.
std::vector<std::set<std::string>> ranking(const nlohmann::json& j) {
    std::vector<std::set<std::string>> runs;
    double last = -1;
    for (const auto& h : j["hits"]) {
        const double score = h["score"];
        if (runs.empty() || std::fabs(score - last) > 1e-9 * std::max(1.0, std::fabs(score))) runs.emplace_back();
        runs.back().insert(h["id"].get<std::string>());
        last = score;
    }
    return runs;
}

/// Everything a reader sees of each hit, by id (its rank: see ranking()).
std::map<std::string, std::string> shown(const nlohmann::json& j) {
    std::map<std::string, std::string> out;
    for (const auto& h : j["hits"])
        out[h["id"]] = h["snippet"].get<std::string>() + "|" + h["title_highlighted"].get<std::string>() + "|" +
                       h["fragments"].dump() + "|" + std::to_string(h["similar"].get<int>());
    return out;
}

void expect_same(const nlohmann::json& expected, const nlohmann::json& actual, const std::string& what) {
    SCOPED_TRACE(what);
    ASSERT_TRUE(actual.contains("hits")) << actual.dump();
    EXPECT_FALSE(expected["hits"].empty()) << "the query should match something";
    EXPECT_EQ(ranking(actual), ranking(expected));
    EXPECT_EQ(shown(actual), shown(expected));
    EXPECT_EQ(actual["total"], expected["total"]);
    EXPECT_EQ(actual["partial"], expected["partial"]);
}

const std::vector<std::vector<std::string>> kQueries = {
    {"Taurus"},
    {"Taurus", "missiles"},
    {"\"Storm Shadow\""},
    {"Scholz NEAR/5 Taurus"},
    {"title:Taurus OR author:Connolly"},
    {"date:2024-03", "Taurus"},
    {"what did the German defence minister say about the leaked call"},
    {"Bundeswehr"},
};

TEST_F(RemoteCli, TwoServedShardsRankAndShowHitsAsOneDatabase) {
    for (const auto& query : kQueries) {
        std::vector<std::string> args{"--limit", "50"};
        args.insert(args.end(), query.begin(), query.end());
        const auto expected = search_json(single(), args);
        expect_same(expected, search_json(remote(), args), "tcp:// " + query.front());
        expect_same(expected, search_json(stub(), args), "stub " + query.front());
        expect_same(expected, search_json(mixed(), args), "local + remote " + query.front());
    }
}

TEST_F(RemoteCli, WildcardsFindTheSameArticles) {
    // Xapian estimates a wildcard's statistics shard by shard, so its weights (and order)
    // differ from one database's; what it finds and marks must not.
    const auto expected = search_json(single(), {"--all", "--limit", "50", "intercept*"});
    const auto actual = search_json(remote(), {"--all", "--limit", "50", "intercept*"});
    std::set<std::string> want, got;
    for (const auto& h : expected["hits"]) want.insert(h["id"].get<std::string>());
    for (const auto& h : actual["hits"]) got.insert(h["id"].get<std::string>());
    EXPECT_FALSE(want.empty());
    EXPECT_EQ(got, want);
    for (const auto& h : actual["hits"]) EXPECT_NE(h["snippet"].get<std::string>().find("<mark>"), std::string::npos) << h["snippet"];
}

TEST_F(RemoteCli, DuplicatesFoldAcrossTheServer) {
    const auto folded = search_json(remote(), {"--limit", "50", "Taurus OR Kerch OR Scholz OR WebEx OR Connolly"});
    const auto every = search_json(remote(), {"--all", "--limit", "50", "Taurus OR Kerch OR Scholz OR WebEx OR Connolly"});
    int similar = 0;
    for (const auto& h : folded["hits"]) similar += h["similar"].get<int>();
    EXPECT_GE(similar, 1) << "the copy folds into its original";
    EXPECT_EQ(every["hits"].size(), folded["hits"].size() + static_cast<std::size_t>(similar));
    expect_same(search_json(single(), {"--limit", "50", "Taurus OR Kerch OR Scholz OR WebEx OR Connolly"}), folded,
                "collapsed");
}

TEST_F(RemoteCli, FacetsCountsAndSortingMatchOneDatabase) {
    const std::vector<std::string> facets{"--facet", "author", "--facet", "source", "--facet", "year",
                                          "--facet", "month",  "--facet", "lang",   "Taurus OR Scholz"};
    const auto expected = search_json(single(), facets);
    const auto actual = search_json(remote(), facets);
    EXPECT_EQ(actual["facets"], expected["facets"]);
    EXPECT_EQ(actual["facet_total"], expected["facet_total"]);

    const auto count = [](const std::vector<std::string>& dbs) {
        std::vector<std::string> args{"--count"};
        for (const auto& db : dbs) args.insert(args.end(), {"--db", db});
        args.push_back("Taurus OR Scholz OR ferry");
        return search_cmd(args).out;
    };
    EXPECT_EQ(count(remote()), count(single()));

    for (const auto& sort : {"recent", "date", "-date"}) {
        const std::vector<std::string> args{"--sort", sort, "--limit", "50", "Taurus"};
        expect_same(search_json(single(), args), search_json(remote(), args), std::string("--sort ") + sort);
    }
    const std::vector<std::string> newest{"--limit", "50", "--since", "2024-01", "author:Connolly"};
    expect_same(search_json(single(), newest), search_json(remote(), newest), "filters only, newest first");
}

TEST_F(RemoteCli, SpellingIsCorrectedThroughTheServer) {
    for (const auto& query : {"Pistorus", "Taursu missiles"}) {
        const auto expected = search_json(single(), {query});
        const auto actual = search_json(remote(), {query});
        SCOPED_TRACE(query);
        ASSERT_FALSE(expected.value("corrected_from", nlohmann::json()).is_null()) << expected.dump();
        EXPECT_EQ(actual["query"], expected["query"]);
        EXPECT_EQ(actual["corrected_from"], expected["corrected_from"]);
        EXPECT_EQ(ranking(actual), ranking(expected));
    }
}

TEST_F(RemoteCli, MoreLikeThisFindsTheSameArticles) {
    const auto first = search_json(single(), {"--limit", "1", "Kerch"});
    ASSERT_FALSE(first["hits"].empty());
    const std::string id = first["hits"][0]["id"];
    const auto expected = search_json(single(), {"--like", id, "--limit", "10"});
    const auto actual = search_json(remote(), {"--like", id, "--limit", "10"});
    EXPECT_EQ(ranking(actual), ranking(expected));
    EXPECT_EQ(actual["like"], expected["like"]);
}

TEST_F(RemoteCli, AServerThatIsDownIsOneLineAndExitTwo) {
    const unsigned port = free_port();
    const std::string spec = "tcp://127.0.0.1:" + std::to_string(port);
    const auto r = search_cmd({"--db", spec, "Taurus"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(line_count(r.err), 1u) << r.err;
    EXPECT_TRUE(contains(r.err, spec)) << r.err;
}

TEST_F(RemoteCli, MalformedAddressesAreUsageErrors) {
    for (const auto& spec : {"tcp://", "tcp://host", "tcp://host:0", "tcp://host:99999", "tcp://:33333",
                             "tcp://[::1]33333"}) {
        const auto r = search_cmd({"--db", spec, "Taurus"});
        EXPECT_EQ(r.exit_code, 2) << spec;
        const std::string first_line = r.err.substr(0, r.err.find('\n'));
        EXPECT_TRUE(contains(first_line, std::string("--db ") + spec + ": ")) << r.err;
    }
    const auto r = index_cmd({"--db", "tcp://127.0.0.1:33333", NEWSDEX_CORPUS_DIR});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_TRUE(contains(r.err, "writes local databases only")) << r.err;
}

}  // namespace
}  // namespace newsdex::test
