// Structure-aware libFuzzer target: the input is a recipe, not a file. Its first bytes
// choose a shape the byte-level targets almost never reach by mutation (nesting a hundred
// thousand deep, an entity referenced ten thousand times, tens of thousands of
// attributes on one tag, a WARC length that lies, gzip inside gzip inside gzip, records
// sharing an id) and its size; the rest is spliced in as text, so mutations still vary
// the content. The built file goes through read_bytes like any other.
// Properties checked beyond "no crash, no leak, no UB, no timeout": what reaches the index
// is valid UTF-8, no two articles of one file share an id, and the text handed on stays
// within what the limits allow (--max-size for archives, the entity amplification bound).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/readers/read_file.h"
#include "core/text/utf8.h"
#include "fuzz/checking_sink.h"
#include "tests/support/gzip.h"

namespace {


/// Reads the recipe: numbers from its first bytes, the rest as text to splice in.
class Recipe {
  public:
    Recipe(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    /// A number in [0, bound) from the next two bytes (0 when the recipe is used up).
    std::size_t number(std::size_t bound) {
        std::size_t v = 0;
        for (int i = 0; i < 2; ++i) v = (v << 8) | (pos_ < size_ ? data_[pos_++] : 0u);
        return bound ? v % bound : 0;
    }
    /// A size that is usually large: 2^(0..max_log2) scaled by a byte.
    std::size_t big(int max_log2) {
        const std::size_t shift = number(static_cast<std::size_t>(max_log2) + 1);
        return (std::size_t{1} << shift) + number(std::size_t{1} << shift);
    }
    /// The bytes not used as numbers, made safe to splice into markup (no quotes or '<').
    std::string text() {
        std::string out;
        for (std::size_t i = pos_; i < size_ && out.size() < 4096; ++i) {
            const char c = static_cast<char>(data_[i]);
            out += (c == '"' || c == '<' || c == '&' || c == '\\' || c == '\0') ? ' ' : c;
        }
        return newsdex::is_valid_utf8(out) ? out : std::string("fuzzed words");
    }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
};

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

struct Built {
    std::string name;  ///< decides the format, as a file name does
    std::string bytes;
};

Built build(Recipe& r) {
    const std::string words = r.text();
    const std::string text = "\"" + words + " and an article sentence.\"";
    switch (r.number(9)) {
        case 0: {  // JSON Lines, one record nested deep under a chosen key
            const std::size_t depth = r.big(17);
            const char* key = r.number(2) ? "text" : (r.number(2) ? "author" : "date");
            const bool objects = r.number(2);
            const std::string inner = objects ? repeat("{\"a\":", depth) + text + repeat("}", depth)
                                              : repeat("[", depth) + text + repeat("]", depth);
            return {"x.jsonl", "{\"text\":" + text + "}\n{\"" + std::string(key) + "\":" + inner + "}\n"};
        }
        case 1: {  // a JSON document nested deep, or a deep JSON-LD block in a page
            const std::size_t depth = r.big(17);
            const std::string inner = repeat("[", depth) + text + repeat("]", depth);
            if (r.number(2))
                return {"x.json", "[{\"text\":" + text + ",\"x\":" + inner + "}]"};
            return {"x.html", "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"x\":" +
                                  inner + "}</script></head><body><p>" + words + "</p></body></html>"};
        }
        case 2: {  // HTML nested deep, and a tag with many attributes
            const std::size_t depth = r.big(16), attributes = r.big(16);
            std::string tag = "<div";
            for (std::size_t i = 0; i < attributes; ++i) tag += " a" + std::to_string(i % 997) + "=v";
            return {"x.html", "<html><body>" + repeat(r.number(2) ? "<div>" : "<b><i>", depth) + tag + "><p>" +
                                  words + "</p></div></body></html>"};
        }
        case 3: {  // an internal XML entity referenced many times, in text or an attribute, maybe nested
            const std::size_t size = r.big(16), refs = r.big(14), levels = r.number(4);
            std::string dtd = "<!ENTITY e0 \"" + repeat("x", size) + "\">";
            for (std::size_t l = 1; l <= levels; ++l)
                dtd += "<!ENTITY e" + std::to_string(l) + " \"" + repeat("&e" + std::to_string(l - 1) + ";", 10) + "\">";
            const std::string use = repeat("&e" + std::to_string(levels) + ";", refs);
            const bool in_attribute = r.number(2);
            return {"x.atom", "<?xml version=\"1.0\"?><!DOCTYPE feed [" + dtd +
                                  "]><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><title>" +
                                  words + "</title><link href=\"" + (in_attribute ? use : "") + "\"/><summary>" +
                                  (in_attribute ? words : use) + "</summary></entry></feed>"};
        }
        case 4: {  // XML nested deep inside an item
            const std::size_t depth = r.big(17);
            return {"x.xml", "<rss version=\"2.0\"><channel><item><title>" + words + "</title><description>" +
                                 repeat("<x>", depth) + words + repeat("</x>", depth) +
                                 "</description></item></channel></rss>"};
        }
        case 5: {  // WARC records, some with lying lengths
            std::string warc;
            const std::size_t records = 1 + r.number(6);
            for (std::size_t i = 0; i < records; ++i) {
                const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" + words +
                                         "</p></body></html>";
                const std::size_t lie = r.number(4);
                const std::size_t length = lie == 0 ? http.size() + r.big(20) : lie == 1 ? r.number(http.size() + 1)
                                                                                           : http.size();
                warc += "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: " +
                        std::to_string(length) + "\r\n\r\n" + http + "\r\n\r\n";
            }
            return {"x.warc", warc};
        }
        case 6: {  // gzip inside gzip ...: a small file that expands a lot at every level
            std::string data = repeat(words + " lines of text.\n", r.big(14));
            const std::size_t levels = 1 + r.number(6);
            for (std::size_t l = 0; l < levels; ++l) data = newsdex::test::gzip(data, Z_BEST_COMPRESSION);
            return {"x.txt.gz", data};
        }
        case 7: {  // records sharing an id
            const std::size_t stories = 1 + r.number(20), ids = 1 + r.number(4);
            std::string out;
            const bool sgml = r.number(2);
            for (std::size_t i = 0; i < stories; ++i) {
                const std::string id = std::to_string(i % ids);
                out += sgml ? "<REUTERS NEWID=\"" + id + "\"><TITLE>t</TITLE><BODY>" + words + "</BODY></REUTERS>\n"
                            : ".I " + id + "\n.W\n" + words + "\n";
            }
            return {sgml ? "x.sgm" : "x.txt", out};
        }
        default: {  // text with NULs and control bytes here and there
            std::string out = "A headline\n" + repeat(words + " text. ", 1 + r.number(50)) + "\n";
            for (std::size_t i = 0, n = r.number(16); i < n; ++i) out[r.number(out.size())] = static_cast<char>(r.number(32));
            return {"x.txt", out};
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Recipe recipe(data, size);
    const Built input = build(recipe);
    newsdex::readers::ReadOptions options;
    options.max_file_bytes = 4 << 20;
    options.max_record_bytes = 1 << 20;
    options.detect_language = false;
    newsdex::fuzz::CheckingSink sink;
    newsdex::readers::read_bytes(input.name, input.bytes, options, sink);
    // Entities may add at most 10 times the file's size (or 1 MiB); decompression at most
    // --max-size in all; HTML and JSON only lose markup.
    const std::size_t bound = 2 * options.max_file_bytes + 10 * input.bytes.size();
    if (sink.text_bytes > bound) __builtin_trap();
    return 0;
}
