// newsdex-index: options -> IndexWriter + ingest pipeline -> summary and exit status.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "cli/option_values.h"
#include "core/db/db_stats.h"
#include "core/error.h"
#include "core/index/index_writer.h"
#include "core/index/ingest.h"
#include "core/index/synonyms.h"
#include "indexer/console.h"
#include "indexer/options.h"
#include "indexer/signals.h"
#include "indexer/summary.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

int fail(const std::string& message, int code, const std::string& hint = {}) {
    return cli::fail(kIndexProgram, message, code, hint);
}

int interrupted_status() { return kExitSignalBase + (stop_signal() ? stop_signal() : SIGINT); }

int run(IndexerConfig& config) {
    const std::string& db = config.writer.db_path;
    const bool rebuild = config.writer.rebuild;
    install_stop_handlers();
    Console console(stdout, stderr, Console::detect(stderr, config.quiet), config.verbose,
                    std::chrono::milliseconds(static_cast<long>(config.progress_interval * 1000)));
    // Read the synonym file before opening the database: a typo in it changes nothing.
    std::vector<SynonymGroup> synonyms;
    if (!config.synonyms.empty()) synonyms = read_synonym_file(config.synonyms);
    if (config.ingest.paths.empty() && config.synonyms.empty()) {
        std::cout << format_stats(read_db_stats(db));
        return kExitOk;
    }

    const auto start = std::chrono::steady_clock::now();
    config.writer.on_wait = [&](pid_t pid) {
        console.note("waiting for the newsdex-index writing " + db +
                     (pid > 0 ? " (pid " + std::to_string(pid) + ")" : std::string()) + " to finish");
    };
    config.writer.should_stop = [] { return stop_requested().load(); };
    IndexWriter writer(config.writer);
    if (!config.synonyms.empty()) {
        const std::size_t keys = writer.replace_synonyms(synonyms);
        if (!config.quiet)
            std::printf("loaded %zu synonym group%s (%zu keys) from %s\n", synonyms.size(),
                        synonyms.size() == 1 ? "" : "s", keys, config.synonyms.c_str());
        if (config.ingest.paths.empty()) {  // only synonyms to load
            writer.finish();
            if (config.stats) std::cout << format_stats(read_db_stats(db));
            return kExitOk;
        }
    }
    const IngestStats stats = ingest(writer, config.ingest, console, stop_requested());
    if (stats.interrupted && rebuild)
        writer.commit();  // kept for nobody: an unfinished rebuild is never published
    else
        writer.finish(!stats.interrupted);
    console.finish();

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!config.quiet) std::cout << format_summary(stats, seconds, db) << std::flush;
    if (stats.interrupted) {
        const char* name = stop_signal() == SIGTERM ? "SIGTERM" : "SIGINT";
        console.note(std::string("stopped by ") + name + ": " +
                     (rebuild ? "the rebuild was abandoned; the database is as it was before it"
                                     : "everything read so far is committed; run again to finish"));
        return interrupted_status();
    }
    if (config.stats) std::cout << format_stats(read_db_stats(db));
    return stats.skipped + stats.failed > 0 ? kExitSomeInputs : kExitOk;
}

}  // namespace

int main(int argc, char** argv) try {
    IndexerConfig config;
    if (auto code = parse_options(argc, argv, config)) return *code;
    return run(config);
} catch (const po::error& e) {
    return fail(e.what(), kExitUsage, "see newsdex-index --help");
} catch (const Error& e) {
    if (stop_requested().load()) return fail(e.what(), interrupted_status());
    return fail(e.what(), e.kind() == ErrorKind::Usage ? kExitUsage : kExitDatabase, e.hint());
} catch (const Xapian::Error& e) {
    return fail(e.get_description(), kExitDatabase);
} catch (const std::exception& e) {
    return fail(e.what(), kExitDatabase);
}
