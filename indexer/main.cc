// newsdex-index: options -> IndexWriter + ingest pipeline -> summary and exit status.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "core/db/db_path.h"
#include "core/db/db_stats.h"
#include "core/error.h"
#include "core/index/index_writer.h"
#include "core/index/ingest.h"
#include "core/text/language.h"
#include "core/readers/fields.h"
#include "core/readers/format.h"
#include "core/index/synonyms.h"
#include "indexer/console.h"
#include "indexer/signals.h"
#include "indexer/summary.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

constexpr const char* kProgram = "newsdex-index";

// Exit statuses (documented in --help and the README).
constexpr int kExitOk = 0;           // every input indexed
constexpr int kExitSomeInputs = 1;   // finished, but some inputs were skipped or failed
constexpr int kExitUsage = 2;        // bad options or arguments
constexpr int kExitDatabase = 3;     // the database could not be opened or written
constexpr int kExitSignalBase = 128; // stopped by SIGINT (130) or SIGTERM (143), work committed

struct Config {
    std::string db;
    std::vector<std::string> paths;
    Language language{"en", "english"};
    std::uintmax_t max_bytes = 64ULL << 20;
    std::size_t batch_size = 1000;
    std::size_t batch_bytes = 64ULL << 20;
    unsigned jobs = 1;
    unsigned shards = 1;
    bool compact = true;
    bool rebuild = false;
    bool prune = false;
    bool follow_symlinks = false;
    bool wait = false;
    bool stats = false;
    bool quiet = false;
    bool verbose = false;
    double progress_interval = 10;
    bool spelling = true;
    std::string synonyms;  ///< synonym file to load into the database; empty: leave as is
    readers::Format format = readers::Format::Auto;
    readers::FieldMap fields;
    bool detect_language = true;
};

const char* kUsage = R"(Usage: newsdex-index [OPTIONS] PATH...
       newsdex-index --stats

Index news articles into a Xapian database for newsdex-search. PATH is a file, a
folder (read recursively; hidden files are skipped) or - for standard input.
Formats are recognised by name and content, and a folder may mix them: plain text
(.txt, no extension), JSON Lines (.jsonl) and JSON (.json), HTML pages (.html),
RSS/Atom feeds (.rss, .atom, .xml), WARC web archives (.warc), CSV (.csv, .tsv),
Reuters SGML (.sgm) and SMART collections; any of them compressed (.gz, .bz2, .xz,
.zst) or in archives (.tar, .tar.gz, .tgz, .zip), in any common encoding.
Runs are incremental: a file whose size, modification time and inode are unchanged
since the last run is not read again; a changed file is re-read and its articles
replaced (those it no longer holds are removed). Standard input is always read.
Duplicates (the same body text, or the same story lightly rewritten) are grouped,
and newsdex-search shows one article per group unless asked for --all.

Examples:
  newsdex-index corpus/                  index a folder into the default database
  newsdex-index corpus/                  again: only new and changed files are read
  newsdex-index crawl.warc.gz dump.jsonl.zst feeds/
  newsdex-index --field title=meta.headline --field text=body.plain dump.jsonl
  curl -s https://example.org/feed.xml | newsdex-index --format rss -
  newsdex-index --prune /archive         also drop articles whose files are gone
  newsdex-index --rebuild /archive       start afresh; searchers see the old index
                                         until the new one is complete
  newsdex-index --db ~/news.db -j 2 a.txt   two worker threads, another database
  newsdex-index --stats                  what the database holds
  newsdex-index --synonyms synonyms.txt  load synonyms only (no PATH needed)

Synonyms file (--synonyms): one group per line, entries separated by "=", "#"
starts a comment. Loading it replaces the database's synonyms (a --rebuild
keeps them unless --synonyms is given). Example:
  USA = United States = US
  defence = defense
newsdex-search expands them for ~word, or always with --synonyms always. A
one-word entry expands to the group's other one-word entries; an entry of
several words ("United States") is found in a query's words and expands to the
one-word entries (Xapian 1.4 synonyms are single terms).

)";

const char* kEpilog = R"(
Database: --db, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db, else
~/.local/share/newsdex/db (newsdex-search uses the same).

Article ids: the file's canonical path; path#N for the N-th record of a file that
holds several (the line number in JSON Lines); archive!member inside archives;
stdin#N for standard input (each run that reads - replaces what the last one read).

Progress: on a terminal, a live line on stderr (files and articles done, rates,
ETA, warnings); on a pipe, a plain progress line every --progress-interval
seconds. The summary goes to stdout.

Stopping: Ctrl-C (SIGINT) or SIGTERM stops cleanly: what was read is committed,
the summary is printed, and the next run carries on; a second Ctrl-C stops at
once (the database keeps its last commit). Only one newsdex-index may write a
database at a time: another one fails at once, or queues with --wait.

Exit status: 0 all inputs indexed (possibly with warnings); 1 finished, but some
inputs or records were skipped or failed (each named on stderr with its line or
record); 2 usage error (also an unreadable or malformed --synonyms file: nothing
is indexed then); 3 database error (locked by
another newsdex-index, corrupt, incompatible, not writable, or out of disk
space); 130 stopped by SIGINT, 143 stopped by SIGTERM (work so far committed).
)";

