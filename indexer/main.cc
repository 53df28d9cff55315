// newsdex-index: options -> IndexWriter + Ingest -> summary and exit status.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "core/db_path.h"
#include "core/error.h"
#include "core/index_writer.h"
#include "core/ingest.h"
#include "core/language.h"
#include "core/synonyms.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

constexpr const char* kProgram = "newsdex-index";

// Exit statuses (documented in --help and the README).
constexpr int kExitOk = 0;           // every input indexed
constexpr int kExitSomeInputs = 1;   // finished, but some inputs were skipped or failed
constexpr int kExitUsage = 2;        // bad options or arguments
constexpr int kExitDatabase = 3;     // the database could not be opened or written

struct Config {
    std::string db;
    std::vector<std::string> paths;
    Language language{"en", "english"};
    std::uintmax_t max_bytes = 64ULL << 20;
    std::size_t batch_size = 1000;
    bool quiet = false;
    bool spelling = true;
    std::string synonyms;  ///< synonym file to load into the database; empty: leave as is
};

const char* kUsage = R"(Usage: newsdex-index [OPTIONS] PATH...

Index news articles into a Xapian database for newsdex-search. PATH is a file or a
folder (read recursively: *.txt, *.text and files without an extension; hidden
files are skipped). Re-indexing a file replaces its article.

Examples:
  newsdex-index corpus/                  index a folder into the default database
  newsdex-index --db ~/news.db a.txt     index one file into ~/news.db
  NEWSDEX_DB=/srv/news newsdex-index /archive/2024
  newsdex-index --synonyms synonyms.txt  load synonyms only (no PATH needed)

Synonyms file (--synonyms): one group per line, entries separated by "=", "#"
starts a comment. Loading it replaces the database's synonyms. Example:
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

Exit status: 0 all inputs indexed; 1 finished, but some inputs were skipped or
failed (each named on stderr); 2 usage error (also an unreadable or malformed
--synonyms file: nothing is indexed then); 3 database error (locked, corrupt,
incompatible, or not writable).
)";

int fail(const std::string& message, int code, const std::string& hint = {}) {
    print_error(kProgram, message, hint);
    return code;
}

/// Parses the command line; returns an exit status when the program should stop now.
std::optional<int> parse_options(int argc, char** argv, Config& config) {
    std::string language = "english";
    double max_mb = 64;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.db), "database folder (see Database below)")
        ("language,l", po::value(&language)->default_value("english"),
         "stemming language for articles that do not name theirs: a name or ISO code "
         "(english, de, french, ...), or none")
        ("max-size", po::value(&max_mb)->default_value(64),
         "skip files larger than this many MiB")
        ("batch-size", po::value(&config.batch_size)->default_value(1000),
         "articles per commit (a crash loses at most one batch)")
        ("quiet,q", po::bool_switch(&config.quiet), "print no summary (warnings still go to stderr)")
        ("synonyms", po::value(&config.synonyms),
         "load this synonym file into the database, replacing its synonyms (see below)")
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
    if (config.paths.empty() && config.synonyms.empty())
        return fail("no PATH given", kExitUsage, "try: newsdex-index corpus/   (or --help)");
    auto lang = find_language(language);
    if (!lang) return fail("unknown --language \"" + language + "\"", kExitUsage, "choose one of: " + known_languages());
    config.language = *lang;
    if (!(max_mb > 0)) return fail("--max-size must be positive", kExitUsage);
    config.max_bytes = static_cast<std::uintmax_t>(max_mb * 1024 * 1024);
    if (config.batch_size == 0) return fail("--batch-size must be at least 1", kExitUsage);
    config.db = resolve_db_path(config.db);
    return std::nullopt;
}

const char* level_word(Problem::Level level) {
    switch (level) {
        case Problem::Level::Repaired: return "warning";
        case Problem::Level::Skipped: return "skipped";
        case Problem::Level::Failed: return "failed";
    }
    return "";
}

void print_summary(const IngestStats& s, double seconds, const std::string& db) {
    const double rate = seconds > 0 ? static_cast<double>(s.indexed()) / seconds : 0.0;
    std::printf("indexed %zu article%s (%zu new, %zu updated) from %zu file%s; %zu skipped, %zu failed",
                s.indexed(), s.indexed() == 1 ? "" : "s", s.added, s.replaced, s.files,
                s.files == 1 ? "" : "s", s.skipped, s.failed);
    if (s.ignored > 0) std::printf(", %zu ignored (not article files)", s.ignored);
    std::printf("; %.2f s, %.0f articles/s -> %s\n", seconds, rate, db.c_str());
}

int run(const Config& config) {
    const auto start = std::chrono::steady_clock::now();
    IndexWriterOptions writer_options;
    writer_options.db_path = config.db;
    writer_options.language = config.language;
    writer_options.batch_size = config.batch_size;
    writer_options.spelling = config.spelling;
    // Read the synonym file before opening the database: a typo in it changes nothing.
    std::vector<SynonymGroup> synonyms;
    if (!config.synonyms.empty()) synonyms = read_synonym_file(config.synonyms);
    IndexWriter writer(writer_options);
    if (!config.synonyms.empty()) {
        const std::size_t keys = writer.replace_synonyms(synonyms);
        if (!config.quiet)
            std::printf("loaded %zu synonym group%s (%zu keys) from %s\n", synonyms.size(),
                        synonyms.size() == 1 ? "" : "s", keys, config.synonyms.c_str());
    }

    readers::ReadOptions read_options;
    read_options.max_file_bytes = config.max_bytes;
    read_options.language = config.language;
    Ingest ingest(writer, read_options, [](const Problem& p) {
        std::cerr << kProgram << ": " << level_word(p.level) << ": " << p.where << ": " << p.reason << '\n';
    });
    for (const auto& path : config.paths) ingest.add_path(path);
    writer.commit();
    if (config.paths.empty()) return kExitOk;  // only synonyms were loaded

    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!config.quiet) print_summary(ingest.stats(), seconds, config.db);
    const auto& s = ingest.stats();
    return s.skipped + s.failed > 0 ? kExitSomeInputs : kExitOk;
}

}  // namespace

int main(int argc, char** argv) try {
    Config config;
    if (auto code = parse_options(argc, argv, config)) return *code;
    return run(config);
} catch (const po::error& e) {
    return fail(e.what(), kExitUsage, "see newsdex-index --help");
} catch (const Error& e) {
    return fail(e.what(), e.kind() == ErrorKind::Usage ? kExitUsage : kExitDatabase, e.hint());
} catch (const Xapian::Error& e) {
    return fail(e.get_description(), kExitDatabase);
} catch (const std::exception& e) {
    return fail(e.what(), kExitDatabase);
}
