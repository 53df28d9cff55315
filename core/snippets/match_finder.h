/** @file @brief Finds where a query's patterns occur in a text, word by word, the way the
 *  index saw that text: what a snippet may highlight, and nothing else. */
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "core/snippets/query_patterns.h"

namespace newsdex::snippets {

/// Which text is searched: the body holds only unprefixed terms; the title also holds
/// the `title:` field.
enum class Field { Body, Title };

/// One highlight: a word, a whole phrase, or one word of a NEAR group.
struct Match {
    std::size_t begin = 0;  ///< bytes
    std::size_t end = 0;
    std::uint32_t pattern = 0;  ///< index into the patterns
    bool operator==(const Match&) const = default;
};

/// How much of a text to scan.
struct ScanLimits {
    /// Words starting at or after this byte offset are not looked at.
    std::size_t limit = std::string_view::npos;
    /// Past this offset the scan may stop at a paragraph break, once every positive
    /// pattern has occurred within `window` bytes: a passage showing all of them exists,
    /// so the rest of a long article cannot show more.
    std::size_t settle_after = std::string_view::npos;
    std::size_t window = 0;
};

/// Matches each word against the patterns. Remembers how each distinct word matched, so
/// one finder should serve every hit of a query; it is not thread-safe.
class MatchFinder {
  public:
    MatchFinder(std::vector<Pattern> patterns, Xapian::Stem stemmer);

    const std::vector<Pattern>& patterns() const { return patterns_; }

    /// Matches of positive patterns in text[0, limit) (words starting before limit), in
    /// text order, minus any that overlap a match of an excluded pattern. Phrases and
    /// NEAR groups do not reach across a line break (the indexer puts a position gap
    /// between paragraphs). Words past TermGenerator's length limit never match.
    std::vector<Match> find(std::string_view text, Field field, std::size_t limit = std::string_view::npos) const {
        return find(text, field, ScanLimits{limit, std::string_view::npos, 0}, nullptr);
    }

    /// The same within `limits`; `scanned_to` gets the offset where the scan stopped
    /// (the text size when it read everything).
    std::vector<Match> find(std::string_view text, Field field, const ScanLimits& limits, std::size_t* scanned_to) const;

  private:
    /// A (pattern, slot) a word satisfies; title_only when only through a `title:` test.
    struct SlotHit {
        std::uint32_t pattern;
        std::uint32_t slot;
        bool title_only;
    };
    const std::vector<SlotHit>& slots_of(const std::string& term) const;

    std::vector<Pattern> patterns_;
    Xapian::Stem stemmer_;
    bool prefix_shortcut_ = false;  ///< the stemmer keeps words' beginnings (English)
    bool any_stem_ = false;
    Xapian::termcount max_window_ = 1;
    mutable std::unordered_map<std::string, std::vector<SlotHit>> cache_;
};

}  // namespace newsdex::snippets
