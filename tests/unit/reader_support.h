/** @file @brief Running the readers on in-memory input and looking at what they produce,
 *  down to the terms an article would be indexed with. */
#pragma once

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/index/document_builder.h"
#include "core/readers/read_file.h"

namespace newsdex::test {

/// Keeps everything the readers hand over.
struct CollectingSink : readers::ArticleSink {
    std::vector<Article> articles;
    std::vector<Problem> problems;
    void article(Article&& a) override { articles.push_back(std::move(a)); }
    void problem(Problem&& p) override { problems.push_back(std::move(p)); }

    std::size_t count(Problem::Level level) const {
        std::size_t n = 0;
        for (const auto& p : problems) n += p.level == level;
        return n;
    }
    /// All problem lines, "where: reason", one per line, for failure messages.
    std::string report() const {
        std::string out;
        for (const auto& p : problems) out += p.where + ": " + p.reason + "\n";
        return out;
    }
};

inline CollectingSink read_named(const std::string& name, std::string_view bytes,
                                 readers::ReadOptions options = {}) {
    CollectingSink sink;
    readers::read_bytes(name, bytes, options, sink);
    return sink;
}

/// The terms DocumentBuilder gives an article (English default, as newsdex-index).
inline std::set<std::string> indexed_terms(const Article& article) {
    DocumentBuilder builder(Language{"en", "english"});
    const Xapian::Document doc = builder.build(article);
    return {doc.termlist_begin(), doc.termlist_end()};
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline std::string corpus_path(const std::string& relative) {
    return std::string(NEWSDEX_CORPUS_DIR) + "/" + relative;
}

inline std::string broken_path(const std::string& relative) {
    return std::string(NEWSDEX_TEST_DATA_DIR) + "/broken/" + relative;
}

}  // namespace newsdex::test
