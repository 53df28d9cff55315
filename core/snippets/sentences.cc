#include "core/snippets/sentences.h"

#include <algorithm>
#include <array>
#include <string>

#include <xapian.h>

#include "core/snippets/word_tokenizer.h"

namespace newsdex::snippets {

namespace {

enum class Stop { None, Latin, Cjk };

Stop stop_kind(unsigned ch) {
    switch (ch) {
        case '.': case '!': case '?': case 0x2026:  // … HORIZONTAL ELLIPSIS
            return Stop::Latin;
        case 0x3002: case 0xff01: case 0xff1f: case 0xff61:  // 。！？｡
            return Stop::Cjk;
        default:
            return Stop::None;
    }
}

/// Closing quotes and brackets that stay with the sentence they end: `said."`, `(sic.)`.
bool is_closer(unsigned ch) {
    switch (ch) {
        case '"': case '\'': case ')': case ']': case 0x2019: case 0x201d: case 0xbb: case 0x203a:
        case 0x300d: case 0x300f: case 0xff09:
            return true;
        default:
            return false;
    }
}

/// Opening quotes and brackets a sentence may start with.
bool is_opener(unsigned ch) {
    switch (ch) {
        case '"': case '\'': case '(': case '[': case 0x2018: case 0x201c: case 0xab: case 0x2039:
        case 0x300c: case 0x300e: case 0xff08: case 0x201e: case 0x201a:
            return true;
        default:
            return false;
    }
}

bool is_space(unsigned ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == 0xa0 ||
           (ch >= 0x80 && Xapian::Unicode::is_whitespace(ch));
}

// Words that a full stop follows without ending the sentence: titles before names and
// abbreviations that are followed by more of the sentence ("Gen. Breuer", "Jan. 5",
// "No. 10"). Ambiguous ones ("Inc.", "Ltd.", "etc.") are left out: a capitalised word
// after them starts a new sentence more often than not.
// Sorted: looked up by binary search.
constexpr std::array<std::string_view, 59> kAbbreviations{
    "adm", "al", "approx", "apr", "art", "aug", "brig", "ca", "capt", "cdr", "cf", "ch", "cmdr",
    "col", "cpl", "cpt", "dec", "det", "dr", "ed", "feb", "fig", "fr", "ft", "gen", "gov", "hon",
    "insp", "jan", "jul", "jun", "lt", "maj", "mar", "messrs", "mlle", "mme", "mr", "mrs", "ms",
    "mt", "no", "nos", "nov", "oct", "op", "pp", "pres", "prof", "pte", "rep", "ret", "rev", "sen",
    "sep", "sept", "sgt", "st", "supt"};
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));

bool is_abbreviation(std::string_view word) {
    if (word.size() > 6) return false;
    std::string lower(word);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return std::binary_search(kAbbreviations.begin(), kAbbreviations.end(), std::string_view(lower));
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Whether a full stop at `dot` ends a sentence, judging by the word in front of it.
bool dot_ends_sentence(std::string_view text, std::size_t dot) {
    std::size_t start = dot;
    bool inner_dot = false;
    while (start > 0) {
        if (is_ascii_letter(text[start - 1])) {
            --start;
        } else if (text[start - 1] == '.' && start >= 2 && is_ascii_letter(text[start - 2])) {
            inner_dot = true;  // "U.S", "e.g"
            --start;
        } else {
            break;
        }
    }
    const std::string_view word = text.substr(start, dot - start);
    if (word.empty()) return true;
    // Part of a longer word ("café.", "3rd."): an ordinary end of sentence.
    if (start > 0) {
        const char before = text[start - 1];
        if (static_cast<unsigned char>(before) >= 0x80 || is_ascii_digit(before) || before == '_') return true;
    }
    if (word.size() == 1) return false;                     // an initial: "George W. Bush"
    if (inner_dot) return word == "a.m" || word == "p.m";  // "U.S. President", but "at 9 a.m. Police"
    return !is_abbreviation(word);
}

/// Code point at i, or 0 past the end.
unsigned char_at(std::string_view text, std::size_t i) { return i < text.size() ? decode_at(text, i).value : 0; }

std::size_t skip_spaces(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        const auto c = decode_at(text, i);
        if (!is_space(c.value)) break;
        i += c.length;
    }
    return i;
}

/// True when the text from i on starts like a new sentence: not with a lower-case word.
bool starts_sentence(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        const auto c = decode_at(text, i);
        if (!is_opener(c.value)) {
            if (c.value < 0x80) return !(c.value >= 'a' && c.value <= 'z');
            return Xapian::Unicode::get_category(c.value) != Xapian::Unicode::LOWERCASE_LETTER;
        }
        i += c.length;
    }
    return true;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::size_t limit) {
    std::vector<Sentence> out;
    const std::size_t scan_end =
        limit >= text.size() || text.size() - limit <= kSentenceOverscan ? text.size()
                                                                          : char_floor(text, limit + kSentenceOverscan);
    const std::string_view scan = text.substr(0, scan_end);
    std::size_t begin = skip_spaces(scan, 0);
    auto close = [&](std::size_t end, std::size_t next) {
        // Trim white space before the end (a line break after spaces).
        while (end > begin && is_ascii_space(scan[end - 1])) --end;
        if (end > begin) out.push_back({begin, end, true});
        begin = skip_spaces(scan, next);
    };

    std::size_t i = begin;
    while (i < scan.size() && begin < limit) {
        const auto c = decode_at(scan, i);
        if (c.value == '\n') {
            close(i, i + 1);
            i = std::max(i + 1, begin);
            continue;
        }
        const Stop kind = stop_kind(c.value);
        if (kind == Stop::None) {
            i += c.length;
            continue;
        }
        // Take in repeated stops ("?!", "...") and closing quotes or brackets.
        std::size_t j = i + c.length;
        while (j < scan.size()) {
            const auto d = decode_at(scan, j);
            if (stop_kind(d.value) == Stop::None && !is_closer(d.value)) break;
            j += d.length;
        }
        bool boundary = false;
        if (kind == Stop::Cjk) {
            boundary = true;
        } else if (j >= scan.size()) {
            boundary = true;
        } else if (is_space(char_at(scan, j))) {
            const std::size_t next = skip_spaces(scan, j);
            // A lone full stop may follow an abbreviation ("Gen. Breuer", "(ret.) Fraser").
            const bool lone_dot = c.value == '.' && (i + 1 >= scan.size() || stop_kind(char_at(scan, i + 1)) == Stop::None);
            boundary = starts_sentence(scan, next) && (!lone_dot || dot_ends_sentence(scan, i));
        }
        if (boundary) {
            close(j, j);
            i = std::max(j, begin);
        } else {
            i = j;
        }
    }
    if (begin < scan.size() && begin < limit) {
        std::size_t end = scan.size();
        while (end > begin && is_ascii_space(scan[end - 1])) --end;
        if (end > begin) out.push_back({begin, end, scan_end == text.size()});
    }
    return out;
}

}  // namespace newsdex::snippets
