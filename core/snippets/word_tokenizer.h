/** @file @brief Words of a text exactly as Xapian 1.4's TermGenerator cuts and lower-cases
 *  them, with their byte ranges, so snippets mark what the index actually holds. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex::snippets {

/// TermGenerator drops words longer than this many bytes (its default max_word_length,
/// which the indexer keeps); such words get no position, so they never match.
inline constexpr std::size_t kMaxWordBytes = 64;

struct Word {
    std::size_t begin = 0;        ///< byte offset of the first character
    std::size_t end = 0;          ///< byte offset just past the word as shown ("C++" keeps "++")
    std::string term;             ///< the unprefixed term TermGenerator indexes for it
    bool newline_before = false;  ///< a '\n' (paragraph break) lies between it and the word before

    /// False for words TermGenerator skips (too long): they take no position.
    bool indexed() const { return !term.empty() && term.size() <= kMaxWordBytes; }
};

/// Walks the words of a text. Follows TermGenerator::index_text word for word (without
/// CJK n-grams, which Newsdex does not enable): Unicode word characters, lower-casing
/// without accent folding, acronyms ("U.S.A." -> "usa"), infixes ("don't", "AT&T",
/// "l’armée" -> "l'armée", "3.14", "1,000"), suffixes ("C++", "C#"), and invalid UTF-8
/// bytes read as Latin-1 as Xapian::Utf8Iterator reads them.
class WordTokenizer {
  public:
    /// `from` must be 0 or a byte offset where no word is in progress (e.g. a sentence
    /// start), or words will not line up with the index.
    explicit WordTokenizer(std::string_view text, std::size_t from = 0) : text_(text), pos_(from) {}

    /// Fills `word` with the next word (reusing its buffer); false at the end of the text.
    bool next(Word& word);

    /// Byte offset where the scan continues.
    std::size_t position() const { return pos_; }

  private:
    std::string_view text_;
    std::size_t pos_;
};

/// Unicode code point at text[i] and its length in bytes; an invalid byte is one Latin-1
/// character, as Xapian reads it. Requires i < text.size().
struct CodePoint {
    unsigned value;
    std::size_t length;
};
CodePoint decode_at(std::string_view text, std::size_t i);

/// Xapian's word-character test (letters, marks, digits, connector punctuation).
bool is_word_char(unsigned ch);

/// Number of code points in text (continuation bytes are not counted).
std::size_t count_chars(std::string_view text);

/// The largest offset <= i that starts a UTF-8 character (never splits a sequence).
std::size_t char_floor(std::string_view text, std::size_t i);

}  // namespace newsdex::snippets
