// newsdex-search: options -> Searcher -> text or JSON printer -> grep-like exit status.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "cli/option_values.h"
#include "core/error.h"
#include "core/search/search.h"
#include "searcher/options.h"
#include "searcher/output.h"

namespace po = boost::program_options;
using namespace newsdex;

namespace {

int fail(const std::string& message, int code, const std::string& hint = {}) {
    return cli::fail(kSearchProgram, message, code, hint);
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

int run(const SearcherConfig& config) {
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
    if (config.format == Format::JsonLines || config.format == Format::Ids || config.format == Format::Count)
        print_notes(results, std::cerr);
    std::cout.flush();
    // --count prints the articles holding every word: its status says whether that is 0.
    const Xapian::doccount matched = config.format == Format::Count ? results.total_all_words : results.total;
    return matched > 0 ? kExitMatch : kExitNoMatch;
}

}  // namespace

int main(int argc, char** argv) try {
    SearcherConfig config;
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
