#include "core/text/hash.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include <xxhash.h>

namespace newsdex {

namespace {

std::string hex128(const XXH128_hash_t& h) {
    char buf[33];
    std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                  static_cast<unsigned long long>(h.low64));
    return buf;
}

}  // namespace

std::optional<std::string> hash_file(const std::string& path) {
    // O_NONBLOCK: never hang on a FIFO that slipped in between stat and open.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return std::nullopt;
    XXH3_state_t* state = XXH3_createState();
    XXH3_128bits_reset(state);
    // Reused per thread: a fresh zeroed buffer per file costs more than hashing a small one.
    thread_local std::vector<char> buffer(1 << 18);
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ok = false;
            break;
        }
        if (n == 0) break;
        XXH3_128bits_update(state, buffer.data(), static_cast<std::size_t>(n));
    }
    const int saved_errno = errno;
    const XXH128_hash_t h = XXH3_128bits_digest(state);
    XXH3_freeState(state);
    ::close(fd);
    if (!ok) {
        errno = saved_errno;
        return std::nullopt;
    }
    return hex128(h);
}

std::string hash_bytes(std::string_view bytes) { return hex128(XXH3_128bits(bytes.data(), bytes.size())); }

std::uint64_t hash64(std::string_view bytes, std::uint64_t seed) {
    return XXH3_64bits_withSeed(bytes.data(), bytes.size(), seed);
}

}  // namespace newsdex
