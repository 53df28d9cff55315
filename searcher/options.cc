#include "searcher/options.h"

#include <algorithm>
#include <iostream>

#include <boost/program_options.hpp>

#include "cli/option_values.h"
#include "core/db/db_path.h"
#include "core/error.h"
#include "core/search/date_filter.h"
#include "core/search/timeline.h"
#include "core/search/weighting.h"

namespace po = boost::program_options;

namespace newsdex {

namespace {

/// Xapian 1.4 combines a wildcard's words in time that grows with their square: 1,000
/// words took 0.09 s, 10,000 took 9 s (measured on one 100,000-word document).
constexpr Xapian::termcount kMaxWildcardLimit = 10000;

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
  newsdex-search --facet author --facet year --limit 0 Taurus
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
    return cli::fail(kSearchProgram, message, code, hint);
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

/// The options read as text, then checked into the config.
struct Spelled {
    std::vector<std::string> words, facets;
    std::string format = "text", color = "auto", highlight = "auto", sort, since, until, fields, synonyms = "tilde";
    std::string timeline;  ///< --timeline: "", "auto" (given alone), or a unit
};

/// The options, each bound to the field it sets; a default shown is the field's own value.
po::options_description visible_options(SearcherConfig& config, Spelled& s) {
    SearchRequest& request = config.request;
    po::options_description visible("Options");
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&config.dbs)->composing(), "database folder or stub file; repeat to search several as one")
        ("limit,n", po::value(&request.limit)->default_value(request.limit), "number of results to show")
        ("offset", po::value(&request.offset)->default_value(request.offset), "number of results to skip (for paging)")
        ("sort,s", po::value(&s.sort),
         "relevance (default), date (newest first), -date (oldest first), or recent (relevance, with newer "
         "articles boosted: today's gain half the best score, halving every --half-life days)")
        ("half-life", po::value(&request.recency_half_life_days)->default_value(request.recency_half_life_days),
         "days for --sort recent's boost to halve")
        ("since", po::value(&s.since), "only articles dated on or after this (see Dates)")
        ("until", po::value(&s.until), "only articles dated on or before this (see Dates)")
        ("facet", po::value(&s.facets)->composing(),
         "count matches by author, source, year, month or lang, over all matches, similar copies included (repeatable)")
        ("facet-limit", po::value(&request.facet_limit)->default_value(request.facet_limit),
         "values shown per facet (0: all)")
        ("like", po::value(&request.like_id),
         "articles like this one (an id as --ids prints, or an indexed file's path); QUERY, if any, filters them")
        ("count", "print only the number of matches")
        ("ids", "print only the ids of the results, one per line")
        ("format,f", po::value(&s.format)->default_value(s.format), "text, json, or jsonl (one JSON hit per line)")
        ("fields", po::value(&s.fields), "comma-separated fields for JSON hits, e.g. id,title,date (default: all)")
        ("color", po::value(&s.color)->default_value(s.color),
         "auto (colour on a terminal, unless NO_COLOR is set), always or never")
        ("snippet-length", po::value(&request.snippet_length)->default_value(request.snippet_length),
         "characters per snippet fragment (20 to 100000)")
        ("all", "show every copy of duplicated articles (by default each group of exact or "
                "near-duplicates shows its best hit, marked \"+N similar\")")
        ("fragments", po::value(&request.fragments)->default_value(request.fragments),
         "snippet fragments per hit, 1 to 20, joined by \" … \"")
        ("highlight", po::value(&s.highlight)->default_value(s.highlight),
         "how text output marks matches: auto (ansi on a colour terminal, else plain), "
         "ansi, plain or html (<mark>, title and snippet HTML-escaped)")
        ("hl-start", po::value(&config.style.mark_start), "mark before a match with --highlight plain (default \"[\")")
        ("hl-end", po::value(&config.style.mark_end), "mark after a match with --highlight plain (default \"]\")")
        ("no-correct", "never search a spelling correction instead of the query (still suggest it)")
        ("synonyms", po::value(&s.synonyms)->default_value(s.synonyms),
         "expand synonyms: tilde (only ~word), always, or never")
        ("partial", "also match words starting with the last word (search as you type)")
        ("wildcard-limit",
         po::value(&request.query_options.wildcard_limit)->default_value(request.query_options.wildcard_limit),
         "most words a wildcard may match (at most 10000: broader ones get slow)")
        ("no-snippets", "no snippets or highlighting (JSON \"snippet\" is \"\"): faster, for "
         "programs that need only the ranking")
        ("weighting", po::value(&request.weighting),
         "ranking scheme and parameters, for experts (see Ranking below)")
        ("timeline", po::value(&s.timeline)->implicit_value("auto"),
         "count matches by day, month or year over all matches and print a histogram (JSON: \"timeline\"); "
         "--timeline alone picks the unit that fits their span")
        ("no-expand", "no feedback (the default; `--ranking expand=0.5` turns it on, see Ranking below)")
        ("ranking", po::value<std::string>(),
         "coordination, proximity and feedback weights, for experts: KEY=VALUE,... with coord, prox, "
         "window, expand, fbdocs, fbterms (see Ranking below)");
    return visible;
}

