#include "indexer/options.h"

#include <algorithm>
#include <iostream>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/option_values.h"
#include "core/db/db_path.h"
#include "core/readers/fields.h"
#include "core/readers/format.h"
#include "core/text/language.h"

namespace po = boost::program_options;

namespace newsdex {

namespace {

constexpr double kMiB = 1024.0 * 1024.0;  // --max-size and --batch-mb count MiB

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

Progress: on a terminal, a live line on stderr (files done, MB read of the total,
also inside one big file, articles, rates, ETA, warnings); on a pipe, a plain
progress line every --progress-interval seconds. The summary goes to stdout.

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
    return cli::fail(kIndexProgram, message, code, hint);
}

/// The options, each bound to the field it sets; a default shown is the field's own value.
po::options_description visible_options(IndexerConfig& config, std::string& language, std::string& format,
                                        std::vector<std::string>& field_specs, bool& no_detect, bool& no_compact,
                                        double& max_mb, double& batch_mb) {
    IndexWriterOptions& writer = config.writer;
    IngestOptions& ingest = config.ingest;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&writer.db_path), "database folder (see Database below)")
        ("language,l", po::value(&language)->default_value(ingest.read.language.stemmer),
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
        ("jobs,j", po::value(&ingest.jobs)->default_value(ingest.jobs),
         "worker threads reading and preparing articles (default: the number of cores)")
        ("shards", po::value(&writer.shards)->default_value(writer.shards),
         "shard databases for a new database or a --rebuild, written in parallel and searched "
         "as one through the database's stub file (an existing database keeps its count); "
         "with 1, a new database or a rebuild is still written in --jobs parts in parallel, "
         "merged into one by the compaction")
        ("no-compact", po::bool_switch(&no_compact),
         "do not compact a new database or a rebuild when it is complete (compaction makes it "
         "about half the size and costs a few seconds; without it, one writer writes each "
         "shard)")
        ("rebuild", po::bool_switch(&writer.rebuild),
         "build the database afresh from PATHs; searchers keep the old one until the new one is complete")
        ("prune", po::bool_switch(&ingest.prune),
         "remove articles whose files are gone from the PATHs given (other folders are left alone)")
        ("follow-symlinks", po::bool_switch(&ingest.follow_symlinks),
         "in folders, also read symlinks to files outside the PATHs given (skipped by default)")
        ("wait", po::bool_switch(&writer.wait_for_lock), "if another newsdex-index is writing the database, wait for it")
        ("stats", po::bool_switch(&config.stats), "print what the database holds (after indexing, if PATHs are given)")
        ("max-size", po::value(&max_mb)->default_value(max_mb), "skip files larger than this many MiB")
        ("batch-size", po::value(&writer.batch_size)->default_value(writer.batch_size),
         "articles per commit (a crash loses at most one batch)")
        ("batch-mb", po::value(&batch_mb)->default_value(batch_mb),
         "also commit after this many MiB of article text")
        ("quiet,q", po::bool_switch(&config.quiet), "no progress and no summary (warnings still go to stderr)")
        ("verbose,v", po::bool_switch(&config.verbose), "a line per file on stdout: indexed, unchanged, pruned")
        ("progress-interval", po::value(&config.progress_interval)->default_value(config.progress_interval),
         "seconds between progress lines when stderr is not a terminal (0: none)")
        ("synonyms", po::value(&config.synonyms),
         "load this synonym file into the database, replacing its synonyms (see above)")
        ("no-spelling", "do not record words for spelling suggestions (indexes faster)");
    return visible;
}

