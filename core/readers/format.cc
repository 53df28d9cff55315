#include "core/readers/format.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text/encoding.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

struct FormatName {
    std::string_view name;
    Format format;
};

// The first name of each format is its canonical one; the rest are aliases.
constexpr std::array<FormatName, 17> kFormatNames{{
    {"auto", Format::Auto},   {"text", Format::Text},   {"txt", Format::Text},
    {"jsonl", Format::JsonLines}, {"ndjson", Format::JsonLines}, {"json", Format::Json},
    {"html", Format::Html},   {"feed", Format::Feed},   {"rss", Format::Feed},
    {"atom", Format::Feed},   {"xml", Format::Feed},    {"warc", Format::Warc},
    {"csv", Format::Csv},     {"tsv", Format::Csv},     {"sgml", Format::Sgml},
    {"smart", Format::Smart}, {"jsonlines", Format::JsonLines},
}};

std::string_view base_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

/// ".gz" for "a.JSONL.GZ" (lower-cased); "" when there is none or the name is hidden.
std::string extension(std::string_view name) {
    name = base_name(name);
    const auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return {};
    return ascii_lower(name.substr(dot));
}

constexpr std::array<std::string_view, 5> kCompressionExts{".gz", ".bz2", ".xz", ".zst", ".zstd"};
constexpr std::array<std::string_view, 5> kArchiveExts{".tar", ".tgz", ".tbz2", ".txz", ".zip"};

bool is_one_of(const std::string& ext, const auto& list) {
    return std::find(list.begin(), list.end(), ext) != list.end();
}

std::string_view skip_space(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
        s.remove_prefix(1);
    return s;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && ascii_lower(s.substr(0, prefix.size())) == prefix;
}

/// The name of the first element, past XML declarations, comments, processing
/// instructions and (returned as "!doctype <name>") a doctype.
std::string first_markup_name(const std::string& low) {
    std::size_t pos = 0;
    while (pos < low.size()) {
        pos = low.find('<', pos);
        if (pos == std::string::npos) return {};
        if (low.compare(pos, 4, "<!--") == 0) {
            const auto end = low.find("-->", pos + 4);
            if (end == std::string::npos) return {};
            pos = end + 3;
            continue;
        }
        if (low.compare(pos, 2, "<?") == 0) {
            pos += 2;
            continue;
        }
        if (low.compare(pos, 9, "<!doctype") == 0) {
            std::size_t i = pos + 9;
            while (i < low.size() && low[i] == ' ') ++i;
            std::size_t j = i;
            while (j < low.size() && (std::isalnum(static_cast<unsigned char>(low[j])) || low[j] == ':')) ++j;
            return "!doctype " + low.substr(i, j - i);
        }
        std::size_t j = pos + 1;
        while (j < low.size() && (std::isalnum(static_cast<unsigned char>(low[j])) || low[j] == ':' || low[j] == '-'))
            ++j;
        return low.substr(pos + 1, j - pos - 1);
    }
    return {};
}

Format sniff_markup(std::string_view head) {
    const std::string name = first_markup_name(ascii_lower(head));
    if (name == "rss" || name == "feed" || name == "rdf:rdf" || name == "!doctype rss") return Format::Feed;
    if (name == "reuters" || name == "!doctype lewis") return Format::Sgml;
    static constexpr std::array<std::string_view, 18> kHtml{
        "!doctype html", "html", "head", "body", "meta", "title", "article", "div", "p", "h1", "link",
        "script", "style", "main", "header", "section", "span", "table"};
    if (std::find(kHtml.begin(), kHtml.end(), name) != kHtml.end()) return Format::Html;
    // Other XML goes to the feed reader, which names its root element when it is no feed.
    return istarts_with(head, "<?xml") ? Format::Feed : Format::Auto;
}

}  // namespace

std::string_view format_name(Format format) {
    for (const auto& f : kFormatNames)
        if (f.format == format) return f.name;
    return "auto";
}

std::optional<Format> parse_format(std::string_view name) {
    const std::string key = ascii_lower(name);
    for (const auto& f : kFormatNames)
        if (f.name == key) return f.format;
    return std::nullopt;
}

std::string format_names() {
    return "auto, text, jsonl, json, html, feed (rss, atom), warc, csv (tsv), sgml, smart";
}

std::string_view container_name(Container container) {
    switch (container) {
        case Container::None: return "none";
        case Container::Gzip: return "gzip";
        case Container::Bzip2: return "bzip2";
        case Container::Xz: return "xz";
        case Container::Zstd: return "zstd";
        case Container::Tar: return "tar";
        case Container::Zip: return "zip";
        case Container::SevenZip: return "7z";
    }
    return "none";
}

