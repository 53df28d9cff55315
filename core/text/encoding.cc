#include "core/text/encoding.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <memory>

#include "core/text/utf8.h"

namespace newsdex {

namespace {

std::string upper_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

bool is_utf8_label(const std::string& upper) {
    return upper == "UTF-8" || upper == "UTF8" || upper == "UNICODE-1-1-UTF-8";
}

/// Labels that browsers (WHATWG Encoding) read as Windows-1252: pages labelled Latin-1 or
/// ASCII routinely contain its 0x80-0x9F punctuation, which real Latin-1 lacks.
bool is_windows_1252_label(const std::string& upper) {
    return upper == "ISO-8859-1" || upper == "ISO8859-1" || upper == "LATIN1" || upper == "L1" ||
           upper == "US-ASCII" || upper == "ASCII" || upper == "ISO-IR-100" || upper == "CP1252" ||
           upper == "WINDOWS-1252" || upper == "CP819" || upper == "IBM819" || upper == "ISO_8859-1";
}

std::string normalise_label(std::string_view label) {
    std::string upper = upper_ascii(label);
    while (!upper.empty() && (upper.back() == ' ' || upper.back() == '"' || upper.back() == '\'' ||
                              upper.back() == ';'))
        upper.pop_back();
    while (!upper.empty() && (upper.front() == ' ' || upper.front() == '"' || upper.front() == '\''))
        upper.erase(0, 1);
    if (is_windows_1252_label(upper)) return "WINDOWS-1252";
    return upper;
}

struct IconvCloser {
    void operator()(iconv_t cd) const { iconv_close(cd); }
};

/// Size of one code unit: how far to step past a byte iconv cannot decode.
std::size_t unit_size(const std::string& charset) {
    if (charset.starts_with("UTF-16") || charset.starts_with("UCS-2")) return 2;
    if (charset.starts_with("UTF-32") || charset.starts_with("UCS-4")) return 4;
    return 1;
}

bool is_cp1252_undefined(unsigned char c) {
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/// U+0080-U+009F, in UTF-8.
void append_c1_control(std::string& out, unsigned char c) {
    out += '\xC2';
    out += static_cast<char>(c);
}

/// Which byte lane holds the NULs of BOM-less UTF-16 text, if either does.
std::string sniff_utf16(std::string_view bytes) {
    const std::string_view head = bytes.substr(0, 4096);
    const std::size_t pairs = head.size() / 2;
    if (pairs < 8) return {};
    std::size_t even_nul = 0, odd_nul = 0;
    for (std::size_t i = 0; i + 1 < head.size(); i += 2) {
        even_nul += head[i] == '\0';
        odd_nul += head[i + 1] == '\0';
    }
    // Latin-script UTF-16 has a NUL in nearly every high (or low) byte, and almost none in the other.
    if (odd_nul * 10 > pairs * 4 && even_nul * 20 < pairs) return "UTF-16LE";
    if (even_nul * 10 > pairs * 4 && odd_nul * 20 < pairs) return "UTF-16BE";
    return {};
}

std::size_t count_high_bytes(std::string_view bytes) {
    std::size_t n = 0;
    for (char c : bytes) n += static_cast<unsigned char>(c) >= 0x80;
    return n;
}

/// Whether the text holds UTF-8 multibyte sequences, i.e. was written as UTF-8 and
/// merely has some bad bytes, rather than being in a legacy encoding.
bool mostly_utf8(std::string_view bytes) {
    std::size_t good = 0, bad = 0;
    for (std::size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t bad_length = 1;
        const std::size_t len = utf8_sequence_length(bytes, i, &bad_length);
        if (len == 0) {
            ++bad;
            i += bad_length;
        } else {
            ++good;
            i += len;
        }
    }
    return good > 0 && good >= bad;
}

/// Charsets uchardet names for Western and Central European text. Its guesses among these
/// are unreliable when only a few accented letters occur (it calls a French sentence
/// ISO-8859-2 or IBM852), so a few high bytes are read as Windows-1252.
bool is_latin_family(const std::string& cs) {
    static constexpr std::array<std::string_view, 18> kLatin{
        "ISO-8859-1", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-9", "ISO-8859-10",
        "ISO-8859-13", "ISO-8859-15", "ISO-8859-16", "WINDOWS-1250", "WINDOWS-1252", "WINDOWS-1254",
        "WINDOWS-1257", "WINDOWS-1258", "IBM852", "MAC-CENTRALEUROPE", "IBM865", "MAC-ROMAN"};
    return std::find(kLatin.begin(), kLatin.end(), cs) != kLatin.end();
}

bool is_ascii_letter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

/// Bytes 0xA1-0xBF that Windows-1252 reads as symbols ("£", "³", "¿", "±", "¶", "¼")
/// but ISO-8859-2 and Windows-1250 read as Polish, Czech or Slovak letters ("Ł", "ł", "ż",
/// "ą", "ś", "ź"): the letters of either table, less those Western text also writes next
/// to letters as symbols ("nº", "«a»", "Windows®", "km²", "l·l", soft hyphens).
bool is_central_letter_byte(unsigned char c) {
    static constexpr std::array<unsigned char, 15> kLetters{
        0xA1, 0xA3, 0xA5, 0xA6, 0xA9, 0xAC, 0xAF, 0xB1, 0xB3, 0xB5, 0xB6, 0xB9, 0xBC, 0xBE, 0xBF};
    return std::find(kLetters.begin(), kLetters.end(), c) != kLetters.end();
}

/// Whether the bytes read as Windows-1252 put symbols inside words ("£odzi odby³a"):
/// Central European text in ISO-8859-2 or Windows-1250, however few accents it has.
bool symbols_inside_words(std::string_view bytes) {
    std::size_t inside = 0, outside = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (!is_central_letter_byte(static_cast<unsigned char>(bytes[i]))) continue;
        const bool before = i > 0 && is_ascii_letter(bytes[i - 1]);
        const bool after = i + 1 < bytes.size() && is_ascii_letter(bytes[i + 1]);
        ++(before || after ? inside : outside);
    }
    return inside >= 2 && inside > outside * 3;
}

/// Windows-1250 uses 0x80-0x9F for letters (ś, š, ź, ž); ISO-8859-2 has no text there.
std::string central_charset(std::string_view bytes, const std::string& detected) {
    if (detected == "ISO-8859-2" || detected == "WINDOWS-1250") return detected;
    const bool c1 = std::any_of(bytes.begin(), bytes.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) <= 0x9F;
    });
    return c1 ? "WINDOWS-1250" : "ISO-8859-2";
}

