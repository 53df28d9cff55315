// newsdex-search: options -> Searcher -> text or JSON printer -> grep-like exit status.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "core/search/date_filter.h"
#include "core/db/db_path.h"
#include "core/error.h"
#include "core/search/search.h"
#include "core/search/weighting.h"
#include "searcher/output.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

constexpr const char* kProgram = "newsdex-search";

// Exit statuses, as grep's (documented in --help and the README).
constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;  // usage error, malformed query, database error

/// Xapian 1.4 combines a wildcard's words in time that grows with their square: 1,000
/// words took 0.09 s, 10,000 took 9 s (measured on one 100,000-word document).
constexpr Xapian::termcount kMaxWildcardLimit = 10000;

enum class Format { Text, Json, JsonLines, Ids, Count };
enum class Color { Auto, Always, Never };

struct Config {
    std::vector<std::string> dbs;
    SearchRequest request;
    Format format = Format::Text;
    Color color = Color::Auto;
    std::vector<std::string> fields;  ///< --fields: what JSON hits carry (empty: all)
    TextStyle style;  ///< highlight mode and markers; colour is settled in run()
};

/// Most fragments --fragments accepts: more is a page of text, not a snippet.
constexpr std::size_t kMaxFragments = 20;
/// Longest --snippet-length: a fragment is a passage, not the article.
constexpr std::size_t kMaxFragmentChars = 100000;

const char* kUsage = R"(Usage: newsdex-search [OPTIONS] QUERY...

Search the news articles indexed by newsdex-index. Articles holding every word
rank first; the best partial matches (some of the words) follow, and the output
says so. Words like "what", "the", "about" need not match, so questions work.

Query syntax:
  Taurus missiles             both words (stemmed: missile = missiles; a capitalised
                              word is searched as written)
  "Storm Shadow"              an exact phrase
  Taurus OR "Storm Shadow"    either; also AND, NOT, XOR and ( ); lower-case and/or
                              work between two words, "and not" too
  Taurus -car   +Scholz       exclude a word / require it; -car alone: all but car
  Scholz NEAR/5 Taurus        within 5 words, any order (NEAR alone: 10)
  Scholz ADJ/3 Taurus         within 3 words, in this order
  inter*                      words starting "inter" (an error past --wildcard-limit)
  ~USA                        the word or its synonyms (newsdex-index --synonyms)
  title:Taurus                in the title; title:(Taurus OR "Storm Shadow") too
  author:Connolly             by an author (author:"Kate Connolly": every word)
  source:"Berlin Ledger"      from a source
  site:example.org            from a web site (and its subdomains); url:URL exactly
  lang:de  (or lang:German)   in a language
  id:/path/to/article.txt     one article, by its id (see --ids)
  date:2024-03-05  date:2024-03  date:2024      a day, month or year
  date:2024-02-01..2024-04-30  date:..2024-03-31  date:2024..   date ranges
  author:(Connolly OR Vogel)  a field applies to a group; the same field twice
                              means either, different fields mean both
A query that begins with "-" goes after "--":  newsdex-search -- -car Taurus

Snippets: the best passages of each article (--fragments, --snippet-length),
cut at sentence or word boundaries, "…" where text is left out; matched words,
whole phrases and title: words (in the title) are marked: bold red on a terminal,
[like this] otherwise, or as --highlight says.

Examples:
  newsdex-search Taurus
  newsdex-search --sort date --since 2024-02 --until 2024-04 'author:Connolly Taurus'
  newsdex-search 'Scholz NEAR/5 Taurus'
  newsdex-search --like corpus/text/scholz-taurus-refusal.txt --since 2024
  newsdex-search --facet author --facet year --count Taurus
  newsdex-search --format json --fields id,title,date 'title:(Taurus OR "Storm Shadow")'
  newsdex-search --db a.db --db b.db WebEx
  newsdex-search --fragments 3 --snippet-length 200 '"Storm Shadow" missiles'
  newsdex-search --highlight plain --hl-start '>>' --hl-end '<<' WebEx
  newsdex-search --highlight html Taurus > hits.txt
  newsdex-search --limit 5 --format json 'WebEx AND author:Albrecht'
  newsdex-search --db ~/news.db '"Kerch Bridge"'
  newsdex-search --all Taurus    every copy of syndicated stories, not one per group

)";

const char* kRanking = R"(
Ranking: by default BM25 with parameters chosen by measuring relevance on standard
test collections (see the README's "Ranking"), i.e. --weighting )";

const char* kRankingSchemes = R"(.
Experts can name another scheme, --weighting NAME[:KEY=VALUE,...]; parameters left
out take the values shown:
)";

const char* kEpilog = R"(
Dates (--since, --until, date:): YYYY, YYYY-MM, YYYY-MM-DD, today, yesterday, or
an age: 7d, 2w, 3m, 1y (days, weeks, months, years ago). --since 2024-03 starts
on 1 March; --until 2024-03 ends on 31 March. Undated articles never match.