/// What is printed and how: --format, --count, --ids, --fields, --color, --highlight and
/// the snippet sizes.
std::optional<int> check_output(SearcherConfig& config, const Spelled& s, const po::variables_map& vm) {
    if (s.format == "text") config.format = Format::Text;
    else if (s.format == "json") config.format = Format::Json;
    else if (s.format == "jsonl") config.format = Format::JsonLines;
    else return fail("unknown --format \"" + s.format + "\" (use text, json or jsonl)", kExitError);
    const bool format_given = !vm["format"].defaulted();
    if (vm.count("count") && vm.count("ids")) return fail("--count and --ids exclude each other", kExitError);
    for (const char* mode : {"count", "ids"}) {
        if (!vm.count(mode)) continue;
        if (format_given) return fail(std::string("--") + mode + " cannot be combined with --format", kExitError);
        config.format = std::string(mode) == "count" ? Format::Count : Format::Ids;
    }
    if (!s.fields.empty()) {
        if (config.format != Format::Json && config.format != Format::JsonLines)
            return fail("--fields applies to --format json and jsonl", kExitError);
        config.fields = parse_fields(s.fields);
    }
    if (s.color == "auto") config.color = Color::Auto;
    else if (s.color == "always") config.color = Color::Always;
    else if (s.color == "never") config.color = Color::Never;
    else return fail("unknown --color \"" + s.color + "\" (use auto, always or never)", kExitError);
    const SearchRequest& request = config.request;
    if (request.snippet_length < 20) return fail("--snippet-length must be at least 20", kExitError);
    if (request.snippet_length > kMaxFragmentChars)
        return fail("--snippet-length must be at most " + std::to_string(kMaxFragmentChars), kExitError);
    if (request.fragments < 1 || request.fragments > kMaxFragments)
        return fail("--fragments must be from 1 to " + std::to_string(kMaxFragments), kExitError);
    const bool custom_marks = vm.count("hl-start") || vm.count("hl-end");
    if (s.highlight == "auto") config.style.highlight = custom_marks ? Highlight::Plain : Highlight::Auto;
    else if (s.highlight == "ansi") config.style.highlight = Highlight::Ansi;
    else if (s.highlight == "plain") config.style.highlight = Highlight::Plain;
    else if (s.highlight == "html") config.style.highlight = Highlight::Html;
    else return fail("unknown --highlight \"" + s.highlight + "\" (use auto, ansi, plain or html)", kExitError);
    if (custom_marks && config.style.highlight != Highlight::Plain)
        return fail("--hl-start and --hl-end go with --highlight plain", kExitError);
    return std::nullopt;
}

