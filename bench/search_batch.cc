// newsdex-bench-search: the relevance study's way of running many queries (bench/README.md).
//
// Runs every query of a JSON Lines file ({"qid","text"} per line) through core's Searcher,
// the code newsdex-search runs, with newsdex-search's ranking options (--weighting,
// --ranking, --no-expand) and --no-snippets, in one process: a process per query costs
// more than the search itself on a small collection. Prints a TREC run on stdout; a query
// that is refused (a query error) is named on stderr, and the exit status is then 1.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/search/ranking.h"
#include "core/search/search.h"
#include "core/search/weighting.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
    std::string db, queries, weighting, ranking, tag = "newsdex";
    Xapian::doccount limit = 1000;
    po::options_description options("newsdex-bench-search options");
    options.add_options()("db", po::value(&db)->required(), "the database")(
        "queries", po::value(&queries)->required(), "JSON Lines of {\"qid\",\"text\"}")(
        "limit", po::value(&limit)->default_value(1000), "results per query")(
        "weighting", po::value(&weighting), "as newsdex-search --weighting")(
        "ranking", po::value(&ranking), "as newsdex-search --ranking")(
        "no-expand", "as newsdex-search --no-expand")("tag", po::value(&tag), "run tag");
    try {
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, options), vm);
        po::notify(vm);
        newsdex::SearchRequest request;
        request.limit = limit;
        request.snippets = false;
        request.weighting = weighting;
        if (!weighting.empty()) newsdex::parse_weighting(weighting);
        if (!ranking.empty()) request.ranking = newsdex::parse_ranking(ranking, request.ranking);
        if (vm.count("no-expand")) request.ranking.expand = false;
        newsdex::Searcher searcher(db);
        std::ifstream in(queries);
        if (!in) throw std::runtime_error("cannot read " + queries);
        std::string line;
        int refused = 0;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            const auto q = nlohmann::json::parse(line);
            request.query = q.at("text").get<std::string>();
            const std::string qid = q.at("qid").get<std::string>();
            try {
                const auto results = searcher.search(request);
                for (const auto& hit : results.hits)
                    std::cout << qid << " Q0 " << std::filesystem::path(hit.article.path).stem().string() << ' '
                              << hit.rank << ' ' << hit.score << ' ' << tag << '\n';
            } catch (const newsdex::Error& e) {
                if (e.kind() != newsdex::ErrorKind::Query) throw;
                std::cerr << "refused " << qid << ": " << e.what() << '\n';
                ++refused;
            }
        }
        return refused > 0 ? 1 : 0;
    } catch (const std::exception& e) {
        std::cerr << "newsdex-bench-search: " << e.what() << '\n';
        return 2;
    }
}