Spelling: a word no article holds gets "Did you mean: ...?"; when no article
holds every word of the query but some hold every word of the suggestion, the
suggestion is searched instead, and the output says so (--no-correct: never).

Malformed queries (an unclosed " or (, AND with nothing before it, title: with
no value, date:2024-13-45, over 2000 characters, a wildcard matching too many
words) get a one-line message naming the problem and its position, exit 2.

Database: --db, else $NEWSDEX_DB, else $XDG_DATA_HOME/newsdex/db, else
~/.local/share/newsdex/db (the same as newsdex-index). --db may be repeated,
and may name a Xapian stub file listing shards ("auto /path/to/db" per line):
all are searched as one.

Exit status: 0 something matched; 1 nothing matched; 2 usage error, malformed
query or database error (a one-line message on stderr says which).
)";

int fail(const std::string& message, int code, const std::string& hint = {}) {
    print_error(kProgram, message, hint);
    return code;
}

/// The comma-separated names of --fields, each checked against what a JSON hit has.
std::vector<std::string> parse_fields(const std::string& list) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (start <= list.size()) {
        const auto comma = std::min(list.find(',', start), list.size());
        std::string name = list.substr(start, comma - start);
        start = comma + 1;
        if (name.empty()) continue;
        const auto known = hit_field_names();
        if (std::find(known.begin(), known.end(), name) == known.end()) {
            std::string names;
            for (auto k : known) names += (names.empty() ? "" : ",") + std::string(k);
            throw Error(ErrorKind::Usage, "unknown --fields name \"" + name + "\" (choose from " + names + ")");
        }
        fields.push_back(std::move(name));
    }
    if (fields.empty()) throw Error(ErrorKind::Usage, "--fields names no field");
    return fields;
}

std::optional<SortOrder> parse_sort(const std::string& name) {
    if (name == "relevance") return SortOrder::Relevance;
    if (name == "date" || name == "newest") return SortOrder::Newest;
    if (name == "-date" || name == "oldest") return SortOrder::Oldest;
    if (name == "recent") return SortOrder::Recent;
    return std::nullopt;
}

/// --since/--until: a date, or Error(Usage) saying what is wrong with it.
std::string parse_day(const std::string& option, const std::string& text, Bound bound, const Date& today) {
    try {
        return day_bound(text, bound, today);
    } catch (const DateSpecError& e) {
        throw Error(ErrorKind::Usage, option + " " + text + ": " + e.what());
    }
}

