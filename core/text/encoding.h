/** @file @brief Turning the bytes of a file, in whatever encoding it was written, into clean
 *  UTF-8: byte-order marks, declared charsets (HTML meta, XML declaration, HTTP header),
 *  and detection (uchardet) for undeclared legacy encodings, converted with iconv. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

struct DecodedText {
    std::string text;                   ///< valid UTF-8; CRLF -> LF; control characters dropped
    std::string charset;                ///< what the bytes were read as, e.g. "UTF-8", "WINDOWS-1252"
    std::vector<std::string> warnings;  ///< repairs a user should hear about
};

/// Decodes `bytes` to UTF-8. The order of precedence is: a byte-order mark; `declared`
/// (a charset name from the document or its transport, ignored when iconv does not know
/// it or when it contradicts valid UTF-8); UTF-8 when the bytes are UTF-8 (invalid
/// sequences in otherwise-UTF-8 text become U+FFFD); UTF-16 without a BOM when its
/// NUL pattern shows; else the charset uchardet detects, with Windows-1252 (a superset
/// of Latin-1, the usual legacy encoding of news text) when it cannot tell.
/// Never throws for bad input.
DecodedText decode_text(std::string_view bytes, std::string_view declared = {});

/// Converts bytes in `charset` (an iconv name) to UTF-8, replacing undecodable bytes
/// with U+FFFD; `replaced` counts them. Returns false when iconv does not know the charset.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                     std::size_t& replaced);

/// The charset named by a `<meta charset>` or `<meta http-equiv=Content-Type>` in the
/// first 4 KiB of an HTML page, an XML declaration's encoding, or "" when none.
std::string sniff_declared_charset(std::string_view bytes);

/// The `charset=` parameter of a Content-Type value ("text/html; charset=ISO-8859-1").
std::string charset_of_content_type(std::string_view content_type);

}  // namespace newsdex
