// newsdex-index: options -> IndexWriter + Ingest -> summary and exit status.
#include <algorithm>
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
#include "core/readers/fields.h"
#include "core/readers/format.h"

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
    readers::Format format = readers::Format::Auto;
    readers::FieldMap fields;
    bool detect_language = true;
};

const char* kUsage = R"(Usage: newsdex-index [OPTIONS] PATH...

Index news articles into a Xapian database for newsdex-search. PATH is a file, a
folder (read recursively; hidden files are skipped) or - for standard input.
Formats are recognised by name and content, and a folder may mix them: plain text
(.txt, no extension), JSON Lines (.jsonl) and JSON (.json), HTML pages (.html),
RSS/Atom feeds (.rss, .atom, .xml), WARC web archives (.warc), CSV (.csv, .tsv),
Reuters SGML (.sgm) and SMART collections; any of them compressed (.gz, .bz2, .xz,
.zst) or in archives (.tar, .tar.gz, .tgz, .zip), in any common encoding.
Re-indexing a file replaces its articles.

Examples:
  newsdex-index corpus/                  index a folder into the default database
  newsdex-index --db ~/news.db a.txt     index one file into ~/news.db
  newsdex-index crawl.warc.gz dump.jsonl.zst feeds/
  newsdex-index --field title=meta.headline --field text=body.plain dump.jsonl
  curl -s https://example.org/feed.xml | newsdex-index --format rss -
  NEWSDEX_DB=/srv/news newsdex-index /archive/2024
)";

const char* kEpilog = R"(
Database: --db, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db, else
~/.local/share/newsdex/db (newsdex-search uses the same).

Article ids: the file's canonical path; path#N for the N-th record of a file that
holds several (the line number in JSON Lines); archive!member inside archives;
stdin#N for standard input.

Exit status: 0 all inputs indexed (possibly with warnings); 1 finished, but some
inputs or records were skipped or failed (each named on stderr with its line or
record); 2 usage error; 3 database error (locked, corrupt, incompatible, or not
writable).
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
    double max_mb = 64;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.db), "database folder (see Database below)")
        ("language,l", po::value(&language)->default_value("english"),
         "stemming language for articles that neither name their language nor are "
         "recognised (see --no-detect-language): a name or ISO code (english, de, "
         "french, ...), or none")
        ("max-size", po::value(&max_mb)->default_value(64),
         "skip files larger than this many MiB")
        ("batch-size", po::value(&config.batch_size)->default_value(1000),
         "articles per commit (a crash loses at most one batch)")
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
        ("quiet,q", po::bool_switch(&config.quiet), "print no summary (warnings still go to stderr)");
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
    if (config.paths.empty())
        return fail("no PATH given", kExitUsage, "try: newsdex-index corpus/   (or --help)");
    auto lang = find_language(language);
    if (!lang) return fail("unknown --language \"" + language + "\"", kExitUsage, "choose one of: " + known_languages());
    config.language = *lang;
    if (!(max_mb > 0)) return fail("--max-size must be positive", kExitUsage);
    config.max_bytes = static_cast<std::uintmax_t>(max_mb * 1024 * 1024);
    if (config.batch_size == 0) return fail("--batch-size must be at least 1", kExitUsage);
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
    if (std::count(config.paths.begin(), config.paths.end(), std::string(readers::kStdinPath)) > 1)
        return fail("standard input (-) can be read only once", kExitUsage);
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
    IndexWriter writer(writer_options);

    readers::ReadOptions read_options;
    read_options.max_file_bytes = config.max_bytes;
    read_options.language = config.language;
    read_options.format = config.format;
    read_options.fields = config.fields;
    read_options.detect_language = config.detect_language;
    Ingest ingest(writer, read_options, [](const Problem& p) {
        std::cerr << kProgram << ": " << level_word(p.level) << ": " << p.where << ": " << p.reason << '\n';
    });
    for (const auto& path : config.paths) ingest.add_path(path);
    writer.commit();

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
