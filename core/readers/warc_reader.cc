#include "core/readers/warc_reader.h"

#include <zlib.h>

#include <array>
#include <cctype>
#include <map>

#include "core/text/date.h"
#include "core/text/encoding.h"
#include "core/readers/html_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

/// Header fields of a WARC record or HTTP message (names lower-cased), and where the
/// block after the blank line starts; npos when no blank line ends the headers.
struct Headers {
    std::map<std::string, std::string> fields;
    std::string first_line;
    std::size_t body_start = std::string_view::npos;

    std::string get(const std::string& name) const {
        auto it = fields.find(name);
        return it == fields.end() ? std::string() : it->second;
    }
};

Headers parse_headers(std::string_view data, std::size_t pos, std::size_t max_len) {
    Headers h;
    const std::size_t end_limit = std::min(data.size(), pos + max_len);
    bool first = true;
    std::string last_name;
    while (pos < end_limit) {
        auto nl = data.find('\n', pos);
        if (nl == std::string_view::npos || nl >= end_limit) return h;
        std::string_view line = data.substr(pos, nl - pos);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos = nl + 1;
        if (line.empty()) {
            h.body_start = pos;
            return h;
        }
        if (first) {
            h.first_line = std::string(trim(line));
            first = false;
            continue;
        }
        if ((line.front() == ' ' || line.front() == '\t') && !last_name.empty()) {  // folded
            h.fields[last_name] += " " + std::string(trim(line));
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos) continue;
        last_name = ascii_lower(trim(line.substr(0, colon)));
        h.fields.emplace(last_name, std::string(trim(line.substr(colon + 1))));
    }
    return h;
}

bool is_html_type(const std::string& content_type) {
    const std::string t = ascii_lower(content_type);
    return t.starts_with("text/html") || t.starts_with("application/xhtml+xml") || t.empty();
}

/// What a record that is not an article was, for the per-file count.
struct SkipCounts {
    std::map<std::string, std::size_t> by_reason;
    void add(const std::string& reason) { ++by_reason[reason]; }
    std::size_t total() const {
        std::size_t n = 0;
        for (const auto& [_, c] : by_reason) n += c;
        return n;
    }
    std::string describe() const {
        std::string out;
        for (const auto& [reason, n] : by_reason) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
        return out;
    }
};

void read_page(const Headers& warc, std::string_view block, bool http, std::size_t n, Emitter& emitter,
               SkipCounts& skipped) {
    std::string content_type = warc.get("content-type");
    std::string_view payload = block;
    std::string decoded;
    if (http) {
        const Headers response = parse_headers(block, 0, 65536);
        if (response.body_start == std::string_view::npos || !response.first_line.starts_with("HTTP/")) {
            skipped.add("malformed HTTP responses");
            return;
        }
        const auto space = response.first_line.find(' ');
        const int status = space == std::string::npos ? 0 : std::atoi(response.first_line.c_str() + space + 1);
        if (status >= 300 && status < 400) return skipped.add("redirects");
        if (status < 200 || status >= 300) return skipped.add("HTTP errors");
        content_type = response.get("content-type");
        if (!is_html_type(content_type)) return skipped.add("not HTML");
        payload = block.substr(response.body_start);
        const std::size_t limit = static_cast<std::size_t>(emitter.options().max_file_bytes);
        if (ascii_lower(response.get("transfer-encoding")).find("chunked") != std::string::npos) {
            std::string plain;
            dechunk(payload, plain);  // a bad chunk leaves what came before it
            decoded = std::move(plain);
            payload = decoded;
        }
        const std::string encoding = ascii_lower(response.get("content-encoding"));
        if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
            std::string inflated;
            if (!inflate_bytes(payload, limit, inflated)) return skipped.add("corrupt compressed pages");
            decoded = std::move(inflated);
            payload = decoded;
        } else if (!encoding.empty() && encoding != "identity") {
            return skipped.add("pages in unsupported content encodings");
        }
    } else if (!is_html_type(content_type)) {
        return skipped.add("not HTML");
    }
    HtmlPage page = parse_html_page(payload, charset_of_content_type(content_type));
    if (page.article.paragraphs.empty()) return skipped.add("pages without article text");
    Article& a = page.article;
    const std::string target = warc.get("warc-target-uri");
    if (!target.empty()) a.url = target.front() == '<' && target.back() == '>' ? target.substr(1, target.size() - 2) : target;
    if (!a.date) {
        if (auto captured = parse_date(warc.get("warc-date"))) {
            a.date = captured;
            a.date_origin = DateOrigin::Capture;
        }
    }
    const std::string key = std::to_string(n);
    emitter.article(std::move(a), key, "#" + key, page.warnings);
}

/// True when a record that ends at `end` is followed by the end of the data or, after the
/// blank line that closes every record, by the next record's header.
bool ends_at_record_boundary(std::string_view data, std::size_t end) {
    std::size_t i = end;
    while (i < data.size() && i < end + 4 && (data[i] == '\r' || data[i] == '\n')) ++i;
    return i >= data.size() || data.substr(i, 5) == "WARC/";
}

/// Where the first record header ("WARC/1.x" at the start of a line) in [from, to) begins,
/// or npos.
std::size_t next_record_header(std::string_view data, std::size_t from, std::size_t to) {
    for (std::size_t at = data.find("\nWARC/", from > 0 ? from - 1 : 0); at != std::string_view::npos && at + 1 < to;
         at = data.find("\nWARC/", at + 1)) {
        const std::size_t header = at + 1;
        if (header >= from && header + 5 < data.size() && std::isdigit(static_cast<unsigned char>(data[header + 5])))
            return header;
    }
    return std::string_view::npos;
}

}  // namespace

