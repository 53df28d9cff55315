#include "core/search/spelling.h"

#include <algorithm>
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

bool is_upper(unsigned ch) { return Xapian::Unicode::get_category(ch) == Xapian::Unicode::UPPERCASE_LETTER; }

bool starts_upper_case(const std::string& written) {
    return !written.empty() && is_upper(*Xapian::Utf8Iterator(written));
}

/// Whether a word no article holds is far more likely a typo of `suggestion` than a word
/// (most often a name: Brexit, Covid, Kyiv, iPhone) the articles just do not hold, so
/// that searching the suggestion instead cannot surprise: typos keep the first letter,
/// words of 5 letters or more have room for one edit (8 or more: two), the suggestion is
/// a word several articles hold (in some form), and the word is written as words are (lower-case, or
/// capitalised), not as names and acronyms are (iPhone, NATO).
bool plausible_typo(const std::string& written, const std::string& word, const std::string& suggestion,
                    const Xapian::Database& db, const std::vector<Xapian::Stem>& stemmers) {
    std::size_t letters = 0;
    bool inner_upper = false;
    for (Xapian::Utf8Iterator it(written); it != Xapian::Utf8Iterator(); ++it, ++letters)
        inner_upper = inner_upper || (letters > 0 && is_upper(*it));
    if (inner_upper || letters < kMinCorrectedLetters) return false;
    if (*Xapian::Utf8Iterator(word) != *Xapian::Utf8Iterator(suggestion)) return false;
    const unsigned allowed = letters >= 8 ? 2 : 1;
    if (edit_distance(word, suggestion, allowed) > allowed) return false;
    // Held by several articles as written or in another form of the database's language
    // (missiles: missile). Only that language's: another's stemmer can make a rare word
    // a common stem (covia -> cov).
    Xapian::doccount held = db.get_termfreq(suggestion);
    if (!stemmers.empty() && !stemmers.front().is_none())
        held = std::max(held, db.get_termfreq(schema::stem_term(stemmers.front(), suggestion)));
    return held >= kMinCorrectionArticles;
}

}  // namespace

SpellingSuggestion suggest_spelling(std::string_view query, const Xapian::Database& db,
                                    const std::vector<Xapian::Stem>& stemmers, bool from_index_words) {
    SpellingSuggestion result;
    std::string out;
    std::size_t copied = 0;
    bool changed = false;
    const auto replace = [&](const WordSpan& span, const std::string& with) {
        out += query.substr(copied, span.begin - copied);
        out += with;
        copied = span.end;
        changed = true;
    };
    for (const auto& token : lex_query(query)) {
        const bool plain = token.kind == QueryToken::Kind::Word || token.kind == QueryToken::Kind::Phrase;
        if (!plain || !token.field.empty() || !token.group_field.empty() || query[token.end - 1] == '*') continue;
        for (const auto& span : words_in(query, token.value, token.end)) {
            const std::string written(query.substr(span.begin, span.end - span.begin));
            const std::string word = lower(written);
            if (has_digit(word) || db.term_exists(word)) continue;
            if (std::any_of(stemmers.begin(), stemmers.end(), [&](const Xapian::Stem& stemmer) {
                    return !stemmer.is_none() && db.term_exists(schema::stem_term(stemmer, word));
                })) {
                // A capitalised word is searched as written (STEM_SOME), and no article
                // holds `Ukrain` as written; its stem they hold: search it lower-case.
                if (token.kind == QueryToken::Kind::Word && word != written &&
                    starts_upper_case(written)) {
                    replace(span, word);
                    continue;
                }
                continue;
            }
            // One edit for short words: two would turn most of them into other words.
            const unsigned edits = word.size() <= 4 ? 1 : 2;
            const std::string suggestion =
                from_index_words ? nearest_indexed_word(db, word, edits) : db.get_spelling_suggestion(word, edits);
            if (suggestion.empty() || suggestion == word) continue;
            replace(span, with_case_of(written, suggestion));
            result.case_only = false;
            if (!plausible_typo(written, word, suggestion, db, stemmers)) result.searchable = false;
        }
    }
    if (!changed) return {};
    out += query.substr(copied);
    result.text = std::move(out);
    return result;
}

std::string spelling_suggestion(std::string_view query, const Xapian::Database& db,
                                const std::vector<Xapian::Stem>& stemmers, bool from_index_words) {
    return suggest_spelling(query, db, stemmers, from_index_words).text;
}

}  // namespace newsdex
