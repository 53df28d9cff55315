// newsdex-search: options -> Searcher -> text or JSON printer -> grep-like exit status.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "core/db_path.h"
#include "core/error.h"
#include "core/search.h"
#include "core/weighting.h"
#include "searcher/output.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

constexpr const char* kProgram = "newsdex-search";

// Exit statuses, as grep's (documented in --help and the README).
constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;  // usage error, malformed query, database error

enum class Format { Text, Json };
enum class Color { Auto, Always, Never };

struct Config {
    std::string db;
    SearchRequest request;
    Format format = Format::Text;
    Color color = Color::Auto;
    TextStyle style;  ///< highlight mode and markers; colour is settled in run()
};

/// Most fragments --fragments accepts: more is a page of text, not a snippet.
constexpr std::size_t kMaxFragments = 20;
/// Longest --snippet-length: a fragment is a passage, not the article.
constexpr std::size_t kMaxFragmentChars = 100000;

const char* kUsage = R"(Usage: newsdex-search [OPTIONS] QUERY...

Search the news articles indexed by newsdex-index. Articles holding every word
rank first; when none do, the best partial matches are shown, and the output says so.

Query syntax:
  Taurus missiles            articles with both words (stemmed: missile = missiles)
  "Storm Shadow"             an exact phrase
  Taurus OR "Storm Shadow"   either; also AND, NOT, and parentheses
  Taurus -car  /  +Scholz    exclude a word  /  require a word
  title:Taurus               a word in the title
  author:Connolly            articles by an author (any of the name's words)
  source:"Berlin Ledger"     articles from a source
  date:2024-03-01..2024-03-31   articles dated in a range (either end may be left open)
Write queries that begin with "-" after "--":  newsdex-search -- -car Taurus

Snippets: the best passages of each article (--fragments, --snippet-length),
cut at sentence or word boundaries, "…" where text is left out; matched words,
whole phrases and title: words (in the title) are marked: bold red on a terminal,
[like this] otherwise, or as --highlight says.

Examples:
  newsdex-search Taurus
  newsdex-search --fragments 3 --snippet-length 200 '"Storm Shadow" missiles'
  newsdex-search --highlight plain --hl-start '>>' --hl-end '<<' WebEx
  newsdex-search --highlight html Taurus > hits.txt
  newsdex-search --limit 5 --format json 'WebEx AND author:Albrecht'
  newsdex-search --db ~/news.db '"Kerch Bridge"'
  newsdex-search --all Taurus    every copy of syndicated stories, not one per group

Options)";

const char* kRanking = R"(
Ranking: by default BM25 with parameters chosen by measuring relevance on standard
test collections (see the README's "Ranking"), i.e. --weighting )";

const char* kRankingSchemes = R"(.
Experts can name another scheme, --weighting NAME[:KEY=VALUE,...]; parameters left
out take the values shown:
)";

const char* kEpilog = R"(
Database: --db, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db, else
~/.local/share/newsdex/db (the same as newsdex-index).

Exit status: 0 something matched; 1 nothing matched; 2 usage error, malformed
query or database error (a one-line message on stderr says which).
)";

int fail(const std::string& message, int code, const std::string& hint = {}) {
    print_error(kProgram, message, hint);
    return code;
}