int fail(const std::string& message, int code, const std::string& hint = {}) {
    print_error(kProgram, message, hint);
    return code;
}

/// Parses the command line; returns an exit status when the program should stop now.
std::optional<int> parse_options(int argc, char** argv, Config& config) {
    std::string language = "english";
    std::string format = "auto";
    std::vector<std::string> field_specs;
    bool no_detect = false;
    bool no_compact = false;
    double max_mb = 64, batch_mb = 64;
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.db), "database folder (see Database below)")
        ("language,l", po::value(&language)->default_value("english"),
         "stemming language for articles that neither name their language nor are "
         "recognised (see --no-detect-language): a name or ISO code (english, de, "
         "french, ...), or none")
        ("format,F", po::value(&format)->default_value("auto"),
         "read every input as this format instead of detecting it: auto, text, jsonl, json, "
         "html, feed (rss, atom), warc, csv (tsv), sgml, smart; compression and archives are "
         "still recognised")
        ("field", po::value(&field_specs)->composing(),
         "ARTICLE-FIELD=PATH: where JSON records (a dotted path, e.g. meta.headline) or CSV "
         "rows (a column name or number) keep a field: title, author, date, text, url, "
         "source or language; repeatable")
        ("no-detect-language", po::bool_switch(&no_detect),
         "do not guess the language of articles that do not name it (use --language)")
        ("jobs,j", po::value(&config.jobs)->default_value(cores),
         "worker threads reading and preparing articles (default: the number of cores)")
        ("shards", po::value(&config.shards)->default_value(1),
         "shard databases for a new database or a --rebuild, written in parallel and searched "
         "as one through the database's stub file (an existing database keeps its count); "
         "with 1, a new database or a rebuild is still written in --jobs parts in parallel, "
         "merged into one by the compaction")
        ("no-compact", po::bool_switch(&no_compact),
         "do not compact a new database or a rebuild when it is complete (compaction makes it "
         "about half the size and costs a few seconds; without it, one writer writes each "
         "shard)")
        ("rebuild", po::bool_switch(&config.rebuild),
         "build the database afresh from PATHs; searchers keep the old one until the new one is complete")
        ("prune", po::bool_switch(&config.prune),
         "remove articles whose files are gone from the PATHs given (other folders are left alone)")
        ("follow-symlinks", po::bool_switch(&config.follow_symlinks),
         "in folders, also read symlinks to files outside the PATHs given (skipped by default)")
        ("wait", po::bool_switch(&config.wait), "if another newsdex-index is writing the database, wait for it")
        ("stats", po::bool_switch(&config.stats), "print what the database holds (after indexing, if PATHs are given)")
        ("max-size", po::value(&max_mb)->default_value(64), "skip files larger than this many MiB")
        ("batch-size", po::value(&config.batch_size)->default_value(1000),
         "articles per commit (a crash loses at most one batch)")
        ("batch-mb", po::value(&batch_mb)->default_value(64), "also commit after this many MB of article text")
        ("quiet,q", po::bool_switch(&config.quiet), "no progress and no summary (warnings still go to stderr)")
        ("verbose,v", po::bool_switch(&config.verbose), "a line per file on stdout: indexed, unchanged, pruned")
        ("progress-interval", po::value(&config.progress_interval)->default_value(10),
         "seconds between progress lines when stderr is not a terminal (0: none)")
        ("synonyms", po::value(&config.synonyms),
         "load this synonym file into the database, replacing its synonyms (see above)")
        ("no-spelling", "do not record words for spelling suggestions (indexes faster)");
    po::options_description hidden;
    hidden.add_options()("path", po::value(&config.paths));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("path", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << kUsage << visible << kEpilog;
        return kExitOk;
    }
    if (vm.count("version")) {
        std::cout << kProgram << ' ' << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        return kExitOk;
    }
    config.spelling = vm.count("no-spelling") == 0;
    if (config.paths.empty() && !config.stats && config.synonyms.empty())
        return fail("no PATH given", kExitUsage, "try: newsdex-index corpus/   (or --help)");
    if (config.paths.empty() && (config.rebuild || config.prune))
        return fail(std::string(config.rebuild ? "--rebuild" : "--prune") + " needs the PATHs to index", kExitUsage);
    auto lang = find_language(language);
    if (!lang) return fail("unknown --language \"" + language + "\"", kExitUsage, "choose one of: " + known_languages());
    config.language = *lang;
    if (!(max_mb > 0)) return fail("--max-size must be positive", kExitUsage);
    config.max_bytes = static_cast<std::uintmax_t>(max_mb * 1024 * 1024);
    if (config.batch_size == 0) return fail("--batch-size must be at least 1", kExitUsage);
    if (!(batch_mb > 0)) return fail("--batch-mb must be positive", kExitUsage);
    config.batch_bytes = static_cast<std::size_t>(batch_mb * 1e6);
    if (config.jobs == 0 || config.jobs > 256) return fail("--jobs must be between 1 and 256", kExitUsage);
    if (config.shards == 0 || config.shards > 64) return fail("--shards must be between 1 and 64", kExitUsage);
    if (!(config.progress_interval >= 0)) return fail("--progress-interval must not be negative", kExitUsage);
    if (config.quiet && config.verbose) return fail("--quiet and --verbose exclude each other", kExitUsage);
    auto parsed_format = readers::parse_format(format);
    if (!parsed_format)
        return fail("unknown --format \"" + format + "\"", kExitUsage, "choose one of: " + readers::format_names());
    config.format = *parsed_format;
    for (const auto& spec : field_specs) {
        std::string error;
        auto mapping = readers::parse_field_mapping(spec, error);
        if (!mapping) return fail(error, kExitUsage);
        config.fields[mapping->first] = mapping->second;
    }
    config.detect_language = !no_detect;
    config.compact = !no_compact;
    if (std::count(config.paths.begin(), config.paths.end(), std::string(readers::kStdinPath)) > 1)
        return fail("standard input (-) can be read only once", kExitUsage);
    if (config.db.rfind("tcp://", 0) == 0)
        return fail("--db " + config.db + ": newsdex-index writes local databases only", kExitUsage,
                    "index on the shard's own host and serve it with xapian-tcpsrv (see the README's \"Scaling out\")");
    config.db = resolve_db_path(config.db);
    return std::nullopt;
}

