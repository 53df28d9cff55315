/** @file @brief Sentence boundaries of news text, so snippet fragments can start and end
 *  where a reader expects a sentence to. */
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace newsdex::snippets {

/// How far past the limit split_sentences follows the sentence in progress.
inline constexpr std::size_t kSentenceOverscan = 4096;

/// A sentence as a byte range, without the white space around it.
struct Sentence {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool complete = true;  ///< false when cut short by the scan limit
};

/// Splits text[0, limit) into sentences. A sentence ends at a line break (paragraphs,
/// headlines, list items), or after ".", "!", "?", "…" (and closing quotes or brackets)
/// followed by white space and a word that does not start in lower case; not after
/// titles and abbreviations ("Mr.", "Gen.", "e.g."), initials ("George W. Bush"), dotted
/// acronyms before a name ("U.S. President"), or inside numbers ("3.5"). CJK full stops
/// ("。", "！", "？") end a sentence with or without a following space.
/// Sentences starting at or after `limit` are not returned; one that crosses it is
/// followed to its end for up to kSentenceOverscan bytes, else cut (complete = false).
std::vector<Sentence> split_sentences(std::string_view text, std::size_t limit = std::string_view::npos);

}  // namespace newsdex::snippets
