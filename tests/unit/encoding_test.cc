// Charset handling: BOMs, declarations, detection, repairs.
#include "core/text/encoding.h"

#include <gtest/gtest.h>

#include "core/text/utf8.h"

namespace newsdex {
namespace {

struct DecodeCase {
    std::string bytes;
    std::string declared;
    std::string text;
    std::string charset;
    bool warns;
};

TEST(Encoding, DecodesToUtf8) {
    const DecodeCase cases[] = {
        {"plain ascii", "", "plain ascii", "UTF-8", false},
        {"caf\xC3\xA9", "", "café", "UTF-8", false},
        {"\xEF\xBB\xBF" "bom", "", "bom", "UTF-8", false},
        {std::string("\xFF\xFE" "c\0a\0f\0\xE9\0", 10), "", "café", "UTF-16LE", false},
        {std::string("\xFE\xFF\0c\0a\0f\0\xE9", 10), "", "café", "UTF-16BE", false},
        {"caf\xE9 au lait, cr\xE8me br\xFBl\xE9" "e", "", "café au lait, crème brûlée", "WINDOWS-1252", true},
        {"caf\xE9", "iso-8859-1", "café", "WINDOWS-1252", false},  // declared: no warning
        {"\x93quoted\x94", "latin1", "\u201Cquoted\u201D", "WINDOWS-1252", false},
        {"caf\xC3\xA9", "iso-8859-1", "café", "UTF-8", false},  // valid UTF-8 beats a stale label
        {"caf\xC3\xA9 and a stray \xFF", "", "café and a stray \uFFFD", "UTF-8", true},
        {"line\r\nbreaks\rhere", "", "line\nbreaks\nhere", "UTF-8", false},
        {std::string("nul\0byte", 8), "", "nulbyte", "UTF-8", true},
        {"x", "no-such-charset", "x", "UTF-8", true},
    };
    for (const auto& c : cases) {
        const DecodedText d = decode_text(c.bytes, c.declared);
        EXPECT_EQ(d.text, c.text) << c.bytes;
        EXPECT_EQ(d.charset, c.charset) << c.bytes;
        EXPECT_EQ(!d.warnings.empty(), c.warns) << c.bytes;
        EXPECT_TRUE(is_valid_utf8(d.text));
    }
}

// The repairs of core/utf8.cc hold on the path files really take (decode_text):
// Windows-1252 through iconv, invalid UTF-8 through clean_text.
TEST(Encoding, RepairsMatchCleanText) {
    const struct {
        const char* what;
        std::string bytes, declared, text, warning;
    } cases[] = {
        {"cp1252 0x9F is Y with diaeresis", "\x9F" "ber caf\xE9", "windows-1252", "\u0178ber café", ""},
        {"cp1252's undefined bytes are C1 controls, dropped", "a\x81" "b\x8D" "c\x8F" "d\x90" "e\x9D", "windows-1252",
         "abcde", "5 control character(s) removed"},
        {"undefined bytes in detected cp1252 too", "Z\xFCrich\x81 caf\xE9", "", "Zürich café", "control character(s) removed"},
        {"one U+FFFD per maximal invalid subpart", "caf\xC3\xA9 costs 3 \xE2\x82 today", "", "café costs 3 \uFFFD today",
         "1 invalid UTF-8 sequence(s) replaced with U+FFFD"},
        {"a truncated 4-byte sequence is one", "caf\xC3\xA9 \xF0\x9F\x98 ok", "", "café \uFFFD ok",
         "1 invalid UTF-8 sequence(s) replaced with U+FFFD"},
    };
    for (const auto& c : cases) {
        const DecodedText d = decode_text(c.bytes, c.declared);
        EXPECT_EQ(d.text, c.text) << c.what;
        std::string warnings;
        for (const auto& w : d.warnings) warnings += w + "; ";
        if (c.warning.empty()) {
            EXPECT_EQ(warnings, "") << c.what;
        } else {
            EXPECT_NE(warnings.find(c.warning), std::string::npos) << c.what << ": " << warnings;
        }
        if (c.warning.find("U+FFFD") == std::string::npos) {
            EXPECT_EQ(warnings.find("U+FFFD"), std::string::npos) << c.what << ": " << warnings;
        }
    }
}

TEST(Encoding, DetectsUtf16WithoutABom) {
    std::string le;
    for (char c : std::string("Newsdex reads UTF-16 text even when it has no byte-order mark.")) {
        le += c;
        le += '\0';
    }
    EXPECT_EQ(decode_text(le).text, "Newsdex reads UTF-16 text even when it has no byte-order mark.");
    EXPECT_FALSE(looks_binary(le));
}

TEST(Encoding, DetectsCyrillicLegacyEncodings) {
    // "Правительство объявило о новых мерах поддержки экономики." in Windows-1251.
    const std::string cp1251 =
        "\xCF\xF0\xE0\xE2\xE8\xF2\xE5\xEB\xFC\xF1\xF2\xE2\xEE \xEE\xE1\xFA\xFF\xE2\xE8\xEB\xEE \xEE "
        "\xED\xEE\xE2\xFB\xF5 \xEC\xE5\xF0\xE0\xF5 \xEF\xEE\xE4\xE4\xE5\xF0\xE6\xEA\xE8 "
        "\xFD\xEA\xEE\xED\xEE\xEC\xE8\xEA\xE8.";
    const DecodedText d = decode_text(cp1251);
    EXPECT_EQ(d.charset, "WINDOWS-1251");
    EXPECT_EQ(d.text, "Правительство объявило о новых мерах поддержки экономики.");
}

TEST(Encoding, InvalidBytesInADeclaredCharsetAreReplacedNotFatal) {
    std::string out;
    std::size_t replaced = 0;
    ASSERT_TRUE(convert_to_utf8("ok \x81 ok", "SHIFT_JIS", out, replaced));
    EXPECT_TRUE(is_valid_utf8(out));
    EXPECT_GE(replaced, 1u);
    EXPECT_FALSE(convert_to_utf8("x", "NOT-A-CHARSET", out, replaced));
}

TEST(Encoding, SniffsDeclaredCharsets) {
    EXPECT_EQ(sniff_declared_charset("<html><head><meta charset=\"ISO-8859-15\">"), "iso-8859-15");
    EXPECT_EQ(sniff_declared_charset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"),
              "windows-1251");
    EXPECT_EQ(sniff_declared_charset("<?xml version=\"1.0\" encoding='ISO-8859-1'?><rss>"), "iso-8859-1");
    EXPECT_EQ(sniff_declared_charset("<p>no declaration</p>"), "");
    EXPECT_EQ(charset_of_content_type("text/html; charset=\"UTF-8\""), "UTF-8");
    EXPECT_EQ(charset_of_content_type("text/html"), "");
}

TEST(Encoding, BinaryDetection) {
    EXPECT_TRUE(looks_binary("\x89PNG\r\n\x1A\n...."));
    EXPECT_TRUE(looks_binary(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12) + std::string(100, '\0')));
    EXPECT_FALSE(looks_binary(std::string("An article with one stray NUL") + '\0' +
                              "in a long line of otherwise ordinary text that goes on for a while, as articles do."));
    EXPECT_FALSE(looks_binary("plain text\n"));
}

}  // namespace
}  // namespace newsdex
