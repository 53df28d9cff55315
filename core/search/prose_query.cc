#include "core/search/prose_query.h"

#include <algorithm>
#include <array>

#include <xapian.h>

#include "core/text/utf8.h"

namespace newsdex {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/// Byte length of a quotation mark the query parser reads as one (`"`, U+201C, U+201D).
std::size_t quote_length(std::string_view text, std::size_t i) {
    if (text[i] == '"') return 1;
    const std::string_view rest = text.substr(i, 3);
    return rest == "\xE2\x80\x9C" || rest == "\xE2\x80\x9D" ? 3 : 0;
}

bool alone(std::string_view text, std::size_t i, std::size_t length) {
    return (i == 0 || is_space(text[i - 1])) && (i + length >= text.size() || is_space(text[i + length]));
}

bool is_operator(std::string_view word) {
    static constexpr std::array<std::string_view, 6> kOperators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    for (std::string_view op : kOperators)
        if (word == op || (word.size() > op.size() + 1 && word.starts_with(op) && word[op.size()] == '/'))
            return true;
    return false;
}

}  // namespace

ProseQuery read_prose(std::string_view text) {
    ProseQuery out{std::string(text), {}};
    if (!is_valid_utf8(text)) return out;  // refused later, with its own message
    std::vector<std::size_t> blanked;       // byte offsets, in query order at the end
    auto blank = [&](std::size_t at, std::size_t length) {
        for (std::size_t k = 0; k < length; ++k) out.text[at + k] = ' ';
        blanked.push_back(at);
    };
    std::vector<std::size_t> quotes;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (const std::size_t q = quote_length(text, i)) {
            quotes.push_back(i);
            i += q - 1;
        }
    if (quotes.size() % 2 == 1) blank(quotes.back(), quote_length(text, quotes.back()));

    std::vector<std::size_t> open;  // unmatched ( so far
    bool quoted = false;
    for (std::size_t i = 0; i < out.text.size(); ++i) {
        if (const std::size_t q = quote_length(out.text, i)) {
            quoted = !quoted;
            i += q - 1;
            continue;
        }
        if (quoted) continue;
        const char c = out.text[i];
        if (c == '(') {
            open.push_back(i);
        } else if (c == ')') {
            if (open.empty()) {
                blank(i, 1);
                continue;
            }
            const std::size_t at = open.back();
            open.pop_back();
            if (out.text.find_first_not_of(" \t\n\r\f\v", at + 1) == i) {  // () holds nothing
                blank(at, 1);
                blank(i, 1);
            }
        } else if ((c == '-' || c == ':') && alone(out.text, i, 1)) {
            blank(i, 1);
        }
    }
    for (const std::size_t at : open) blank(at, 1);
    std::sort(blanked.begin(), blanked.end());
    for (const std::size_t at : blanked)
        out.literal.push_back({utf8_length(text.substr(0, at)) + 1, std::string(text.substr(at, quote_length(text, at)
                                                                                                   ? quote_length(text, at)
                                                                                                   : 1))});
    return out;
}

std::string literal_note(const std::vector<LiteralMark>& literal) {
    std::string note = "read as plain text, not query syntax:";
    for (std::size_t i = 0; i < literal.size(); ++i)
        note += (i ? ", \"" : " \"") + literal[i].text + "\" at character " + std::to_string(literal[i].character);
    return note;
}

namespace {

/// Fields whose values are matched exactly as typed (ids, paths, addresses, sources,
/// languages, dates): their case is the user's, never folded.
bool names_exact_field(std::string_view word) {
    static constexpr std::string_view kExact[] = {"id", "url", "site", "source", "lang", "language", "date", "path"};
    for (const auto name : kExact)
        if (word == name) return true;
    return false;
}

/// Where the value of a field starting at `from` ends: after its closing quote when it is
/// quoted, else at the next space.
std::size_t exact_value_end(std::string_view text, std::size_t from) {
    if (from < text.size() && text[from] == '"') {
        const auto close = text.find('"', from + 1);
        return close == std::string_view::npos ? text.size() : close + 1;
    }
    const auto space = text.find_first_of(" \t\r\n", from);
    return space == std::string_view::npos ? text.size() : space;
}

}  // namespace

std::string fold_capitals(std::string_view text) {
    if (!is_valid_utf8(text)) return std::string(text);
    bool any_lower = false;
    for (Xapian::Utf8Iterator it(text.data(), text.size()); it != Xapian::Utf8Iterator(); ++it)
        any_lower = any_lower || Xapian::Unicode::get_category(*it) == Xapian::Unicode::LOWERCASE_LETTER;
    const bool all_capitals = !any_lower;

    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // A word: a run of word characters (letters, digits, '_'), as the parser splits them.
        std::size_t end = i;
        Xapian::Utf8Iterator it(text.data() + i, text.size() - i);
        while (it != Xapian::Utf8Iterator() && Xapian::Unicode::is_wordchar(*it)) {
            ++it;
            end = text.size() - it.left();
        }
        if (end == i) {  // not a word character: copy one character
            Xapian::Utf8Iterator one(text.data() + i, text.size() - i);
            ++one;
            const std::size_t next = text.size() - one.left();
            out.append(text.substr(i, next - i));
            i = next;
            continue;
        }
        if (end < text.size() && text[end] == ':' && names_exact_field(text.substr(i, end - i))) {
            const std::size_t value_end = exact_value_end(text, end + 1);
            out.append(text.substr(i, value_end - i));
            i = value_end;
            continue;
        }
        std::size_t word_end = end;
        if (word_end < text.size() && text[word_end] == '/')  // NEAR/5, ADJ/3
            while (++word_end < text.size() && text[word_end] >= '0' && text[word_end] <= '9') {
            }
        const std::string_view word = text.substr(i, end - i);
        std::size_t letters = 0, capitals = 0, later_capitals = 0, later_letters = 0;
        for (Xapian::Utf8Iterator w(word.data(), word.size()); w != Xapian::Utf8Iterator(); ++w) {
            const auto category = Xapian::Unicode::get_category(*w);
            const bool capital = category == Xapian::Unicode::UPPERCASE_LETTER;
            const bool letter = capital || category == Xapian::Unicode::LOWERCASE_LETTER ||
                                category == Xapian::Unicode::TITLECASE_LETTER || category == Xapian::Unicode::OTHER_LETTER;
            if (letter && letters > 0) {
                ++later_letters;
                later_capitals += capital;
            }
            letters += letter;
            capitals += capital;
        }
        const bool in_capitals = capitals > 0 && (all_capitals || (later_letters > 0 && later_capitals == later_letters));
        if (in_capitals && !is_operator(text.substr(i, word_end - i)))
            for (Xapian::Utf8Iterator w(word.data(), word.size()); w != Xapian::Utf8Iterator(); ++w)
                Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*w));
        else
            out.append(word);
        i = end;
    }
    return out;
}

}  // namespace newsdex
