// libFuzzer target for one reader (NEWSDEX_FUZZ_FORMAT, a readers::Format) or, with
// Format::Auto, for detection and the compressed-file and archive layer.
// Property checked beyond "no crash, no leak, no UB": whatever reaches the index is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/readers/read_file.h"
#include "core/text/utf8.h"

namespace {

using newsdex::Article;
using newsdex::Problem;

struct CheckingSink : newsdex::readers::ArticleSink {
    void article(Article&& a) override {
        check(a.title);
        for (const auto& p : a.paragraphs) check(p);
        for (const auto& name : a.authors) check(name);
        check(a.source);
        check(a.url);
        check(a.id);
    }
    void problem(Problem&& p) override { check(p.reason); }
    static void check(std::string_view text) {
        if (!newsdex::is_valid_utf8(text)) __builtin_trap();
    }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::readers::ReadOptions options;
    options.format = newsdex::readers::Format::NEWSDEX_FUZZ_FORMAT;
    // Small limits keep each run fast and bound what a decompression bomb can make.
    options.max_file_bytes = 4 << 20;
    options.max_record_bytes = 1 << 20;
    CheckingSink sink;
    newsdex::readers::read_bytes(NEWSDEX_FUZZ_NAME, std::string_view(reinterpret_cast<const char*>(data), size),
                                 options, sink);
    return 0;
}
