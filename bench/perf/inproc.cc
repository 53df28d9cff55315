// newsdex-perf-bench: in-process query latency, a Google Benchmark per query and system.
//
// Times exactly the call newsdex-search makes (Searcher::search: parse, rank, 10 hits,
// title and body snippets, duplicate counts) on a Searcher opened once, so what is
// measured is the library, warm, without process start or printing. When built with
// SQLite (NEWSDEX_PERF_FTS5) the same queries run against an FTS5 table in the same
// process: MATCH + highlight() + snippet(), top 10 by bm25(), a prepared statement.
//
// Each benchmark is one call per repetition (Iterations(1)), so the JSON output
// (--benchmark_format=json) holds every single call's time: bench/perf pools them into
// p50/p95/p99. Run through bench/perf.sh; by hand:
//   newsdex-perf-bench --db DB --plan PLAN.tsv [--fts5 FTS.sqlite] [--reps 20]
//       --benchmark_format=json --benchmark_out=out.json   (one command line)
// PLAN.tsv lines: qid, class, newsdex query, FTS5 MATCH expression, date from, date to
// (written by bench/perf/queries.py; the dates are FTS5's filter, "" for none).
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "core/error.h"
#include "core/search/search.h"

#ifdef NEWSDEX_PERF_FTS5
#include <sqlite3.h>
#endif

namespace {

struct PlanRow {
    std::string qid, klass, newsdex, fts5, date_from, date_to;
};

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, '\t')) out.push_back(field);
    if (!line.empty() && line.back() == '\t') out.emplace_back();
    return out;
}

std::vector<PlanRow> read_plan(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<PlanRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split_tabs(line);
        f.resize(6);
        rows.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    return rows;
}

#ifdef NEWSDEX_PERF_FTS5
/// One read-only FTS5 database with the query statement prepared once, as an
/// application would keep it; each call binds the query and steps through 10 rows.
class Fts5 {
  public:
    explicit Fts5(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(db_));
        // Title weighted 3x as Newsdex weights it; snippet() of up to 64 tokens is about
        // the 2 x 200 characters Newsdex shows.
        prepare(top_,
                "SELECT id, highlight(news, 1, '[', ']'), snippet(news, 2, '[', ']', '…', 64) "
                "FROM news WHERE news MATCH ?1 AND date BETWEEN ?2 AND ?3 "
                "ORDER BY bm25(news, 0.0, 3.0, 1.0) LIMIT 10");
        prepare(count_, "SELECT count(*) FROM news WHERE news MATCH ?1 AND date BETWEEN ?2 AND ?3");
    }
    ~Fts5() {
        sqlite3_finalize(top_);
        sqlite3_finalize(count_);
        sqlite3_close(db_);
    }
    Fts5(const Fts5&) = delete;
    Fts5& operator=(const Fts5&) = delete;

    /// Returns the rows fetched; the text is read (copied) as a client would.
    std::size_t top10(const PlanRow& q) {
        bind(top_, q);
        std::size_t rows = 0, bytes = 0;
        int rc;
        while ((rc = sqlite3_step(top_)) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < 3; ++c) {
                const unsigned char* text = sqlite3_column_text(top_, c);
                bytes += text ? std::string(reinterpret_cast<const char*>(text)).size() : 0;
            }
        }
        check(rc, q);
        benchmark::DoNotOptimize(bytes);
        return rows;
    }
    std::int64_t count(const PlanRow& q) {
        bind(count_, q);
        std::int64_t n = 0;
        int rc = sqlite3_step(count_);
        if (rc == SQLITE_ROW) n = sqlite3_column_int64(count_, 0);
        else check(rc, q);
        return n;
    }

  private:
    void prepare(sqlite3_stmt*& stmt, const char* sql) {
        if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("FTS5 statement: ") + sqlite3_errmsg(db_));
    }
    static void bind(sqlite3_stmt* stmt, const PlanRow& q) {
        sqlite3_reset(stmt);
        sqlite3_bind_text(stmt, 1, q.fts5.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 2, q.date_from.empty() ? "0000" : q.date_from.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 3, q.date_to.empty() ? "9999" : q.date_to.c_str(), -1, SQLITE_STATIC);
    }
    void check(int rc, const PlanRow& q) {
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            throw std::runtime_error("FTS5 query " + q.qid + " (" + q.fts5 + "): " + sqlite3_errmsg(db_));
    }
    sqlite3* db_ = nullptr;
    sqlite3_stmt* top_ = nullptr;
    sqlite3_stmt* count_ = nullptr;
};
#endif

