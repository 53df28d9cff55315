/** @file @brief Gzip-compressing bytes in memory, for tests and fuzz targets that need a
 *  compressed input (header-only: the fuzz targets do not link the test support). */
#pragma once

#include <zlib.h>

#include <string>

namespace newsdex::test {

/// `data` as one gzip member, compressed at `level` (zlib's 0-9).
inline std::string gzip(const std::string& data, int level = Z_DEFAULT_COMPRESSION) {
    z_stream z{};
    deflateInit2(&z, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace newsdex::test