int interrupted_status() { return kExitSignalBase + (stop_signal() ? stop_signal() : SIGINT); }

int run(const Config& config) {
    install_stop_handlers();
    Console console(stdout, stderr, Console::detect(stderr, config.quiet), config.verbose,
                    std::chrono::milliseconds(static_cast<long>(config.progress_interval * 1000)));
    // Read the synonym file before opening the database: a typo in it changes nothing.
    std::vector<SynonymGroup> synonyms;
    if (!config.synonyms.empty()) synonyms = read_synonym_file(config.synonyms);
    if (config.paths.empty() && config.synonyms.empty()) {
        std::cout << format_stats(read_db_stats(config.db));
        return kExitOk;
    }

    const auto start = std::chrono::steady_clock::now();
    IndexWriterOptions writer_options;
    writer_options.db_path = config.db;
    writer_options.language = config.language;
    writer_options.batch_size = config.batch_size;
    writer_options.batch_bytes = config.batch_bytes;
    writer_options.rebuild = config.rebuild;
    writer_options.shards = config.shards;
    writer_options.writers = std::min(config.jobs, 64u);
    writer_options.compact = config.compact;
    writer_options.wait_for_lock = config.wait;
    writer_options.on_wait = [&](pid_t pid) {
        console.note("waiting for the newsdex-index writing " + config.db +
                     (pid > 0 ? " (pid " + std::to_string(pid) + ")" : std::string()) + " to finish");
    };
    writer_options.should_stop = [] { return stop_requested().load(); };
    writer_options.spelling = config.spelling;
    IndexWriter writer(writer_options);
    if (!config.synonyms.empty()) {
        const std::size_t keys = writer.replace_synonyms(synonyms);
        if (!config.quiet)
            std::printf("loaded %zu synonym group%s (%zu keys) from %s\n", synonyms.size(),
                        synonyms.size() == 1 ? "" : "s", keys, config.synonyms.c_str());
        if (config.paths.empty()) {  // only synonyms to load
            writer.finish();
            if (config.stats) std::cout << format_stats(read_db_stats(config.db));
            return kExitOk;
        }
    }
    if (!config.synonyms.empty()) {
        const std::size_t keys = writer.replace_synonyms(synonyms);
        if (!config.quiet)
            std::printf("loaded %zu synonym group%s (%zu keys) from %s\n", synonyms.size(),
                        synonyms.size() == 1 ? "" : "s", keys, config.synonyms.c_str());
    }

    IngestOptions options;
    options.paths = config.paths;
    options.read.max_file_bytes = config.max_bytes;
    options.read.language = config.language;
    options.read.format = config.format;
    options.read.fields = config.fields;
    options.read.detect_language = config.detect_language;
    options.jobs = config.jobs;
    options.prune = config.prune;
    options.follow_symlinks = config.follow_symlinks;
    options.incremental = !config.rebuild;
    const IngestStats stats = ingest(writer, options, console, stop_requested());
    if (stats.interrupted && config.rebuild)
        writer.commit();  // kept for nobody: an unfinished rebuild is never published
    else
        writer.finish(!stats.interrupted);
    console.finish();

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!config.quiet) std::cout << format_summary(stats, seconds, config.db) << std::flush;
    if (stats.interrupted) {
        const char* name = stop_signal() == SIGTERM ? "SIGTERM" : "SIGINT";
        console.note(std::string("stopped by ") + name + ": " +
                     (config.rebuild ? "the rebuild was abandoned; the database is as it was before it"
                                     : "everything read so far is committed; run again to finish"));
        return interrupted_status();
    }
    if (config.stats) std::cout << format_stats(read_db_stats(config.db));
    return stats.skipped + stats.failed > 0 ? kExitSomeInputs : kExitOk;
}

}  // namespace

int main(int argc, char** argv) try {
    Config config;
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
