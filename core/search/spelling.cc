#include "core/search/spelling.h"

#include <vector>

#include "core/search/query_syntax.h"
#include "core/schema.h"
#include "core/search/term_spelling.h"

namespace newsdex {

namespace {

struct WordSpan {
    std::size_t begin, end;  // bytes in the query
};

/// Runs of word characters in text[begin, end), as Xapian's tokeniser sees words.
std::vector<WordSpan> words_in(std::string_view text, std::size_t begin, std::size_t end) {
    std::vector<WordSpan> out;
    const std::string part(text.substr(begin, end - begin));
    const char* base = part.data();
    std::size_t start = std::string::npos;
    Xapian::Utf8Iterator it(part);
    for (; it != Xapian::Utf8Iterator(); ++it) {
        const auto offset = static_cast<std::size_t>(it.raw() - base);
        if (Xapian::Unicode::is_wordchar(*it)) {
            if (start == std::string::npos) start = offset;
        } else if (start != std::string::npos) {
            out.push_back({begin + start, begin + offset});
            start = std::string::npos;
        }
    }
    if (start != std::string::npos) out.push_back({begin + start, end});
    return out;
}

std::string lower(const std::string& word) {
    std::string out;
    for (Xapian::Utf8Iterator it(word); it != Xapian::Utf8Iterator(); ++it)
        Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(*it));
    return out;
}

/// The suggestion spelt with the user's capitalisation: PISTORUS -> PISTORIUS,
/// Pistorus -> Pistorius, pistorus -> pistorius.
std::string with_case_of(const std::string& original, const std::string& suggestion) {
    std::size_t letters = 0, upper = 0;
    bool first_upper = false;
    for (Xapian::Utf8Iterator it(original); it != Xapian::Utf8Iterator(); ++it) {
        if (Xapian::Unicode::get_category(*it) == Xapian::Unicode::UPPERCASE_LETTER) {
            first_upper = first_upper || letters == 0;
            ++upper;
        }
        ++letters;
    }
    std::string out;
    bool first = true;
    for (Xapian::Utf8Iterator it(suggestion); it != Xapian::Utf8Iterator(); ++it, first = false) {
        const bool up = (upper == letters && letters > 1) || (first && first_upper);
        Xapian::Unicode::append_utf8(out, up ? Xapian::Unicode::toupper(*it) : *it);
    }
    return out;
}

bool has_digit(const std::string& word) { return word.find_first_of("0123456789") != std::string::npos; }

}  // namespace

std::string spelling_suggestion(std::string_view query, const Xapian::Database& db, const Xapian::Stem& stemmer,
                                bool from_index_words) {
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    for (const auto& token : lex_query(query)) {
        const bool plain = token.kind == QueryToken::Kind::Word || token.kind == QueryToken::Kind::Phrase;
        if (!plain || !token.field.empty() || !token.group_field.empty() || query[token.end - 1] == '*') continue;
        for (const auto& span : words_in(query, token.value, token.end)) {
            const std::string written(query.substr(span.begin, span.end - span.begin));
            const std::string word = lower(written);
            if (has_digit(word) || db.term_exists(word)) continue;
            if (!stemmer.is_none() && db.term_exists(schema::stem_term(stemmer, word))) continue;
            // One edit for short words: two would turn most of them into other words.
            const unsigned edits = word.size() <= 4 ? 1 : 2;
            const std::string suggestion =
                from_index_words ? nearest_indexed_word(db, word, edits) : db.get_spelling_suggestion(word, edits);
            if (suggestion.empty() || suggestion == word) continue;
            out += query.substr(copied, span.begin - copied);
            out += with_case_of(written, suggestion);
            copied = span.end;
            changed = true;
        }
    }
    if (!changed) return {};
    out += query.substr(copied);
    return out;
}

}  // namespace newsdex
