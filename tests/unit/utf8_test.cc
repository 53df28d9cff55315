/** @file @brief Tests for core/utf8: cleaning file bytes into index-safe UTF-8, binary
 *  detection, validation, and character-safe truncation. */
#include "core/text/utf8.h"

#include <gtest/gtest.h>

#include <cstddef>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {
namespace {

using namespace std::string_literals;

/// Bytes as C-escaped text, so failures show which byte is at fault.
std::string escaped(std::string_view bytes) {
    std::string out;
    for (char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7F && c != '\\') {
            out += ch;
        } else {
            static constexpr char kHex[] = "0123456789ABCDEF";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

// ---- clean_text -------------------------------------------------------------------------

struct CleanCase {
    const char* what;
    std::string input;
    std::string expected;
    std::size_t invalid = 0;
    std::size_t controls = 0;
    bool cp1252 = false;
};

void PrintTo(const CleanCase& c, std::ostream* os) {
    *os << c.what << ": \"" << escaped(c.input.substr(0, 60)) << '"';
}

std::vector<CleanCase> clean_cases() {
    return {
        {"empty input", "", ""},
        {"plain ASCII is untouched", "Taurus missiles", "Taurus missiles"},
        {"valid UTF-8 is untouched", "Müller café € 𝄞 “quote”", "Müller café € 𝄞 “quote”"},
        {"tab and newline are kept", "a\tb\nc\n", "a\tb\nc\n"},
        // Byte order mark.
        {"leading BOM is dropped", "\xEF\xBB\xBFhello", "hello"},
        {"leading BOM before UTF-8 text", "\xEF\xBB\xBF" "café", "café"},
        {"BOM only", "\xEF\xBB\xBF", ""},
        // Line endings.
        {"CRLF becomes LF", "one\r\ntwo\r\n", "one\ntwo\n"},
        {"lone CR (old Mac) becomes LF", "one\rtwo\r", "one\ntwo\n"},
        {"CR CR LF is two breaks", "a\r\r\nb", "a\n\nb"},
        {"blank CRLF lines survive", "a\r\n\r\nb", "a\n\nb"},
        {"LF CR is two breaks", "a\n\rb", "a\n\nb"},
        // Control characters.
        {"NUL dropped and counted", "a\0b"s, "ab", 0, 1},
        {"C0 controls dropped and counted", "\x07" "a\x08\x0B\x0C\x1B" "b\x7F", "ab", 0, 6},
        {"C1 control in UTF-8 (U+0085) dropped", "caf\xC3\xA9\xC2\x85!", "café!", 0, 1},
        {"C1 controls U+0080 and U+009F dropped", "\xC2\x80" "é\xC2\x9F", "é", 0, 2},
        {"U+00A0 is not a control", "a\xC2\xA0" "b", "a\xC2\xA0" "b"},
        // Invalid UTF-8 in UTF-8 text.
        {"stray Latin-1 byte in UTF-8 text", "café caf\xE9", "café caf\xEF\xBF\xBD", 1},
        {"0xFF in UTF-8 text", "é\xFF", "é\xEF\xBF\xBD", 1},
        {"lone continuation byte", "é\x80x", "é\xEF\xBF\xBDx", 1},
        {"truncated 2-byte sequence at end", "é\xC3", "é\xEF\xBF\xBD", 1},
        {"truncated 3-byte sequence is one replacement", "é\xE2\x82", "é\xEF\xBF\xBD", 1},
        {"truncated 4-byte sequence is one replacement", "é\xF0\x9D\x84 x",
         "é\xEF\xBF\xBD x", 1},
        {"truncated sequence before ASCII", "é\xE2\x82z", "é\xEF\xBF\xBDz", 1},
        {"overlong 2-byte NUL (C0 80)", "é\xC0\x80", "é\xEF\xBF\xBD\xEF\xBF\xBD", 2},
        {"overlong 3-byte slash (E0 80 AF)", "é\xE0\x80\xAF",
         "é\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
        {"overlong 4-byte (F0 8F BF BF)", "é\xF0\x8F\xBF\xBF",
         "é\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
        {"surrogate U+D800 (ED A0 80)", "é\xED\xA0\x80",
         "é\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
        {"surrogate U+DFFF (ED BF BF)", "é\xED\xBF\xBF",
         "é\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
        {"past U+10FFFF (F4 90 80 80)", "é\xF4\x90\x80\x80",
         "é\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
        {"F5 lead byte", "é\xF5\x80", "é\xEF\xBF\xBD\xEF\xBF\xBD", 2},
        {"largest code point is valid", "é\xF4\x8F\xBF\xBF", "é\xF4\x8F\xBF\xBF"},
        {"U+D7FF and U+E000 border the surrogates", "\xED\x9F\xBF\xEE\x80\x80",
         "\xED\x9F\xBF\xEE\x80\x80"},
        {"U+FFFD already present is not counted", "a\xEF\xBF\xBD" "b", "a\xEF\xBF\xBD" "b"},
        // Windows-1252: high bytes but no UTF-8 multibyte sequence anywhere.
        {"cp1252 accent and curly quotes", "caf\xE9 \x93quoted\x94", "café “quoted”", 0, 0, true},
        {"cp1252 euro, dashes, ellipsis", "\x80" "5 \x96 \x97 \x85", "€5 – — …", 0, 0, true},
        {"cp1252 every defined byte of 0x80-0x9F (0x9F is Y with diaeresis)",
         "\x80\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8E\x91\x92\x93\x94\x95\x96"
         "\x97\x98\x99\x9A\x9B\x9C\x9E\x9F",
         "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", 0, 0, true},
        {"cp1252 apostrophe", "Germany\x92s", "Germany’s", 0, 0, true},
        {"cp1252 Latin-1 half", "\xC0\xDF\xFF\xA0", "Àßÿ\xC2\xA0", 0, 0, true},
        {"cp1252 undefined bytes are C1 controls: dropped", "a\x81\x8D\x8F\x90\x9D" "b\xE9",
         "abé", 0, 5, true},
        {"cp1252 with CRLF", "caf\xE9\r\nbar", "café\nbar", 0, 0, true},
        {"cp1252 after a BOM", "\xEF\xBB\xBF" "caf\xE9", "café", 0, 0, true},
        {"pure ASCII is not cp1252", "plain", "plain", 0, 0, false},
    };
}

class CleanTextTable : public ::testing::TestWithParam<CleanCase> {};

TEST_P(CleanTextTable, Cleans) {
    const CleanCase& c = GetParam();
    const CleanText r = clean_text(c.input);
    EXPECT_EQ(escaped(r.text), escaped(c.expected));
    EXPECT_EQ(r.invalid_sequences, c.invalid);
    EXPECT_EQ(r.control_chars, c.controls);
    EXPECT_EQ(r.read_as_cp1252, c.cp1252);
    EXPECT_TRUE(is_valid_utf8(r.text));
}

INSTANTIATE_TEST_SUITE_P(CleanText, CleanTextTable, ::testing::ValuesIn(clean_cases()));

/// Every output must be valid UTF-8 with no CR and no control character but tab and newline.
void expect_index_safe(std::string_view text) {
    ASSERT_TRUE(is_valid_utf8(text)) << escaped(text);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        ASSERT_FALSE(c < 0x20 && c != '\n' && c != '\t')
            << "control at " << i << ": " << escaped(text);
        ASSERT_NE(c, 0x7F) << escaped(text);
        if (c == 0xC2 && i + 1 < text.size()) {
            ASSERT_GE(static_cast<unsigned char>(text[i + 1]), 0xA0)
                << "C1 control: " << escaped(text);
        }
    }
}

TEST(CleanText, RandomBytesAlwaysGiveIndexSafeText) {
    std::mt19937 rng(20240305);
    std::uniform_int_distribution<int> len_dist(0, 40);
    // Bias towards the bytes that matter: controls, CR, lead and continuation bytes.
    const std::string interesting = "\r\n\t\0\x1B\x7F\x80\x81\x9D\xA0\xBF\xC0\xC2\xC3\xE0\xE2"
                                    "\xED\xEF\xBB\xF0\xF4\xF5\xFF" "aZ "s;
    std::uniform_int_distribution<std::size_t> pick(0, interesting.size() - 1);
    std::uniform_int_distribution<int> any_byte(0, 255);
    for (int round = 0; round < 20000; ++round) {
        std::string bytes;
        const int len = len_dist(rng);
        for (int k = 0; k < len; ++k)
            bytes += (k % 3 == 0) ? static_cast<char>(any_byte(rng)) : interesting[pick(rng)];
        SCOPED_TRACE(escaped(bytes));
        const CleanText r = clean_text(bytes);
        expect_index_safe(r.text);
        if (::testing::Test::HasFatalFailure()) return;
    }
}

TEST(CleanText, ValidTextIsAFixedPoint) {
    const std::string text = "Germany’s defence minister, Boris Pistorius\n\tsaid “no”. €5, 𝄞\n";
    const CleanText once = clean_text(text);
    EXPECT_EQ(once.text, text);
    EXPECT_EQ(clean_text(once.text).text, once.text);
}

TEST(CleanText, CleaningTwiceChangesNothing) {
    for (const std::string& bytes :
         {"caf\xE9 \x93q\x94\r\n"s, "é\xFF\xC0\x80\r"s, "\xEF\xBB\xBF" "a\0b"s}) {
        SCOPED_TRACE(escaped(bytes));
        const CleanText once = clean_text(bytes);
        const CleanText twice = clean_text(once.text);
        EXPECT_EQ(twice.text, once.text);
        EXPECT_EQ(twice.invalid_sequences, 0u);
        EXPECT_EQ(twice.control_chars, 0u);
    }
}

TEST(CleanText, LargeInputIsLinear) {
    // A megabyte of mixed damage; with a quadratic scan this would take minutes.
    std::string bytes;
    for (int i = 0; i < 100'000; ++i) bytes += "é\xFFz\r\n\x01";  // é U+FFFD z LF
    const CleanText r = clean_text(bytes);
    EXPECT_EQ(r.invalid_sequences, 100'000u);
    EXPECT_EQ(r.control_chars, 100'000u);
    EXPECT_EQ(utf8_length(r.text), 400'000u);
}

// ---- looks_binary -----------------------------------------------------------------------

struct BinaryCase {
    const char* what;
    std::string bytes;
    bool binary;
};

void PrintTo(const BinaryCase& c, std::ostream* os) { *os << c.what; }

std::vector<BinaryCase> binary_cases() {
    return {
        {"empty file", "", false},
        {"ordinary text", "Germany's defence minister has said...\n", false},
        {"UTF-8 text", "Müller café € “quote” 𝄞\n", false},
        {"cp1252 text", "caf\xE9 \x93quoted\x94\r\n", false},
        {"text with tabs, CRLF and form feeds", "a\tb\r\n\fpage two\r\n", false},
        {"a few ANSI escapes in a long line",
         "\x1B[1mBold\x1B[0m and then a long enough line of ordinary words", false},
        // Issue 20: a few stray NULs in a short text are removed with a warning, not a reason to skip it.
        {"one NUL in a short text", "text\0more"s, false},
        {"two NULs in a short text", "A short note\0 with two\0 NUL bytes.\n"s, false},
        {"eight NULs in a short text", "text\0\0\0\0\0\0\0\0 and more text"s, true},
        {"PNG header", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0"s, true},
        {"PNG signature alone", "\x89PNG\r\n\x1A\n", true},
        {"ELF header", "\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0>\0"s, true},
        {"gzip header", "\x1F\x8B\x08\0\0\0\0\0\0\x03"s, true},
        {"JPEG header", "\xFF\xD8\xFF\xE0\0\x10JFIF\0"s, true},
        {"mostly control bytes", "\x01\x02\x03\x04\x05\x06" "abcd", true},
        // Issue 3 decodes UTF-16 (core/text/encoding.h), so its NULs no longer make it binary.
        {"UTF-16LE text with a BOM", "\xFF\xFEh\0i\0"s, false},
        {"UTF-16BE text without a BOM", "\0N\0e\0w\0s\0 \0t\0o\0d\0a\0y\0:\0 \0r\0a\0i\0n\0"s, false},
        {"NUL past the first 8 KiB is not looked at", std::string(9000, 'a') + '\0', false},
    };
}

class Utf8LooksBinary : public ::testing::TestWithParam<BinaryCase> {};

TEST_P(Utf8LooksBinary, Classifies) {
    EXPECT_EQ(looks_binary(GetParam().bytes), GetParam().binary);
}

INSTANTIATE_TEST_SUITE_P(Utf8, Utf8LooksBinary, ::testing::ValuesIn(binary_cases()));

// ---- is_valid_utf8 ----------------------------------------------------------------------

struct ValidCase {
    const char* what;
    std::string bytes;
    bool valid;
};

void PrintTo(const ValidCase& c, std::ostream* os) {
    *os << c.what << ": \"" << escaped(c.bytes) << '"';
}

std::vector<ValidCase> valid_cases() {
    return {
        {"empty", "", true},
        {"ASCII", "abc", true},
        {"NUL is valid UTF-8", "a\0b"s, true},
        {"2-byte", "é", true},
        {"3-byte", "€", true},
        {"4-byte", "𝄞", true},
        {"smallest 2-byte U+0080", "\xC2\x80", true},
        {"smallest 3-byte U+0800", "\xE0\xA0\x80", true},
        {"smallest 4-byte U+10000", "\xF0\x90\x80\x80", true},
        {"U+D7FF", "\xED\x9F\xBF", true},
        {"U+E000", "\xEE\x80\x80", true},
        {"U+FFFF", "\xEF\xBF\xBF", true},
        {"U+10FFFF", "\xF4\x8F\xBF\xBF", true},
        {"lone continuation", "\x80", false},
        {"lone lead byte", "\xC3", false},
        {"lead byte then ASCII", "\xC3" "a", false},
        {"truncated 3-byte", "\xE2\x82", false},
        {"truncated 4-byte", "\xF0\x9D\x84", false},
        {"overlong C0 80", "\xC0\x80", false},
        {"overlong C1 BF", "\xC1\xBF", false},
        {"overlong E0 80 80", "\xE0\x80\x80", false},
        {"overlong E0 9F BF", "\xE0\x9F\xBF", false},
        {"overlong F0 8F BF BF", "\xF0\x8F\xBF\xBF", false},
        {"surrogate ED A0 80", "\xED\xA0\x80", false},
        {"surrogate ED BF BF", "\xED\xBF\xBF", false},
        {"past U+10FFFF", "\xF4\x90\x80\x80", false},
        {"F5 lead", "\xF5\x80\x80\x80", false},
        {"FE", "\xFE", false},
        {"FF", "\xFF", false},
        {"too many continuations", "é\x80", false},
        {"invalid at the very end", "valid text\xE9", false},
    };
}

class Utf8IsValid : public ::testing::TestWithParam<ValidCase> {};

TEST_P(Utf8IsValid, Classifies) { EXPECT_EQ(is_valid_utf8(GetParam().bytes), GetParam().valid); }

INSTANTIATE_TEST_SUITE_P(Utf8, Utf8IsValid, ::testing::ValuesIn(valid_cases()));

// ---- utf8_length, utf8_prefix, utf8_truncate_bytes ----------------------------------------

TEST(Utf8Length, CountsCodePoints) {
    struct Row {
        std::string text;
        std::size_t chars;
    };
    for (const Row& r : std::vector<Row>{{"", 0},
                                         {"abc", 3},
                                         {"café", 4},
                                         {"€", 1},
                                         {"𝄞", 1},
                                         {"a\0b"s, 3},
                                         {"Müller-Obst", 11},
                                         {"“quoted”", 8}}) {
        SCOPED_TRACE(escaped(r.text));
        EXPECT_EQ(utf8_length(r.text), r.chars);
    }
}

struct PrefixCase {
    std::string text;
    std::size_t limit;
    std::string expected;
};

void PrintTo(const PrefixCase& c, std::ostream* os) {
    *os << '"' << escaped(c.text) << "\" limit " << c.limit;
}

class Utf8Prefix : public ::testing::TestWithParam<PrefixCase> {};

TEST_P(Utf8Prefix, KeepsWholeCharacters) {
    EXPECT_EQ(escaped(utf8_prefix(GetParam().text, GetParam().limit)),
              escaped(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(Utf8, Utf8Prefix,
                         ::testing::ValuesIn(std::vector<PrefixCase>{
                             {"", 0, ""},
                             {"", 5, ""},
                             {"café", 0, ""},
                             {"café", 3, "caf"},
                             {"café", 4, "café"},
                             {"café", 100, "café"},
                             {"€uro", 1, "€"},
                             {"𝄞x", 1, "𝄞"},
                             {"𝄞x", 2, "𝄞x"},
                             {"ééé", 2, "éé"},
                         }));

class Utf8TruncateBytes : public ::testing::TestWithParam<PrefixCase> {};

TEST_P(Utf8TruncateBytes, NeverSplitsACharacter) {
    EXPECT_EQ(escaped(utf8_truncate_bytes(GetParam().text, GetParam().limit)),
              escaped(GetParam().expected));
}

INSTANTIATE_TEST_SUITE_P(Utf8, Utf8TruncateBytes,
                         ::testing::ValuesIn(std::vector<PrefixCase>{
                             {"", 0, ""},
                             {"abc", 0, ""},
                             {"abc", 2, "ab"},
                             {"abc", 3, "abc"},
                             {"abc", 10, "abc"},
                             {"café", 3, "caf"},
                             {"café", 4, "caf"},  // é is bytes 4-5
                             {"café", 5, "café"},
                             {"€", 1, ""},
                             {"€", 2, ""},
                             {"€", 3, "€"},
                             {"a𝄞", 2, "a"},
                             {"a𝄞", 4, "a"},
                             {"a𝄞", 5, "a𝄞"},
                             {"a𝄞b", 5, "a𝄞"},
                         }));

TEST(Utf8TruncateBytes, EveryCutOfMixedTextIsValid) {
    const std::string text = "a é € 𝄞 “Müller” ÿ\xEF\xBF\xBD end";
    ASSERT_TRUE(is_valid_utf8(text));
    for (std::size_t max = 0; max <= text.size() + 2; ++max) {
        SCOPED_TRACE(max);
        const std::string_view cut = utf8_truncate_bytes(text, max);
        EXPECT_LE(cut.size(), max);
        EXPECT_TRUE(is_valid_utf8(cut));
        EXPECT_EQ(text.substr(0, cut.size()), cut);
        EXPECT_TRUE(cut.size() == text.size() || max - cut.size() < 4);  // drops < 1 character
        const std::string_view prefix = utf8_prefix(text, max);
        EXPECT_TRUE(is_valid_utf8(prefix));
        EXPECT_EQ(utf8_length(prefix), std::min(max, utf8_length(text)));
    }
}

}  // namespace
}  // namespace newsdex