/// What is searched: sorting, dates, facets, synonyms, wildcards, spelling, snippets.
std::optional<int> check_request(SearcherConfig& config, const Spelled& s, const po::variables_map& vm) {
    SearchRequest& request = config.request;
    if (!s.sort.empty()) {
        request.sort = parse_sort(s.sort);
        if (!request.sort)
            return fail("unknown --sort \"" + s.sort + "\" (use relevance, date, -date or recent)", kExitError);
    }
    if (!(request.recency_half_life_days > 0) || request.recency_half_life_days > 1e6)
        return fail("--half-life must be a number of days above 0", kExitError);
    const Date& today = request.query_options.today;
    if (!s.since.empty()) request.dates.from = parse_day("--since", s.since, Bound::First, today);
    if (!s.until.empty()) request.dates.to = parse_day("--until", s.until, Bound::Last, today);
    if (!s.since.empty() && !s.until.empty() && request.dates.from > request.dates.to)
        return fail("--since " + s.since + " is after --until " + s.until, kExitError);
    for (const auto& name : s.facets) {
        auto kind = parse_facet(name);
        if (!kind) return fail("unknown --facet \"" + name + "\" (use " + facet_names() + ")", kExitError);
        request.facets.push_back(*kind);
    }
    if (!request.facets.empty() && (config.format == Format::JsonLines || config.format == Format::Ids ||
                                    config.format == Format::Count))
        return fail("--facet needs --format text or json (jsonl, --ids and --count print no facets)", kExitError);
    if (s.synonyms == "tilde") request.query_options.synonyms = SynonymMode::Tilde;
    else if (s.synonyms == "always") request.query_options.synonyms = SynonymMode::Always;
    else if (s.synonyms == "never") request.query_options.synonyms = SynonymMode::Never;
    else return fail("unknown --synonyms \"" + s.synonyms + "\" (use tilde, always or never)", kExitError);
    if (request.query_options.wildcard_limit == 0 || request.query_options.wildcard_limit > kMaxWildcardLimit)
        return fail("--wildcard-limit must be 1 to " + std::to_string(kMaxWildcardLimit), kExitError);
    request.query_options.complete_last_word = vm.count("partial") > 0;
    request.correct_spelling = vm.count("no-correct") == 0;
    // --limit 0 asks for the count alone: count it (Xapian's estimate without hits can be 0).
    request.exact_total = config.format == Format::Count || request.limit == 0;
    // Only people read snippets; --ids, --count and JSON without them need none.
    request.snippets = vm.count("no-snippets") == 0 && (config.format == Format::Text || config.format == Format::Json ||
                                                        config.format == Format::JsonLines);
    if (!config.fields.empty() && vm.count("no-snippets") == 0) request.snippets = hit_fields_need_snippets(config.fields);
    if (vm.count("weighting")) parse_weighting(request.weighting);  // throws when invalid
    if (vm.count("ranking")) request.ranking = parse_ranking(vm["ranking"].as<std::string>(), request.ranking);
    if (vm.count("no-expand")) request.ranking.expand = false;
    if (config.format == Format::Count) request.limit = 0;
    return std::nullopt;
}

}  // namespace

std::optional<int> parse_options(int argc, char** argv, SearcherConfig& config) {
    Spelled s;
    po::options_description visible = visible_options(config, s);
    // An empty --hl-start or --hl-end marks nothing on that side, which is a choice; an
    // empty --weighting gets parse_weighting's own message.
    const po::variables_map vm =
        cli::parse_command_line(argc, argv, visible, "query", s.words, {"hl-start", "hl-end", "weighting"});
    if (vm.count("help")) {
        std::cout << kUsage << visible << kRanking << kDefaultWeighting << kRankingSchemes << weighting_help()
                  << kEpilog;
        return kExitMatch;
    }
    if (vm.count("version")) {
        cli::print_version(kSearchProgram);
        return kExitMatch;
    }
    SearchRequest& request = config.request;
    request.collapse = vm.count("all") == 0;
    // `--timeline QUERY`: Boost takes the next word as the option's value; a word that is
    // no unit is the query's first word.
    if (!s.timeline.empty() && s.timeline != "auto" && !parse_timeline_unit(s.timeline)) {
        s.words.insert(s.words.begin(), s.timeline);
        s.timeline = "auto";
    }
    for (const auto& w : s.words) request.query += (request.query.empty() ? "" : " ") + w;
    const bool has_query = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
    if (!has_query && request.like_id.empty() && s.since.empty() && s.until.empty())
        return fail("no QUERY given", kExitError, "try: newsdex-search Taurus   (or --help)");
    if (!has_query) request.query.clear();
    if (auto code = check_output(config, s, vm)) return code;
    if (auto code = check_request(config, s, vm)) return code;
    if (!s.timeline.empty()) {
        request.timeline = true;
        if (s.timeline != "auto") request.timeline_unit = parse_timeline_unit(s.timeline);
        if (config.format != Format::Text && config.format != Format::Json)
            return fail("--timeline needs --format text or json", kExitError);
    }
    if (config.dbs.empty()) config.dbs.push_back(resolve_db_path(""));
    return std::nullopt;
}

}  // namespace newsdex
