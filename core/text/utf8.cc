#include "core/text/utf8.h"

#include <array>
#include <cstdint>

namespace newsdex {

// Overlong forms, surrogates and code points past U+10FFFF are invalid. The maximal
// subpart reported through bad_length is what Unicode (and WHATWG) replace with one U+FFFD.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i, std::size_t* bad_length) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char b0 = byte(0);
    if (b0 < 0x80) return 1;
    if (bad_length) *bad_length = 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        if (i + k >= text.size()) return 0;
        const unsigned char b = byte(k);
        if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
        if (bad_length) *bad_length = k + 1;
    }
    return len;
}

namespace {

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252 bytes 0x80-0x9F; the rest of the upper half equals Latin-1. The five
// bytes Windows-1252 leaves undefined (0 here) decode to C1 controls, as Windows and the
// WHATWG Encoding Standard decode them, and are dropped like other control characters.
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool is_dropped_control(unsigned char c) {
    return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7F;
}

/// True when the bytes hold at least one multibyte UTF-8 sequence, i.e. were written as
/// UTF-8; text with high bytes but no such sequence is taken as a legacy encoding.
bool has_utf8_multibyte(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size(); ++i)
        if (static_cast<unsigned char>(bytes[i]) >= 0x80 && utf8_sequence_length(bytes, i) > 1)
            return true;
    return false;
}

bool has_high_bytes(std::string_view bytes) {
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    return false;
}

}  // namespace

CleanText clean_text(std::string_view bytes) {
    CleanText result;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    result.text.reserve(bytes.size());
    const bool legacy = has_high_bytes(bytes) && !has_utf8_multibyte(bytes);
    result.read_as_cp1252 = legacy;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == '\r') {
            // CRLF becomes LF; a lone CR (old Mac files) is a line break too.
            if (i + 1 >= bytes.size() || bytes[i + 1] != '\n') result.text += '\n';
            ++i;
            continue;
        }
        if (is_dropped_control(c)) {
            ++result.control_chars;
            result.nul_bytes += c == 0;
            ++i;
            continue;
        }
        if (c < 0x80) {
            result.text += static_cast<char>(c);
            ++i;
            continue;
        }
        if (legacy) {
            const char32_t cp = c < 0xA0 ? kCp1252High[c - 0x80] : char32_t{c};
            if (cp == 0)
                ++result.control_chars;
            else
                append_utf8(result.text, cp);
            ++i;
            continue;
        }
        std::size_t bad_length = 1;
        const std::size_t len = utf8_sequence_length(bytes, i, &bad_length);
        if (len == 0) {
            result.text += "\xEF\xBF\xBD";
            ++result.invalid_sequences;
            i += bad_length;
            continue;
        }
        // C1 controls (U+0080-U+009F) are as unprintable as C0 ones.
        if (len == 2 && c == 0xC2 && static_cast<unsigned char>(bytes[i + 1]) < 0xA0) {
            ++result.control_chars;
        } else {
            result.text.append(bytes.substr(i, len));
        }
        i += len;
    }
    return result;
}

bool looks_binary(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 8192);
    if (head.empty()) return false;
    // Signatures of the binary files most often found among articles: images, PDFs,
    // office documents, executables.
    for (std::string_view magic : {std::string_view("\x89PNG"), std::string_view("\xFF\xD8\xFF"),
                                   std::string_view("GIF8"), std::string_view("%PDF-"),
                                   std::string_view("\x7F" "ELF"), std::string_view("\xD0\xCF\x11\xE0"),
                                   std::string_view("RIFF"), std::string_view("OggS")})
        if (head.starts_with(magic)) return true;
    std::size_t nuls = 0, controls = 0, even_nuls = 0, odd_nuls = 0;
    for (std::size_t i = 0; i < head.size(); ++i) {
        const auto c = static_cast<unsigned char>(head[i]);
        if (c == 0) {
            ++nuls;
            ++(i % 2 ? odd_nuls : even_nuls);
        } else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
            ++controls;
        }
    }
    // UTF-16 (with or without BOM) keeps its NULs in one byte lane.
    const bool utf16 = head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF") ||
                       (nuls * 10 > head.size() * 4 &&
                        (even_nuls * 20 < head.size() || odd_nuls * 20 < head.size()));
    if (utf16) return false;
    // A few stray NULs or control bytes are damage in a text file, removed with a warning
    // when it is read (a short file with two NULs is not binary): binary data has many.
    const std::size_t odd = nuls + controls;
    if (odd < 8) return odd * 3 > head.size();
    return nuls * 100 > head.size() || odd * 10 > head.size();
}

bool is_valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t len = utf8_sequence_length(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (chars == max_chars) return text.substr(0, i);
            ++chars;
        }
    }
    return text;
}

std::string_view utf8_truncate_bytes(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end);
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace newsdex