Container sniff_container(std::string_view b) {
    if (b.starts_with("\x1F\x8B")) return Container::Gzip;
    if (b.starts_with("BZh") && b.size() > 3 && b[3] >= '1' && b[3] <= '9') return Container::Bzip2;
    if (b.starts_with(std::string_view("\xFD" "7zXZ\0", 6))) return Container::Xz;
    if (b.starts_with("\x28\xB5\x2F\xFD")) return Container::Zstd;
    if (b.starts_with("PK\x03\x04") || b.starts_with("PK\x05\x06")) return Container::Zip;
    if (b.starts_with("7z\xBC\xAF\x27\x1C")) return Container::SevenZip;
    if (b.size() >= 262 && b.substr(257, 5) == "ustar") return Container::Tar;
    return Container::None;
}

std::string strip_compression_suffix(std::string_view name) {
    std::string out(name);
    const std::string ext = extension(out);
    if (ext == ".tgz" || ext == ".tbz2" || ext == ".txz") return out.substr(0, out.size() - ext.size()) + ".tar";
    if (is_one_of(ext, kCompressionExts)) out.resize(out.size() - ext.size());
    return out;
}

Format format_from_name(std::string_view name) {
    const std::string ext = extension(strip_compression_suffix(name));
    if (ext == ".txt" || ext == ".text") return Format::Text;
    if (ext == ".jsonl" || ext == ".ndjson" || ext == ".jsonlines") return Format::JsonLines;
    if (ext == ".json") return Format::Json;
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml") return Format::Html;
    if (ext == ".rss" || ext == ".atom" || ext == ".xml" || ext == ".rdf") return Format::Feed;
    if (ext == ".warc") return Format::Warc;
    if (ext == ".csv" || ext == ".tsv") return Format::Csv;
    if (ext == ".sgm" || ext == ".sgml") return Format::Sgml;
    return Format::Auto;
}

Format sniff_format(std::string_view bytes) {
    std::string decoded;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        // UTF-16 with a BOM: look at its characters, not its bytes.
        decoded = decode_text(bytes.substr(0, 8192)).text;
        bytes = decoded;
    }
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (bytes.starts_with("WARC/")) return Format::Warc;
    const std::string_view head = skip_space(bytes.substr(0, 8192));
    if (head.empty()) return Format::Auto;
    if (head.front() == '<') return sniff_markup(head);
    if (head.front() == '{') {
        // One object per line when the first line holds a whole object.
        const auto nl = head.find('\n');
        std::string_view line = head.substr(0, nl);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
            line.remove_suffix(1);
        if (line.size() < 2 || line.back() != '}' || nl == std::string_view::npos) return Format::Json;
        // A second line that opens another object: JSON Lines (one line alone is one object).
        const std::string_view rest = skip_space(head.substr(nl + 1));
        return rest.empty() || rest.front() == '{' ? Format::JsonLines : Format::Json;
    }
    if (head.front() == '[') {
        const std::string_view rest = skip_space(head.substr(1));
        if (!rest.empty() && (rest.front() == '{' || rest.front() == ']')) return Format::Json;
    }
    if (head.starts_with(".I ")) {
        if (head.find("\n.W") != std::string_view::npos || head.find("\n.T") != std::string_view::npos)
            return Format::Smart;
    }
    if (istarts_with(head, "<!doctype lewis")) return Format::Sgml;
    return Format::Auto;
}

Format detect_format(std::string_view name, std::string_view bytes) {
    const Format by_name = format_from_name(name);
    const Format by_content = sniff_format(bytes);
    switch (by_name) {
        case Format::Auto:
        case Format::Text:
            // A .txt or extension-less file may hold anything; trust a clear signature.
            return by_content == Format::Auto ? Format::Text : by_content;
        case Format::Feed:
            // An .xml page is a page; any other .xml goes to the feed reader, which says
            // so when it is not a feed.
            return by_content == Format::Html ? Format::Html : Format::Feed;
        case Format::Json:
            return by_content == Format::JsonLines ? Format::JsonLines : Format::Json;
        case Format::JsonLines:
            // Only an array is sure to be JSON: a one-line .jsonl is still JSON Lines.
            return skip_space(bytes.substr(0, 4096)).starts_with("[") ? Format::Json : Format::JsonLines;
        default:
            return by_name;
    }
}

bool has_readable_extension(std::string_view filename) {
    const std::string_view name = base_name(filename);
    if (name.starts_with(".")) return false;
    const std::string ext = extension(name);
    if (ext.empty() || is_one_of(ext, kArchiveExts) || ext == ".7z") return true;
    const std::string inner = strip_compression_suffix(name);
    if (is_one_of(ext, kCompressionExts)) {
        const std::string inner_ext = extension(inner);
        return inner_ext.empty() || inner_ext == ".tar" || format_from_name(inner) != Format::Auto;
    }
    return format_from_name(name) != Format::Auto;
}

}  // namespace newsdex::readers
