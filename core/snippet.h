/** @file @brief Snippets: the passage of an article that shows why it matched, as text
 *  split into matched and unmatched spans so each output format marks them its own way. */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct Span {
    std::string text;
    bool match = false;
    bool operator==(const Span&) const = default;
};
using MarkedText = std::vector<Span>;

/// Plain text of marked text, markers dropped.
std::string plain_text(const MarkedText& marked);

/// The best passage of `text` (about `length` bytes) for the query of `mset`, with every
/// matched word or phrase marked; stem-aware when `stemmer` is the one the index used.
/// Elisions are marked "…". Returns the lead of `text` unmarked when nothing matches.
MarkedText make_snippet(const Xapian::MSet& mset, const std::string& text,
                        const Xapian::Stem& stemmer, std::size_t length);

/// All of `text` (a title), with the words the query matched marked.
MarkedText highlight_all(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer);

/// The first `length` bytes of text, cut at a word boundary, "…" added when cut.
std::string lead_text(const std::string& text, std::size_t length);

}  // namespace newsdex
