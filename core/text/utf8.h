/** @file @brief UTF-8 checks and repairs, so no invalid byte reaches the index. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex {

/// Result of cleaning raw file bytes into text the index can hold.
struct CleanText {
    std::string text;
    std::size_t invalid_sequences = 0;  ///< broken characters, each replaced by one U+FFFD
    bool read_as_cp1252 = false;        ///< no UTF-8 found: decoded as Windows-1252
    std::size_t control_chars = 0;      ///< NULs and other control characters dropped
    std::size_t nul_bytes = 0;          ///< of which NULs
};

/// Turns file bytes into valid UTF-8: drops a BOM, CRs and control characters
/// (tab and newline kept), decodes text with no UTF-8 multibyte sequence as
/// Windows-1252 (the usual legacy encoding of news text), and replaces invalid
/// sequences in UTF-8 text with U+FFFD.
CleanText clean_text(std::string_view bytes);

/// True when the bytes look like a binary file rather than text: a known binary
/// signature, or more than a few NULs or control characters near the start (UTF-16
/// text, whose NULs fall in one byte lane, is not binary; a stray NUL in text is not).
bool looks_binary(std::string_view bytes);

/// Length of the valid UTF-8 sequence starting at text[i], or 0 if it is invalid. When
/// invalid and bad_length is given, it gets the length of the maximal subpart: the lead
/// byte and the continuation bytes that could still have completed it ("\xE2\x82" is one
/// broken character, not two), which is what to replace with one U+FFFD.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i,
                                 std::size_t* bad_length = nullptr);

bool is_valid_utf8(std::string_view text);

/// `s` with the ASCII letters A-Z lower-cased and every other byte as it is: for
/// names the formats define in ASCII (tags, headers, charsets, keywords).
std::string ascii_lower(std::string_view s);

/// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

/// The longest prefix of at most max_chars code points (never splits a character).
std::string_view utf8_prefix(std::string_view text, std::size_t max_chars);

/// The longest prefix of at most max_bytes bytes that ends on a character boundary.
std::string_view utf8_truncate_bytes(std::string_view text, std::size_t max_bytes);

}  // namespace newsdex
