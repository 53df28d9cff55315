/** @file @brief The input formats Newsdex reads, and recognising them by name and content. */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex::readers {

/// What a file's (decompressed) content is.
enum class Format {
    Auto,       ///< not known yet: detect
    Text,       ///< plain-text article, optional RFC-822-style header block
    JsonLines,  ///< one JSON object per line
    Json,       ///< a JSON array of objects, or one object
    Html,       ///< a web page
    Feed,       ///< RSS 0.9x/1.0/2.0 or Atom
    Warc,       ///< WARC web archive (response records hold the pages)
    Csv,        ///< comma/semicolon/tab-separated rows, one article each
    Sgml,       ///< Reuters-21578-style SGML newswire (<REUTERS> elements)
    Smart,      ///< SMART test-collection records (.I/.T/.A/.W)
};

/// The name used by --format and in messages ("jsonl", "html", ...).
std::string_view format_name(Format format);

/// Parses a --format value (also accepts aliases: ndjson, rss, atom, xml, tsv, txt);
/// nullopt when unknown.
std::optional<Format> parse_format(std::string_view name);

/// Comma-separated --format values, for help and error messages.
std::string format_names();

/// A compression or archive wrapper around the content, recognised by magic bytes.
enum class Container { None, Gzip, Bzip2, Xz, Zstd, Tar, Zip, SevenZip };

std::string_view container_name(Container container);

/// The wrapper the bytes start with, if any (tar is recognised by its ustar header).
Container sniff_container(std::string_view bytes);

/// The file name without compression suffixes: "a.jsonl.gz" -> "a.jsonl",
/// "a.tgz" -> "a.tar".
std::string strip_compression_suffix(std::string_view name);

/// Format implied by a file name's extension ("x.jsonl" -> JsonLines); Auto when the
/// extension says nothing (".txt" says Text).
Format format_from_name(std::string_view name);

/// Format implied by the first bytes of the content; Auto when nothing is recognised.
Format sniff_format(std::string_view bytes);

/// The name first, checked against the content where the name can mislead (an .xml
/// that is no feed, a .txt that holds HTML or JSON Lines); Text when nothing else fits.
Format detect_format(std::string_view name, std::string_view bytes);

/// True for file names read when met inside a folder, by extension: every format above,
/// compressed or in an archive, and extension-less files (plain text spools).
bool has_readable_extension(std::string_view filename);

}  // namespace newsdex::readers
