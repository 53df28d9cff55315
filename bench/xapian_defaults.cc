// newsdex-bench-xapian-defaults: the baseline of the relevance harness (bench/README.md).
//
// Indexes a collection and answers its queries the way an untuned Xapian application
// would: TermGenerator with the English stemmer (STEM_SOME) over title, authors and
// body alike (no field weighting, no stop words), QueryParser with its default flags
// and default operator (OR), and Enquire's default weighting, BM25Weight() with
// Xapian's default parameters. Prints a TREC run on stdout.
//
// Input: JSON Lines, one {"docno","title","authors":[...],"body"} per document and
// one {"qid","text"} per query (written by bench/relevance).
#include <fstream>
#include <iostream>
#include <string>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace po = boost::program_options;

namespace {

constexpr const char* kProgram = "newsdex-bench-xapian-defaults";

struct Config {
    std::string docs, queries, tag = "xapian-defaults";
    Xapian::doccount limit = 1000;
};

/// Calls `each` with every JSON object of a JSON Lines file; throws naming file and line.
template <typename F>
void for_each_json_line(const std::string& path, F each) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (!j.is_object()) throw std::runtime_error(path + ":" + std::to_string(number) + ": not a JSON object");
        each(j);
    }
}

Xapian::WritableDatabase build_index(const std::string& docs_path) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    for_each_json_line(docs_path, [&](const nlohmann::json& j) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(j.value("title", std::string()));
        for (const auto& author : j.value("authors", nlohmann::json::array())) {
            generator.increase_termpos();
            if (author.is_string()) generator.index_text(author.get<std::string>());
        }
        generator.increase_termpos();
        generator.index_text(j.value("body", std::string()));
        doc.set_data(j.at("docno").get<std::string>());
        db.add_document(doc);
    });
    return db;
}

void run_queries(const Xapian::Database& db, const Config& config) {
    Xapian::QueryParser parser;
    parser.set_stemmer(Xapian::Stem("english"));
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    parser.set_database(db);
    Xapian::Enquire enquire(db);
    for_each_json_line(config.queries, [&](const nlohmann::json& j) {
        const std::string qid = j.at("qid").get<std::string>();
        const std::string text = j.at("text").get<std::string>();
        Xapian::Query query;
        try {
            query = parser.parse_query(text);
        } catch (const Xapian::QueryParserError& e) {
            std::cerr << kProgram << ": query " << qid << ": " << e.get_msg() << '\n';
            return;
        }
        enquire.set_query(query);
        const Xapian::MSet mset = enquire.get_mset(0, config.limit);
        // The score column falls with rank, so trec_eval keeps Xapian's order even for ties.
        Xapian::doccount rank = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            ++rank;
            std::cout << qid << " Q0 " << it.get_document().get_data() << ' ' << rank << ' '
                      << mset.size() - rank + 1 << ' ' << config.tag << '\n';
        }
    });
}

}  // namespace

int main(int argc, char** argv) try {
    Config config;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help and exit")
        ("docs", po::value(&config.docs)->required(), "documents, JSON Lines")
        ("queries", po::value(&config.queries)->required(), "queries, JSON Lines")
        ("limit", po::value(&config.limit)->default_value(1000), "results per query")
        ("tag", po::value(&config.tag)->default_value("xapian-defaults"), "run tag");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    if (vm.count("help")) {
        std::cout << "Usage: " << kProgram << " --docs FILE --queries FILE [--limit N]\n\n" << options;
        return 0;
    }
    po::notify(vm);
    const Xapian::WritableDatabase db = build_index(config.docs);
    run_queries(db, config);
    return 0;
} catch (const po::error& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
    return 2;
} catch (const Xapian::Error& e) {
    std::cerr << kProgram << ": " << e.get_description() << '\n';
    return 3;
} catch (const std::exception& e) {
    std::cerr << kProgram << ": " << e.what() << '\n';
    return 3;
}