std::string detect_legacy_charset(std::string_view bytes) {
    std::unique_ptr<struct uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
    if (!ud) return "WINDOWS-1252";
    const std::string_view sample = bytes.substr(0, 1 << 20);
    uchardet_handle_data(ud.get(), sample.data(), sample.size());
    uchardet_data_end(ud.get());
    const char* name = uchardet_get_charset(ud.get());
    const std::string cs = normalise_label(name ? name : "");
    if (cs.empty() || cs == "ASCII" || is_utf8_label(cs) || is_latin_family(cs)) {
        const bool central = cs == "ISO-8859-2" || cs == "WINDOWS-1250";
        if ((central && count_high_bytes(sample) >= 64) || symbols_inside_words(sample))
            return central_charset(sample, cs);
        return "WINDOWS-1252";
    }
    // Cyrillic, Greek, Hebrew, Arabic, Thai, CJK: text in those scripts is mostly high
    // bytes, which gives uchardet the evidence it needs; with only a handful, fall back.
    return count_high_bytes(sample) >= 16 ? cs : "WINDOWS-1252";
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

/// Drops control characters (keeping tab and newline), turns CRLF and CR into LF, and
/// repairs any invalid UTF-8, noting what it did.
void finish(std::string_view utf8, DecodedText& out) {
    CleanText clean = clean_text(utf8);
    if (clean.read_as_cp1252) {
        // Only reachable for bytes that skipped conversion; say what happened all the same.
        out.warnings.push_back("not UTF-8: read as Windows-1252 (Latin-1)");
        out.charset = "WINDOWS-1252";
    }
    if (clean.invalid_sequences > 0)
        out.warnings.push_back(std::to_string(clean.invalid_sequences) +
                               " invalid UTF-8 sequence(s) replaced with U+FFFD");
    if (clean.nul_bytes > 0) out.warnings.push_back(plural(clean.nul_bytes, "NUL byte") + " removed");
    if (clean.control_chars > clean.nul_bytes)
        out.warnings.push_back(std::to_string(clean.control_chars - clean.nul_bytes) +
                               " control character(s) removed");
    out.text = std::move(clean.text);
}

}  // namespace

bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                     std::size_t& replaced) {
    iconv_t raw = iconv_open("UTF-8", charset.c_str());
    if (raw == reinterpret_cast<iconv_t>(-1)) return false;
    std::unique_ptr<void, IconvCloser> cd(raw);
    const std::size_t step = unit_size(charset);
    const bool windows_1252 = normalise_label(charset) == "WINDOWS-1252";
    out.clear();
    out.reserve(bytes.size() + bytes.size() / 2);
    std::array<char, 16384> buffer{};
    char* in = const_cast<char*>(bytes.data());  // iconv's signature is not const-correct
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* dst = buffer.data();
        std::size_t dst_left = buffer.size();
        const std::size_t rc = iconv(cd.get(), &in, &in_left, &dst, &dst_left);
        out.append(buffer.data(), buffer.size() - dst_left);
        if (rc != static_cast<std::size_t>(-1)) continue;
        if (errno == E2BIG) continue;
        if (errno == EILSEQ && windows_1252 && is_cp1252_undefined(static_cast<unsigned char>(*in))) {
            // The five bytes Windows-1252 leaves undefined are C1 controls to Windows and
            // WHATWG, not errors (glibc refuses them): finish() drops them as controls.
            append_c1_control(out, static_cast<unsigned char>(*in));
            ++in;
            --in_left;
            continue;
        }
        // EILSEQ (an invalid sequence) or EINVAL (one cut off at the end): replace one unit.
        out += "\xEF\xBF\xBD";
        ++replaced;
        const std::size_t skip = std::min(step, in_left);
        in += skip;
        in_left -= skip;
        iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);  // reset shift state
    }
    return true;
}