/// The checks of what the options say together, once they are read; a usage error's exit
/// status, or nullopt when the run can go ahead.
std::optional<int> check(IndexerConfig& config, const std::string& language, const std::string& format,
                         const std::vector<std::string>& field_specs, double max_mb, double batch_mb) {
    IndexWriterOptions& writer = config.writer;
    IngestOptions& ingest = config.ingest;
    if (ingest.paths.empty() && !config.stats && config.synonyms.empty())
        return fail("no PATH given", kExitUsage, "try: newsdex-index corpus/   (or --help)");
    if (ingest.paths.empty() && (writer.rebuild || ingest.prune))
        return fail(std::string(writer.rebuild ? "--rebuild" : "--prune") + " needs the PATHs to index", kExitUsage);
    auto lang = find_language(language);
    if (!lang) return fail("unknown --language \"" + language + "\"", kExitUsage, "choose one of: " + known_languages());
    writer.language = ingest.read.language = *lang;
    if (!(max_mb > 0)) return fail("--max-size must be positive", kExitUsage);
    ingest.read.max_file_bytes = static_cast<std::uintmax_t>(max_mb * kMiB);
    if (writer.batch_size == 0) return fail("--batch-size must be at least 1", kExitUsage);
    if (!(batch_mb > 0)) return fail("--batch-mb must be positive", kExitUsage);
    writer.batch_bytes = static_cast<std::size_t>(batch_mb * kMiB);
    if (ingest.jobs == 0 || ingest.jobs > 256) return fail("--jobs must be between 1 and 256", kExitUsage);
    writer.writers = std::min(ingest.jobs, 64u);
    if (writer.shards == 0 || writer.shards > 64) return fail("--shards must be between 1 and 64", kExitUsage);
    if (!(config.progress_interval >= 0)) return fail("--progress-interval must not be negative", kExitUsage);
    if (config.quiet && config.verbose) return fail("--quiet and --verbose exclude each other", kExitUsage);
    auto parsed_format = readers::parse_format(format);
    if (!parsed_format)
        return fail("unknown --format \"" + format + "\"", kExitUsage, "choose one of: " + readers::format_names());
    ingest.read.format = *parsed_format;
    for (const auto& spec : field_specs) {
        std::string error;
        auto mapping = readers::parse_field_mapping(spec, error);
        if (!mapping) return fail(error, kExitUsage);
        ingest.read.fields[mapping->first] = mapping->second;
    }
    if (std::count(ingest.paths.begin(), ingest.paths.end(), std::string(readers::kStdinPath)) > 1)
        return fail("standard input (-) can be read only once", kExitUsage);
    if (writer.db_path.rfind("tcp://", 0) == 0)
        return fail("--db " + writer.db_path + ": newsdex-index writes local databases only", kExitUsage,
                    "index on the shard's own host and serve it with xapian-tcpsrv (see the README's \"Scaling out\")");
    writer.db_path = resolve_db_path(writer.db_path);
    ingest.incremental = !writer.rebuild;
    return std::nullopt;
}

}  // namespace

IndexerConfig::IndexerConfig() {
    // The command line's defaults where they differ from the core's.
    ingest.jobs = std::max(1u, std::thread::hardware_concurrency());
    writer.compact = true;
}

std::optional<int> parse_options(int argc, char** argv, IndexerConfig& config) {
    std::string language, format;
    std::vector<std::string> field_specs;
    bool no_detect = false, no_compact = false;
    double max_mb = static_cast<double>(config.ingest.read.max_file_bytes) / kMiB;
    double batch_mb = static_cast<double>(config.writer.batch_bytes) / kMiB;
    po::options_description visible =
        visible_options(config, language, format, field_specs, no_detect, no_compact, max_mb, batch_mb);
    const po::variables_map vm = cli::parse_command_line(argc, argv, visible, "path", config.ingest.paths);
    if (vm.count("help")) {
        std::cout << kUsage << visible << kEpilog;
        return kExitOk;
    }
    if (vm.count("version")) {
        cli::print_version(kIndexProgram);
        return kExitOk;
    }
    config.writer.spelling = vm.count("no-spelling") == 0;
    config.ingest.read.detect_language = !no_detect;
    config.writer.compact = !no_compact;
    return check(config, language, format, field_specs, max_mb, batch_mb);
}

}  // namespace newsdex
