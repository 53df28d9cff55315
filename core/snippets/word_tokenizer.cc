#include "core/snippets/word_tokenizer.h"

#include <limits>

#include <xapian.h>

namespace newsdex::snippets {

namespace {

// The rules below restate TermGenerator's word splitting in Xapian 1.4
// (queryparser/termgenerator_internal.cc: check_infix, check_infix_digit, check_suffix and
// the acronym rule), so that a word marked in a snippet is a word the index holds.

constexpr unsigned kIgnore = std::numeric_limits<unsigned>::max();

bool is_ascii_upper(unsigned ch) { return ch >= 'A' && ch <= 'Z'; }

unsigned to_lower(unsigned ch) {
    if (ch < 0x80) return is_ascii_upper(ch) ? ch + ('a' - 'A') : ch;
    return Xapian::Unicode::tolower(ch);
}

bool is_digit(unsigned ch) {
    if (ch < 0x80) return ch >= '0' && ch <= '9';
    return Xapian::Unicode::get_category(ch) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_zero_width(unsigned ch) {
    return ch >= 0x200b && (ch <= 0x200d || ch == 0x2060 || ch == 0xfeff);
}

/// A character allowed between two word characters: apostrophes, '&' (AT&T), middle dots.
unsigned infix(unsigned ch) {
    if (ch == '\'' || ch == '&' || ch == 0xb7 || ch == 0x5f4 || ch == 0x2027) return ch;
    if (ch == 0x2019 || ch == 0x201b) return '\'';  // curly apostrophes index as '
    if (is_zero_width(ch)) return kIgnore;
    return 0;
}

/// A character allowed between two digits: "3.14", "1,000".
unsigned infix_between_digits(unsigned ch) {
    switch (ch) {
        case ',': case '.': case ';': case 0x037e: case 0x0589: case 0x060d: case 0x07f8:
        case 0x2044: case 0xfe10: case 0xfe13: case 0xfe14:
            return ch;
        default:
            break;
    }
    return is_zero_width(ch) ? kIgnore : 0;
}

bool is_suffix(unsigned ch) { return ch == '+' || ch == '#'; }

void append(std::string& out, unsigned ch) {
    if (ch < 0x80)
        out += static_cast<char>(ch);
    else
        Xapian::Unicode::append_utf8(out, ch);
}

}  // namespace

CodePoint decode_at(std::string_view text, std::size_t i) {
    // As Xapian::Utf8Iterator decodes: a byte that does not start a valid, complete,
    // shortest-form sequence is one character, its own value (read as Latin-1).
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const auto cont = [&](std::size_t k) { return i + k < text.size() && (at(k) & 0xC0) == 0x80; };
    const unsigned char b0 = at(0);
    if (b0 < 0xC2) return {b0, 1};
    if (b0 < 0xE0) {
        if (!cont(1)) return {b0, 1};
        return {((b0 & 0x1Fu) << 6) | (at(1) & 0x3Fu), 2};
    }
    if (b0 < 0xF0) {
        if (!cont(1) || !cont(2) || (b0 == 0xE0 && at(1) < 0xA0)) return {b0, 1};
        return {((b0 & 0x0Fu) << 12) | ((at(1) & 0x3Fu) << 6) | (at(2) & 0x3Fu), 3};
    }
    if (b0 >= 0xF5 || !cont(1) || !cont(2) || !cont(3) || (b0 == 0xF0 && at(1) < 0x90) || (b0 == 0xF4 && at(1) >= 0x90))
        return {b0, 1};
    return {((b0 & 0x07u) << 18) | ((at(1) & 0x3Fu) << 12) | ((at(2) & 0x3Fu) << 6) | (at(3) & 0x3Fu), 4};
}

bool is_word_char(unsigned ch) {
    if (ch < 0x80)
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
    return Xapian::Unicode::is_wordchar(ch);
}

std::size_t count_chars(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::size_t char_floor(std::string_view text, std::size_t i) {
    if (i >= text.size()) return text.size();
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
}

bool WordTokenizer::next(Word& word) {
    const std::size_t end = text_.size();
    word.newline_before = false;
    word.term.clear();

    // Skip to the next word character.
    CodePoint c{0, 0};
    while (true) {
        if (pos_ >= end) return false;
        c = decode_at(text_, pos_);
        if (is_word_char(c.value)) break;
        if (c.value == '\n') word.newline_before = true;
        pos_ += c.length;
    }
    word.begin = pos_;

    // Initials separated by dots ("U.S.A.", "P.T.O") make one word; a trailing dot is
    // part of it. One letter is not an acronym, so "M&S" falls through to the infix rule.
    if (is_ascii_upper(c.value)) {
        std::size_t p = pos_;
        while (true) {
            append(word.term, to_lower(static_cast<unsigned char>(text_[p])));
            ++p;
            if (p == end || text_[p] != '.') break;
            ++p;
            if (p == end || !is_ascii_upper(static_cast<unsigned char>(text_[p]))) break;
        }
        if (word.term.size() > 1 && (p == end || !is_word_char(decode_at(text_, p).value))) {
            word.end = pos_ = p;
            return true;
        }
        word.term.clear();
    }

    std::size_t i = pos_;
    unsigned ch = to_lower(c.value);
    while (true) {
        unsigned prev = 0;
        do {
            append(word.term, ch);
            prev = ch;
            i += c.length;
            if (i >= end) {
                word.end = pos_ = i;
                return true;
            }
            c = decode_at(text_, i);
            ch = is_word_char(c.value) ? to_lower(c.value) : 0;
        } while (ch);

        // text_[i] is not a word character: it may join this word to the next one.
        const std::size_t after = i + c.length;
        if (after >= end) break;
        const CodePoint next = decode_at(text_, after);
        if (!is_word_char(next.value)) break;
        const unsigned joiner = is_digit(prev) && is_digit(next.value) ? infix_between_digits(c.value) : infix(c.value);
        if (!joiner) break;
        if (joiner != kIgnore) append(word.term, joiner);
        ch = to_lower(next.value);
        i = after;
        c = next;
    }

    // Up to three trailing '+' or '#' belong to the word ("C++", "C#"), unless a word
    // character follows them ("fish+chips" is two words).
    const std::size_t stem_bytes = word.term.size();
    const std::size_t stem_end = i;
    unsigned count = 0;
    while (is_suffix(static_cast<unsigned char>(text_[i]))) {
        if (++count > 3) {
            word.term.resize(stem_bytes);
            break;
        }
        word.term += text_[i];
        if (++i >= end) {
            word.end = pos_ = i;
            return true;
        }
    }
    if (word.term.size() != stem_bytes && is_word_char(decode_at(text_, i).value)) word.term.resize(stem_bytes);
    word.end = word.term.size() == stem_bytes ? stem_end : i;
    pos_ = i;
    return true;
}

}  // namespace newsdex::snippets
