// newsdex-xapian-floor: how fast Xapian's own writer can index a JSON Lines corpus, with
// nothing of Newsdex around it: the ceiling any Xapian-based indexer works under (see
// bench/README.md, "What Xapian's writer allows").
//
// Each of --threads threads parses every Nth record, indexes title and body with one
// TermGenerator (English, STEM_SOME unless --stem-all-z, positions unless
// --no-positions), adds a Q id term, stores title and body as the document data (unless
// --no-data) and writes its own database (shard), committing every --batch documents.
// Prints articles/s and seconds; the databases are left in --out for their sizes.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace po = boost::program_options;

namespace {

struct Config {
    std::string input, out;
    unsigned threads = 2, batch = 1000;
    bool stem_all_z = false, no_positions = false, no_data = false, spelling = false, no_termlist = false;
};

void index_shard(const Config& config, const std::vector<std::string>& lines, unsigned shard) {
    int flags = Xapian::DB_CREATE_OR_OVERWRITE;
    if (config.no_termlist) flags |= Xapian::DB_NO_TERMLIST;
    Xapian::WritableDatabase db(config.out + "/shard-" + std::to_string(shard), flags);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_stemming_strategy(config.stem_all_z ? Xapian::TermGenerator::STEM_ALL_Z
                                                      : Xapian::TermGenerator::STEM_SOME);
    if (config.spelling) {
        generator.set_database(db);
        generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    }
    unsigned done = 0;
    for (std::size_t i = shard; i < lines.size(); i += config.threads) {
        const auto record = nlohmann::json::parse(lines[i], nullptr, false);
        if (!record.is_object()) continue;
        const std::string title = record.value("title", ""), body = record.value("body", "");
        Xapian::Document doc;
        generator.set_document(doc);
        if (config.no_positions) {
            generator.index_text_without_positions(title, 1, "S");
            generator.index_text_without_positions(title);
            generator.index_text_without_positions(body);
        } else {
            generator.index_text(title, 1, "S");
            generator.increase_termpos();
            generator.index_text(title);
            generator.increase_termpos();
            generator.index_text(body);
        }
        doc.add_boolean_term("Q" + record.value("id", std::to_string(i)));
        if (!config.no_data) doc.set_data(title + "\n" + body);
        db.add_document(doc);
        if (++done % config.batch == 0) db.commit();
    }
    db.commit();
}

}  // namespace

int main(int argc, char** argv) {
    Config config;
    po::options_description options("Options");
    options.add_options()
        ("help,h", "show this help")
        ("input", po::value(&config.input)->required(), "JSON Lines corpus ({id, title, body} per line)")
        ("out", po::value(&config.out)->required(), "folder for the databases (overwritten)")
        ("threads", po::value(&config.threads)->default_value(2), "writer threads, one database each")
        ("batch", po::value(&config.batch)->default_value(1000), "documents per commit")
        ("stem-all-z", po::bool_switch(&config.stem_all_z), "STEM_ALL_Z: only stemmed terms (half the terms)")
        ("no-positions", po::bool_switch(&config.no_positions), "no positional information")
        ("no-data", po::bool_switch(&config.no_data), "store no document data")
        ("spelling", po::bool_switch(&config.spelling), "TermGenerator::FLAG_SPELLING")
        ("no-termlist", po::bool_switch(&config.no_termlist), "DB_NO_TERMLIST (no updates or deletes then)");
    po::variables_map vm;
    try {
        po::store(po::parse_command_line(argc, argv, options), vm);
        if (vm.count("help")) {
            std::cout << "Usage: newsdex-xapian-floor --input FILE.jsonl --out DIR [OPTIONS]\n" << options;
            return 0;
        }
        po::notify(vm);
        if (config.threads == 0 || config.batch == 0) throw std::runtime_error("--threads and --batch must be positive");
    } catch (const std::exception& e) {
        std::cerr << "newsdex-xapian-floor: " << e.what() << "\n";
        return 2;
    }
    std::vector<std::string> lines;
    {
        std::ifstream in(config.input);
        if (!in) {
            std::cerr << "newsdex-xapian-floor: cannot read " << config.input << "\n";
            return 2;
        }
        for (std::string line; std::getline(in, line);)
            if (!line.empty()) lines.push_back(std::move(line));
    }
    const auto start = std::chrono::steady_clock::now();
    try {
        std::filesystem::create_directories(config.out);
        std::vector<std::thread> threads;
        std::vector<std::string> errors(config.threads);
        for (unsigned t = 0; t < config.threads; ++t)
            threads.emplace_back([&, t] {
                try {
                    index_shard(config, lines, t);
                } catch (const Xapian::Error& e) {
                    errors[t] = e.get_description();
                }
            });
        for (auto& t : threads) t.join();
        for (const auto& e : errors)
            if (!e.empty()) throw std::runtime_error(e);
    } catch (const std::exception& e) {
        std::cerr << "newsdex-xapian-floor: " << e.what() << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << lines.size() << " articles in " << seconds << " s: " << static_cast<double>(lines.size()) / seconds
              << " articles/s\n";
    return 0;
}
