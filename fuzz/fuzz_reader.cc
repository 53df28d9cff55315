// libFuzzer target for one reader (NEWSDEX_FUZZ_FORMAT, a readers::Format) or, with
// Format::Auto, for detection and the compressed-file and archive layer.
// Properties checked beyond "no crash, no leak, no UB": see fuzz/checking_sink.h.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/readers/read_file.h"
#include "fuzz/checking_sink.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    newsdex::readers::ReadOptions options;
    options.format = newsdex::readers::Format::NEWSDEX_FUZZ_FORMAT;
    // Small limits keep each run fast and bound what a decompression bomb can make.
    options.max_file_bytes = 4 << 20;
    options.max_record_bytes = 1 << 20;
    newsdex::fuzz::CheckingSink sink;
    newsdex::readers::read_bytes(NEWSDEX_FUZZ_NAME, std::string_view(reinterpret_cast<const char*>(data), size),
                                 options, sink);
    return 0;
}
