// The HTML reader's speed: parse_html_page (charset, Gumbo, metadata, main text) over the
// pages named on the command line, held in memory, ROUNDS times; prints the median MB/s
// of the rounds as "html_reader_mb_s VALUE" and the pages' size.
// Usage: newsdex-bench-html-speed ROUNDS PAGE...
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "core/readers/html_reader.h"

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: newsdex-bench-html-speed ROUNDS PAGE...\n";
        return 2;
    }
    const int rounds = std::max(1, std::atoi(argv[1]));
    std::vector<std::string> pages;
    std::size_t bytes = 0;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        if (!in) {
            std::cerr << "newsdex-bench-html-speed: cannot read " << argv[i] << '\n';
            return 1;
        }
        std::ostringstream s;
        s << in.rdbuf();
        pages.push_back(s.str());
        bytes += pages.back().size();
    }
    std::vector<double> mb_s;
    std::size_t paragraphs = 0;  // used, so the work cannot be optimised away
    for (int r = 0; r < rounds; ++r) {
        const auto start = std::chrono::steady_clock::now();
        for (const auto& page : pages) paragraphs += newsdex::readers::parse_html_page(page).article.paragraphs.size();
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        mb_s.push_back(static_cast<double>(bytes) / 1e6 / took.count());
    }
    std::sort(mb_s.begin(), mb_s.end());
    std::cout << "pages " << pages.size() << "\nbytes " << bytes << "\nparagraphs " << paragraphs / static_cast<std::size_t>(rounds)
              << "\nhtml_reader_mb_s " << mb_s[mb_s.size() / 2] << '\n';
    return 0;
}