bool dechunk(std::string_view body, std::string& out) {
    std::size_t pos = 0;
    while (pos < body.size()) {
        const auto nl = body.find('\n', pos);
        if (nl == std::string_view::npos) return false;
        const std::string size_line(trim(body.substr(pos, nl - pos)));
        char* end = nullptr;
        const unsigned long long size = std::strtoull(size_line.c_str(), &end, 16);
        if (end == size_line.c_str()) return false;
        pos = nl + 1;
        if (size == 0) return true;
        if (size > body.size() - pos) {
            out.append(body.substr(pos));
            return false;
        }
        out.append(body.substr(pos, static_cast<std::size_t>(size)));
        pos += static_cast<std::size_t>(size);
        while (pos < body.size() && (body[pos] == '\r' || body[pos] == '\n')) ++pos;
    }
    return true;
}

bool inflate_bytes(std::string_view data, std::size_t limit, std::string& out) {
    for (int window_bits : {15 + 32, -15}) {  // gzip or zlib (auto-detected), then raw deflate
        out.clear();
        z_stream z{};
        if (inflateInit2(&z, window_bits) != Z_OK) return false;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        z.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), 0xFFFFFFFFu));
        std::array<char, 65536> buffer{};
        int rc = Z_OK;
        while (rc == Z_OK && out.size() <= limit) {
            z.next_out = reinterpret_cast<Bytef*>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            rc = inflate(&z, Z_NO_FLUSH);
            out.append(buffer.data(), buffer.size() - z.avail_out);
            if (rc == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated: keep what we have
        }
        inflateEnd(&z);
        if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && !out.empty())) return out.size() <= limit;
    }
    return false;
}

void read_warc(const Input& input, Emitter& emitter) {
    const std::string_view data = input.bytes;
    std::size_t pos = 0, n = 0, damaged = 0;
    SkipCounts skipped;
    while (pos < data.size()) {
        while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
        if (pos >= data.size()) break;
        if (data.substr(pos, 5) != "WARC/") {
            // Damage between records: find the next record header and go on from there.
            ++damaged;
            const auto next = data.find("\nWARC/", pos);
            emitter.problem(Problem::Level::Failed, "#" + std::to_string(n + 1),
                            "not a WARC record header at byte " + std::to_string(pos) +
                                (next == std::string_view::npos ? "; nothing readable after it" : "; skipped to the next record"));
            if (next == std::string_view::npos) break;
            pos = next + 1;
            continue;
        }
        ++n;
        emitter.reached(pos, data.size());
        const Headers warc = parse_headers(data, pos, 1 << 16);
        const std::string length_text = warc.get("content-length");
        char* end = nullptr;
        const unsigned long long length = std::strtoull(length_text.c_str(), &end, 10);
        if (warc.body_start == std::string_view::npos || length_text.empty() || end == length_text.c_str()) {
            ++damaged;
            emitter.problem(Problem::Level::Failed, "#" + std::to_string(n), "WARC record without a valid Content-Length");
            pos = data.find("\nWARC/", pos + 5);
            if (pos == std::string_view::npos) break;
            ++pos;
            continue;
        }
        const std::size_t available = data.size() - warc.body_start;
        const bool truncated = length > available;
        const std::string_view block = data.substr(warc.body_start, truncated ? available : static_cast<std::size_t>(length));
        pos = warc.body_start + block.size();
        const std::string type = ascii_lower(warc.get("warc-type"));
        // A Content-Length that is too large swallows the records after it: when the block
        // does not end at a record boundary and a record header starts inside it, the
        // length is wrong, and reading resumes at that header.
        if (truncated || !ends_at_record_boundary(data, pos)) {
            if (const auto next = next_record_header(data, warc.body_start, pos); next != std::string_view::npos) {
                ++damaged;
                emitter.problem(Problem::Level::Failed, "#" + std::to_string(n),
                                "WARC record's Content-Length (" + std::to_string(length) +
                                    " bytes) runs past the next record header at byte " + std::to_string(next) +
                                    "; record not read, skipped to the next record");
                pos = next;
                continue;
            }
        }
        if (truncated) {
            ++damaged;
            emitter.problem(Problem::Level::Failed, "#" + std::to_string(n),
                            "truncated WARC record (" + std::to_string(length) + " bytes announced, " +
                                std::to_string(available) + " present)");
            break;
        }
        if (type == "response") {
            const bool http = ascii_lower(warc.get("content-type")).find("application/http") != std::string::npos;
            read_page(warc, block, http, n, emitter, skipped);
        } else if (type == "resource") {
            read_page(warc, block, false, n, emitter, skipped);
        } else {
            skipped.add(type.empty() ? std::string("untyped records") : type + " records");
        }
    }
    if (n == 0 && damaged == 0) {
        emitter.problem(Problem::Level::Skipped, "", "no WARC records");
        return;
    }
    if (skipped.total() == 0) return;
    const std::string note = std::to_string(skipped.total()) + " of " + std::to_string(n) +
                             " records were not article pages (" + skipped.describe() + ")";
    if (emitter.articles() > 0)
        emitter.problem(Problem::Level::Repaired, "", note);
    else
        emitter.problem(Problem::Level::Skipped, "", "no article pages: " + note);
}

}  // namespace newsdex::readers