std::optional<int> parse_options(int argc, char** argv, Config& config) {
    std::vector<std::string> words, facets;
    std::string format = "text", color = "auto", highlight = "auto", sort, since, until, fields, synonyms = "tilde";
    SearchRequest& request = config.request;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.dbs)->composing(), "database folder or stub file; repeat to search several as one")
        ("limit,n", po::value(&request.limit)->default_value(10), "number of results to show")
        ("offset", po::value(&request.offset)->default_value(0), "number of results to skip (for paging)")
        ("sort,s", po::value(&sort),
         "relevance (default), date (newest first), -date (oldest first), or recent (relevance, with newer "
         "articles boosted: today's gain half the best score, halving every --half-life days)")
        ("half-life", po::value(&request.recency_half_life_days)->default_value(30),
         "days for --sort recent's boost to halve")
        ("since", po::value(&since), "only articles dated on or after this (see Dates)")
        ("until", po::value(&until), "only articles dated on or before this (see Dates)")
        ("facet", po::value(&facets)->composing(),
         "count matches by author, source, year, month or lang, over all matches, similar copies included (repeatable)")
        ("facet-limit", po::value(&request.facet_limit)->default_value(10), "values shown per facet (0: all)")
        ("like", po::value(&request.like_id),
         "articles like this one (an id as --ids prints, or an indexed file's path); QUERY, if any, filters them")
        ("count", "print only the number of matches")
        ("ids", "print only the ids of the results, one per line")
        ("format,f", po::value(&format)->default_value("text"), "text, json, or jsonl (one JSON hit per line)")
        ("fields", po::value(&fields), "comma-separated fields for JSON hits, e.g. id,title,date (default: all)")
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
        ("no-correct", "never search a spelling correction instead of the query (still suggest it)")
        ("synonyms", po::value(&synonyms)->default_value("tilde"),
         "expand synonyms: tilde (only ~word), always, or never")
        ("partial", "also match words starting with the last word (search as you type)")
        ("wildcard-limit", po::value(&request.query_options.wildcard_limit)->default_value(1000),
         "most words a wildcard may match (at most 10000: broader ones get slow)")
        ("no-snippets", "no snippets or highlighting (JSON \"snippet\" is \"\"): faster, for "
         "programs that need only the ranking")
        ("weighting", po::value(&config.request.weighting),
         "ranking scheme and parameters, for experts (see Ranking below)")
        ("no-expand", "no feedback (the default; `--ranking expand=0.5` turns it on, see Ranking below)")
        ("ranking", po::value<std::string>(),
         "coordination, proximity and feedback weights, for experts: KEY=VALUE,... with coord, prox, "
         "window, expand, fbdocs, fbterms (see Ranking below)");
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
    for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
    const bool has_query = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
    if (!has_query && request.like_id.empty() && since.empty() && until.empty())
        return fail("no QUERY given", kExitError, "try: newsdex-search Taurus   (or --help)");
    if (!has_query) request.query.clear();

    if (format == "text") config.format = Format::Text;
    else if (format == "json") config.format = Format::Json;
    else if (format == "jsonl") config.format = Format::JsonLines;
    else return fail("unknown --format \"" + format + "\" (use text, json or jsonl)", kExitError);
    const bool format_given = !vm["format"].defaulted();
    if (vm.count("count") && vm.count("ids")) return fail("--count and --ids exclude each other", kExitError);
    for (const char* mode : {"count", "ids"}) {
        if (!vm.count(mode)) continue;
        if (format_given) return fail(std::string("--") + mode + " cannot be combined with --format", kExitError);
        config.format = std::string(mode) == "count" ? Format::Count : Format::Ids;
    }
    if (!fields.empty()) {
        if (config.format != Format::Json && config.format != Format::JsonLines)
            return fail("--fields applies to --format json and jsonl", kExitError);
        config.fields = parse_fields(fields);
    }
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

    if (!sort.empty()) {
        request.sort = parse_sort(sort);
        if (!request.sort)
            return fail("unknown --sort \"" + sort + "\" (use relevance, date, -date or recent)", kExitError);
    }
    if (!(request.recency_half_life_days > 0) || request.recency_half_life_days > 1e6)
        return fail("--half-life must be a number of days above 0", kExitError);
    const Date& today = request.query_options.today;
    if (!since.empty()) request.dates.from = parse_day("--since", since, Bound::First, today);
    if (!until.empty()) request.dates.to = parse_day("--until", until, Bound::Last, today);
    if (!since.empty() && !until.empty() && request.dates.from > request.dates.to)
        return fail("--since " + since + " is after --until " + until, kExitError);
    for (const auto& name : facets) {
        auto kind = parse_facet(name);
        if (!kind) return fail("unknown --facet \"" + name + "\" (use " + facet_names() + ")", kExitError);
        request.facets.push_back(*kind);
    }
    if (!request.facets.empty() && (config.format == Format::JsonLines || config.format == Format::Ids ||
                                    config.format == Format::Count))
        return fail("--facet needs --format text or json (jsonl, --ids and --count print no facets)", kExitError);
    if (synonyms == "tilde") request.query_options.synonyms = SynonymMode::Tilde;
    else if (synonyms == "always") request.query_options.synonyms = SynonymMode::Always;
    else if (synonyms == "never") request.query_options.synonyms = SynonymMode::Never;
    else return fail("unknown --synonyms \"" + synonyms + "\" (use tilde, always or never)", kExitError);
    if (request.query_options.wildcard_limit == 0 || request.query_options.wildcard_limit > kMaxWildcardLimit)
        return fail("--wildcard-limit must be 1 to " + std::to_string(kMaxWildcardLimit), kExitError);
    request.query_options.complete_last_word = vm.count("partial") > 0;
    request.correct_spelling = vm.count("no-correct") == 0;
    request.exact_total = config.format == Format::Count;
    // Only people read snippets; --ids, --count and JSON without them need none.
    request.snippets = vm.count("no-snippets") == 0 && (config.format == Format::Text || config.format == Format::Json ||
                                                        config.format == Format::JsonLines);
    if (!config.fields.empty() && vm.count("no-snippets") == 0)
        request.snippets = std::any_of(config.fields.begin(), config.fields.end(), [](const std::string& f) {
            return f == "snippet" || f == "title_highlighted" || f == "fragments" || f == "snippet_from_lead" ||
                   f == "title_highlights";
        });
    if (vm.count("weighting")) parse_weighting(request.weighting);  // throws when invalid
    if (vm.count("ranking")) request.ranking = parse_ranking(vm["ranking"].as<std::string>(), request.ranking);
    if (vm.count("no-expand")) request.ranking.expand = false;
    if (config.format == Format::Count) request.limit = 0;
    if (config.dbs.empty()) config.dbs.push_back(resolve_db_path(""));
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
    Searcher searcher(config.dbs);
    const SearchResults results = searcher.search(config.request);
    switch (config.format) {
        case Format::Text: {
            TextStyle style = config.style;
            style.color = use_color(config.color);
            print_text(results, style, std::cout);
            break;
        }
        case Format::Json: print_json(results, std::cout, config.fields); break;
        case Format::JsonLines: print_jsonl(results, std::cout, config.fields); break;
        case Format::Ids: print_ids(results, std::cout); break;
        case Format::Count: print_count(results, std::cout); break;
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
