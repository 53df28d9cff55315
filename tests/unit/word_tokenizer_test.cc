// The snippet tokenizer must cut words exactly as Xapian's TermGenerator indexes them:
// checked against TermGenerator itself on tricky text and, when present, real articles.
#include "core/snippets/word_tokenizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <xapian.h>

namespace newsdex::snippets {
namespace {

std::vector<std::string> our_terms(std::string_view text) {
    std::vector<std::string> out;
    WordTokenizer words(text);
    Word w;
    while (words.next(w))
        if (w.indexed()) out.push_back(w.term);
    return out;
}

/// The positional terms TermGenerator makes of text, in position order.
std::vector<std::string> xapian_terms(const std::string& text) {
    Xapian::TermGenerator generator;
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    std::map<Xapian::termpos, std::string> by_position;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) by_position[*p] = *t;
    std::vector<std::string> out;
    for (auto& [pos, term] : by_position) out.push_back(term);
    return out;
}

/// The text of each word as shown (its byte range).
std::vector<std::string> shown(std::string_view text) {
    std::vector<std::string> out;
    WordTokenizer words(text);
    Word w;
    while (words.next(w)) out.emplace_back(text.substr(w.begin, w.end - w.begin));
    return out;
}

struct TokenRow {
    const char* text;
    std::vector<std::string> terms;  // what the index holds, in order
    std::vector<std::string> shown;  // what a highlight covers
};

class Tokenizer : public ::testing::TestWithParam<TokenRow> {};

TEST_P(Tokenizer, CutsAndFoldsLikeTermGenerator) {
    const auto& row = GetParam();
    EXPECT_EQ(our_terms(row.text), row.terms) << row.text;
    EXPECT_EQ(xapian_terms(row.text), row.terms) << "the expectation itself disagrees with Xapian: " << row.text;
    EXPECT_EQ(shown(row.text), row.shown) << row.text;
}

INSTANTIATE_TEST_SUITE_P(Table, Tokenizer, ::testing::Values(
    TokenRow{"Taurus missiles", {"taurus", "missiles"}, {"Taurus", "missiles"}},
    TokenRow{"U.S.A. and the U.S. army", {"usa", "and", "the", "us", "army"}, {"U.S.A.", "and", "the", "U.S.", "army"}},
    TokenRow{"don't o'neill's AT&T M&S", {"don't", "o'neill's", "at&t", "m&s"}, {"don't", "o'neill's", "AT&T", "M&S"}},
    TokenRow{"l’armée L'Armée", {"l'armée", "l'armée"}, {"l’armée", "L'Armée"}},  // curly apostrophe indexes as '
    TokenRow{"3.14 1,000 2024-03-05", {"3.14", "1,000", "2024", "03", "05"}, {"3.14", "1,000", "2024", "03", "05"}},
    TokenRow{"C++ and C# but fish+chips", {"c++", "and", "c#", "but", "fish", "chips"}, {"C++", "and", "C#", "but", "fish", "chips"}},
    TokenRow{"e-mail time_t", {"e", "mail", "time_t"}, {"e", "mail", "time_t"}},
    TokenRow{"GESPRÄCH über Bundesverteidigungsministerium",
             {"gespräch", "über", "bundesverteidigungsministerium"}, {"GESPRÄCH", "über", "Bundesverteidigungsministerium"}},
    TokenRow{"“Taurus”—the missile’s range", {"taurus", "the", "missile's", "range"}, {"Taurus", "the", "missile’s", "range"}},
    TokenRow{"東京の会議 ニュース", {"東京の会議", "ニュース"}, {"東京の会議", "ニュース"}},  // no CJK n-grams in the index
    TokenRow{"ΑΘΗΝΑ Москва", {"αθηνα", "москва"}, {"ΑΘΗΝΑ", "Москва"}},
    TokenRow{"zero\u200bwidth", {"zerowidth"}, {"zero\u200bwidth"}},
    TokenRow{"c++++ x", {"c", "x"}, {"c", "x"}},
    TokenRow{"A.b P.T.O", {"a", "b", "pto"}, {"A", "b", "P.T.O"}}));

TEST(Tokenizer, SkipsWordsTermGeneratorDropsForLength) {
    const std::string longword(70, 'x');
    const std::string text = "a " + longword + " b";
    EXPECT_EQ(our_terms(text), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(xapian_terms(text), (std::vector<std::string>{"a", "b"}));
}

TEST(Tokenizer, NotesParagraphBreaks) {
    WordTokenizer words("one two\nthree");
    Word w;
    std::vector<bool> breaks;
    while (words.next(w)) breaks.push_back(w.newline_before);
    EXPECT_EQ(breaks, (std::vector<bool>{false, false, true}));
}

TEST(Tokenizer, WordCharactersAgreeWithXapianForEveryCodePoint) {
    for (unsigned ch = 0; ch <= 0x10FFFF; ++ch)
        if (is_word_char(ch) != Xapian::Unicode::is_wordchar(ch)) FAIL() << "U+" << std::hex << ch;
}

TEST(Tokenizer, DecodesLikeUtf8IteratorEvenWhenInvalid) {
    std::mt19937 rng(6);
    std::uniform_int_distribution<int> byte(0, 255), length(1, 12);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const int n = length(rng);
        for (int i = 0; i < n; ++i) s += static_cast<char>(byte(rng) < 128 ? byte(rng) / 2 : 0x80 + byte(rng) / 2);
        std::vector<unsigned> ours, theirs;
        for (std::size_t i = 0; i < s.size();) {
            const auto c = decode_at(s, i);
            ours.push_back(c.value);
            i += c.length;
        }
        for (Xapian::Utf8Iterator it(s); it != Xapian::Utf8Iterator(); ++it) theirs.push_back(*it);
        ASSERT_EQ(ours, theirs) << "round " << round;
    }
}

TEST(Tokenizer, AgreesWithTermGeneratorOnRealArticles) {
    const std::filesystem::path root = std::filesystem::path(NEWSDEX_SHARED_DIR) / "corpora" / "bbc";
    if (!std::filesystem::exists(root)) GTEST_SKIP() << "no shared corpora at " << root;
    int checked = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".txt" || checked >= 300) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        const std::string text = buffer.str();
        ASSERT_EQ(our_terms(text), xapian_terms(text)) << entry.path();
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

TEST(Utf8, CharFloorNeverSplitsASequence) {
    const std::string s = "aé東";  // 1 + 2 + 3 bytes
    EXPECT_EQ(char_floor(s, 2), 1u);
    EXPECT_EQ(char_floor(s, 4), 3u);
    EXPECT_EQ(char_floor(s, 5), 3u);
    EXPECT_EQ(char_floor(s, 99), s.size());
    EXPECT_EQ(count_chars(s), 3u);
}

}  // namespace
}  // namespace newsdex::snippets