std::optional<int> parse_options(int argc, char** argv, Config& config) {
    std::vector<std::string> words;
    std::string format = "text", color = "auto", highlight = "auto";
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.db), "database folder (see Database below)")
        ("limit,n", po::value(&config.request.limit)->default_value(10), "number of results to show")
        ("offset", po::value(&config.request.offset)->default_value(0), "number of results to skip (for paging)")
        ("format,f", po::value(&format)->default_value("text"), "text or json")
        ("color", po::value(&color)->default_value("auto"),
         "auto (colour on a terminal, unless NO_COLOR is set), always or never")
        ("snippet-length", po::value(&config.request.snippet_length)->default_value(config.request.snippet_length),
         "characters per snippet fragment (20 to 100000)")
        ("all", "show every copy of duplicated articles (by default each group of exact or "
                "near-duplicates shows its best hit, marked \"+N similar\")")
        ("fragments", po::value(&config.request.fragments)->default_value(config.request.fragments),
         "snippet fragments per hit, 1 to 20, joined by \" … \"")
        ("highlight", po::value(&highlight)->default_value("auto"),
         "how text output marks matches: auto (ansi on a colour terminal, else plain), "
         "ansi, plain or html (<mark>, title and snippet HTML-escaped)")
        ("hl-start", po::value(&config.style.mark_start), "mark before a match with --highlight plain (default \"[\")")
        ("hl-end", po::value(&config.style.mark_end), "mark after a match with --highlight plain (default \"]\")")
        ("no-snippets", "no snippets or highlighting (JSON \"snippet\" is \"\"): faster, for "
         "programs that need only the ranking")
        ("weighting", po::value(&config.request.weighting),
         "ranking scheme and parameters, for experts (see Ranking below)");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words));
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << kUsage << visible << kRanking << kDefaultWeighting << kRankingSchemes << weighting_help()
                  << kEpilog;
        return kExitMatch;
    }
    if (vm.count("version")) {
        std::cout << kProgram << ' ' << NEWSDEX_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        return kExitMatch;
    }
    config.request.collapse = vm.count("all") == 0;
    for (const auto& w : words) config.request.query += (config.request.query.empty() ? "" : " ") + w;
    if (config.request.query.find_first_not_of(" \t\n") == std::string::npos)
        return fail("no QUERY given", kExitError, "try: newsdex-search Taurus   (or --help)");
    if (format == "text") config.format = Format::Text;
    else if (format == "json") config.format = Format::Json;
    else return fail("unknown --format \"" + format + "\" (use text or json)", kExitError);
    if (color == "auto") config.color = Color::Auto;
    else if (color == "always") config.color = Color::Always;
    else if (color == "never") config.color = Color::Never;
    else return fail("unknown --color \"" + color + "\" (use auto, always or never)", kExitError);
    if (config.request.snippet_length < 20) return fail("--snippet-length must be at least 20", kExitError);
    if (config.request.snippet_length > kMaxFragmentChars)
        return fail("--snippet-length must be at most " + std::to_string(kMaxFragmentChars), kExitError);
    if (config.request.fragments < 1 || config.request.fragments > kMaxFragments)
        return fail("--fragments must be from 1 to " + std::to_string(kMaxFragments), kExitError);
    const bool custom_marks = vm.count("hl-start") || vm.count("hl-end");
    if (highlight == "auto") config.style.highlight = custom_marks ? Highlight::Plain : Highlight::Auto;
    else if (highlight == "ansi") config.style.highlight = Highlight::Ansi;
    else if (highlight == "plain") config.style.highlight = Highlight::Plain;
    else if (highlight == "html") config.style.highlight = Highlight::Html;
    else return fail("unknown --highlight \"" + highlight + "\" (use auto, ansi, plain or html)", kExitError);
    if (custom_marks && config.style.highlight != Highlight::Plain)
        return fail("--hl-start and --hl-end go with --highlight plain", kExitError);
    config.request.snippets = vm.count("no-snippets") == 0;
    if (vm.count("weighting")) parse_weighting(config.request.weighting);  // throws when invalid
    config.db = resolve_db_path(config.db);
    return std::nullopt;
}

bool use_color(Color color) {
    if (color != Color::Auto) return color == Color::Always;
    // https://no-color.org: a non-empty NO_COLOR turns automatic colour off.
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    const char* term = std::getenv("TERM");
    if (term && std::string(term) == "dumb") return false;
    return ::isatty(STDOUT_FILENO) == 1;
}

int run(const Config& config) {
    Searcher searcher(config.db);
    const SearchResults results = searcher.search(config.request);
    if (config.format == Format::Json) {
        print_json(results, std::cout);
    } else {
        TextStyle style = config.style;
        style.color = use_color(config.color);
        print_text(results, style, std::cout);
    }
    std::cout.flush();
    return results.total > 0 ? kExitMatch : kExitNoMatch;
}

}  // namespace

int main(int argc, char** argv) try {
    Config config;
    if (auto code = parse_options(argc, argv, config)) return *code;
    return run(config);
} catch (const po::error& e) {
    return fail(e.what(), kExitError, "see newsdex-search --help");
} catch (const Error& e) {
    return fail(e.what(), kExitError, e.hint());
} catch (const Xapian::Error& e) {
    return fail(e.get_description(), kExitError);
} catch (const std::exception& e) {
    return fail(e.what(), kExitError);
}
