/** @file @brief What every fuzz target checks in what a reader hands on, beyond "no crash,
 *  no leak, no UB": all of it is valid UTF-8, and no two articles of one file share an id
 *  (an id that repeats would make one article replace the other in the index). */
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>

#include "core/readers/read_file.h"
#include "core/text/utf8.h"

namespace newsdex::fuzz {

struct CheckingSink : readers::ArticleSink {
    std::set<std::string> ids;
    std::size_t text_bytes = 0;  ///< paragraphs handed on, for bounds on what input expands to

    void article(Article&& a) override {
        if (!ids.insert(a.id).second) __builtin_trap();
        check(a.title);
        for (const auto& p : a.paragraphs) {
            check(p);
            text_bytes += p.size();
        }
        for (const auto& name : a.authors) check(name);
        check(a.source);
        check(a.url);
        check(a.id);
    }
    void problem(Problem&& p) override { check(p.reason); }
    static void check(std::string_view text) {
        if (!is_valid_utf8(text)) __builtin_trap();
    }
};

}  // namespace newsdex::fuzz
