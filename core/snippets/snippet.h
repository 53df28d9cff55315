/** @file @brief Snippets: the passages of an article that show why it matched, and its
 *  title, as text split into matched and unmatched spans so each output format marks
 *  them its own way. */
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
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

/// The elision mark, U+2026.
inline constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

/// One passage of a snippet.
struct Fragment {
    MarkedText text;             ///< the passage as it stands in the article, matches marked
    std::size_t offset = 0;      ///< where it starts in the article body, in bytes
    std::size_t char_offset = 0; ///< the same, in Unicode code points
    bool elided_before = false;  ///< starts inside a sentence: shown after "…"
    bool elided_after = false;   ///< ends inside a sentence: shown before "…"
};

struct Snippet {
    std::vector<Fragment> fragments;  ///< in article order, never overlapping
    bool from_lead = false;           ///< nothing in the body matched: the article's lead
};

/// The fragments as one text: " … " between fragments, "…" before the first or after the
/// last when it starts or ends inside a sentence.
MarkedText join_fragments(const std::vector<Fragment>& fragments);

struct SnippetOptions {
    std::size_t fragments = 2;        ///< passages per snippet, at most
    std::size_t fragment_chars = 200; ///< characters per passage, counting its "…" marks
    /// Only this much of a body is searched for passages (cut at a character boundary),
    /// so that a huge article costs no more than this; the lead is shown when nothing
    /// matched in it. Past 64 KiB the search also stops at the next paragraph once one
    /// passage could show every query term.
    std::size_t max_scan_bytes = 512 * 1024;
};

/// Makes the snippets of one query's hits. Matches what the index matched: each word is
/// cut and lower-cased as Xapian's TermGenerator does it, stems are compared with the
/// index's stemmer, phrases are marked only where the whole phrase occurs (as one span),
/// NEAR groups only where their words are near each other, wildcards by prefix, `title:`
/// terms only in the title, and nothing the query excludes (NOT, AND NOT, -word) is ever
/// marked. Keeps per-word results between calls; not thread-safe.
class SnippetMaker {
  public:
    /// `query` as parsed from the user's text (its any-word form serves partial matches
    /// too); `stemmer` the one the index was built with; `db` gives term rarity for
    /// choosing passages (may be null: every term then counts the same).
    SnippetMaker(const Xapian::Query& query, const Xapian::Stem& stemmer, const Xapian::Database* db,
                 SnippetOptions options = {});
    ~SnippetMaker();
    SnippetMaker(SnippetMaker&&) noexcept;
    SnippetMaker& operator=(SnippetMaker&&) noexcept;

    /// The best passages of an article body; its lead when nothing in it matches.
    Snippet body(std::string_view text) const;

    /// All of a title, matches marked.
    MarkedText title(std::string_view title) const;

    const SnippetOptions& options() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