DecodedText decode_text(std::string_view bytes, std::string_view declared) {
    DecodedText out;
    std::string charset;
    bool from_bom = false;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        bytes.remove_prefix(3);
        charset = "UTF-8";
        from_bom = true;
    } else if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))) {
        charset = "UTF-32LE", bytes.remove_prefix(4), from_bom = true;
    } else if (bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4))) {
        charset = "UTF-32BE", bytes.remove_prefix(4), from_bom = true;
    } else if (bytes.starts_with("\xFF\xFE")) {
        charset = "UTF-16LE", bytes.remove_prefix(2), from_bom = true;
    } else if (bytes.starts_with("\xFE\xFF")) {
        charset = "UTF-16BE", bytes.remove_prefix(2), from_bom = true;
    }

    bool detected = false;
    if (!from_bom) {
        const std::string label = normalise_label(declared);
        const bool utf8_ok = is_valid_utf8(bytes);
        if (!label.empty() && !is_utf8_label(label) && !(utf8_ok && count_high_bytes(bytes) > 0)) {
            // A declared legacy charset is believed unless the bytes are valid UTF-8 with
            // non-ASCII in them: pages are often re-encoded without fixing their meta tag.
            charset = label;
        } else if (utf8_ok || is_utf8_label(label) || mostly_utf8(bytes)) {
            charset = "UTF-8";
        } else if (auto utf16 = sniff_utf16(bytes); !utf16.empty()) {
            charset = utf16;
        } else {
            charset = detect_legacy_charset(bytes);
            detected = true;
        }
    }

    out.charset = charset;
    if (charset == "UTF-8") {
        finish(bytes, out);
        return out;
    }
    std::string utf8;
    std::size_t replaced = 0;
    if (!convert_to_utf8(bytes, charset, utf8, replaced)) {
        // iconv does not know the declared name: fall back to detection.
        out.warnings.push_back("unknown charset \"" + ascii_lower(charset.substr(0, 40)) + "\"");
        charset = is_valid_utf8(bytes) ? "UTF-8" : detect_legacy_charset(bytes);
        detected = charset != "UTF-8";
        out.charset = charset;
        if (charset == "UTF-8" || !convert_to_utf8(bytes, charset, utf8, replaced)) {
            finish(bytes, out);
            return out;
        }
    }
    if (detected) out.warnings.push_back("not UTF-8: read as " + charset + " (detected)");
    if (replaced > 0)
        out.warnings.push_back(std::to_string(replaced) + " byte(s) invalid in " + charset +
                               " replaced with U+FFFD");
    finish(utf8, out);
    return out;
}

namespace {

/// Value of `name=` in an attribute-ish string, quoted or not.
std::string value_after(std::string_view text, std::size_t pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '=')) ++pos;
    if (pos >= text.size()) return {};
    char quote = 0;
    if (text[pos] == '"' || text[pos] == '\'') quote = text[pos++];
    std::size_t end = pos;
    while (end < text.size() && text[end] != quote &&
           (quote || (text[end] != ' ' && text[end] != ';' && text[end] != '>' && text[end] != '/' &&
                      text[end] != '"' && text[end] != '\'')))
        ++end;
    return std::string(text.substr(pos, std::min<std::size_t>(end - pos, 40)));
}

}  // namespace

std::string charset_of_content_type(std::string_view content_type) {
    const std::string lower = ascii_lower(content_type);
    const auto pos = lower.find("charset");
    if (pos == std::string::npos) return {};
    return value_after(content_type, pos + 7);
}

std::string sniff_declared_charset(std::string_view bytes) {
    const std::string head = ascii_lower(bytes.substr(0, 4096));
    if (head.starts_with("<?xml")) {
        const auto end = head.find("?>");
        const auto enc = head.find("encoding", 0);
        if (enc != std::string::npos && (end == std::string::npos || enc < end))
            return value_after(head, enc + 8);
        return {};
    }
    for (std::size_t pos = head.find("<meta"); pos != std::string::npos; pos = head.find("<meta", pos + 5)) {
        const auto close = head.find('>', pos);
        const std::string_view tag(head.data() + pos, (close == std::string::npos ? head.size() : close) - pos);
        if (auto cs = tag.find("charset"); cs != std::string_view::npos) {
            std::string value = value_after(tag, cs + 7);
            if (!value.empty()) return value;
        }
    }
    return {};
}

}  // namespace newsdex
