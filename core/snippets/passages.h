/** @file @brief Choosing the passages of an article that best show why it matched. */
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/snippets/match_finder.h"
#include "core/snippets/query_patterns.h"
#include "core/snippets/sentences.h"

namespace newsdex::snippets {

struct PassageOptions {
    std::size_t fragments = 2;    ///< at most this many passages
    std::size_t max_chars = 150;  ///< characters per passage, counting the "…" of a cut
};

/// A passage as a byte range of the text.
struct Passage {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool cut_before = false;  ///< starts inside a sentence
    bool cut_after = false;   ///< ends inside a sentence
    bool operator==(const Passage&) const = default;
};

/// Picks up to options.fragments passages holding matches, in text order, never
/// overlapping. A passage is whole sentences when they fit in max_chars, else a
/// window of whole words inside one long sentence. Passages score the distinct patterns
/// they show, weighted by rarity (repeats add a little), plus a bonus when different
/// patterns share a sentence; each further passage prefers patterns not shown yet.
/// Passages that end up next to each other are joined into one.
std::vector<Passage> choose_passages(std::string_view text, const std::vector<Sentence>& sentences,
                                     const std::vector<Match>& matches, const std::vector<Pattern>& patterns,
                                     const PassageOptions& options);

/// The start of the text: whole sentences within max_chars, else its first words.
Passage lead_passage(std::string_view text, const std::vector<Sentence>& sentences, std::size_t max_chars);

}  // namespace newsdex::snippets