struct Options {
    std::string db, plan, fts5;
    int reps = 20;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--db") o.db = value();
        else if (a == "--plan") o.plan = value();
        else if (a == "--fts5") o.fts5 = value();
        else if (a == "--reps") o.reps = std::stoi(value());
        else throw std::runtime_error("unknown option " + a + " (use --db, --plan, --fts5, --reps, --benchmark_*)");
    }
    if (o.db.empty() || o.plan.empty()) throw std::runtime_error("--db and --plan are required");
    return o;
}

}  // namespace

int main(int argc, char** argv) try {
    benchmark::Initialize(&argc, argv);  // takes the --benchmark_* flags out of argv
    const Options options = parse(argc, argv);
    const std::vector<PlanRow> plan = read_plan(options.plan);

    static newsdex::Searcher searcher(options.db);
    // Warm-up (one call each, untimed), which also records what each query finds: the
    // report shows hit counts beside the times so a query that finds nothing stands out.
    for (const auto& q : plan) {
        newsdex::SearchRequest request;
        request.query = q.newsdex;
        request.limit = 10;
        newsdex::SearchResults results;
        try {
            results = searcher.search(request);
        } catch (const newsdex::Error& e) {  // a query Newsdex refuses: reported, not timed
            benchmark::AddCustomContext("newsdex_error/" + q.qid, e.what());
            continue;
        }
        auto* b = benchmark::RegisterBenchmark(("newsdex/" + q.qid).c_str(), [q](benchmark::State& state) {
            newsdex::SearchRequest r;
            r.query = q.newsdex;
            r.limit = 10;
            for (auto _ : state) benchmark::DoNotOptimize(searcher.search(r));
        });
        b->Iterations(1)->Repetitions(options.reps)->Unit(benchmark::kMicrosecond)->UseRealTime();
        benchmark::AddCustomContext("newsdex_total/" + q.qid, std::to_string(results.total));
        benchmark::AddCustomContext("newsdex_hits/" + q.qid, std::to_string(results.hits.size()));
    }
#ifdef NEWSDEX_PERF_FTS5
    static std::unique_ptr<Fts5> fts5;
    if (!options.fts5.empty()) {
        fts5 = std::make_unique<Fts5>(options.fts5);
        for (const auto& q : plan) {
            const std::size_t rows = fts5->top10(q);
            benchmark::AddCustomContext("fts5_total/" + q.qid, std::to_string(fts5->count(q)));
            benchmark::AddCustomContext("fts5_hits/" + q.qid, std::to_string(rows));
            auto* b = benchmark::RegisterBenchmark(("fts5/" + q.qid).c_str(), [q](benchmark::State& state) {
                for (auto _ : state) benchmark::DoNotOptimize(fts5->top10(q));
            });
            b->Iterations(1)->Repetitions(options.reps)->Unit(benchmark::kMicrosecond)->UseRealTime();
        }
    }
#else
    if (!options.fts5.empty()) std::cerr << "newsdex-perf-bench: built without SQLite: --fts5 ignored\n";
#endif
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
} catch (const newsdex::Error& e) {
    std::cerr << "newsdex-perf-bench: " << e.what() << '\n';
    return 2;
} catch (const std::exception& e) {
    std::cerr << "newsdex-perf-bench: " << e.what() << '\n';
    return 2;
}
