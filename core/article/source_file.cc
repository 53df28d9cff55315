#include "core/article/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/article/article_id.h"

namespace newsdex {

namespace {

std::string human_size(std::uintmax_t bytes) {
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", mib);
    return buf;
}

ReadFailure too_large(std::uintmax_t size, std::uintmax_t max_bytes, bool at_least) {
    return ReadFailure{std::string("too large (") + (at_least ? "over " : "") + human_size(size) +
                           ", the limit is " + human_size(max_bytes) + "; raise it with --max-size)",
                       true};
}

/// Closes the descriptor on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd > 2) ::close(fd);
    }
};

/// Reads up to max_bytes + 1 bytes, so the caller can tell "exactly the limit" from "more".
std::variant<std::string, ReadFailure> read_all(int fd, std::uintmax_t max_bytes, std::size_t hint) {
    std::string bytes;
    bytes.resize(std::max<std::size_t>(hint, 1 << 16));
    std::size_t got = 0;
    for (;;) {
        if (got == bytes.size()) {
            if (got > max_bytes) break;
            bytes.resize(bytes.size() * 2);
        }
        const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return ReadFailure{std::string("read error: ") + std::strerror(errno)};
        }
        if (n == 0) break;  // end of file (or the file shrank while we read it: take what is there)
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return bytes;
}

}  // namespace

std::variant<SourceFile, ReadFailure> read_source_file(const std::string& path, std::uintmax_t max_bytes) {
    // Look before opening: opening a FIFO or device for reading can block forever.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return ReadFailure{std::strerror(errno)};
    if (S_ISDIR(st.st_mode)) return ReadFailure{"is a directory"};
    if (!S_ISREG(st.st_mode)) return ReadFailure{"not a regular file (device, FIFO or socket)", true};
    Fd file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
    if (file.fd < 0) return ReadFailure{std::strerror(errno)};
    if (::fstat(file.fd, &st) != 0) return ReadFailure{std::strerror(errno)};
    if (!S_ISREG(st.st_mode)) return ReadFailure{"not a regular file (device, FIFO or socket)", true};
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > max_bytes) return too_large(size, max_bytes, false);

    auto read = read_all(file.fd, max_bytes, static_cast<std::size_t>(size) + 1);
    if (auto* failure = std::get_if<ReadFailure>(&read)) return *failure;
    SourceFile out;
    out.bytes = std::move(std::get<std::string>(read));
    if (out.bytes.size() > max_bytes) return too_large(out.bytes.size(), max_bytes, true);  // it grew
    out.path = path;
    out.canonical_path = canonical_file_id(path);  // the same key the indexer's file state uses
    out.mtime = st.st_mtime;
    return out;
}

std::variant<SourceFile, ReadFailure> read_standard_input(std::uintmax_t max_bytes) {
    auto read = read_all(STDIN_FILENO, max_bytes, 1 << 16);
    if (auto* failure = std::get_if<ReadFailure>(&read)) return *failure;
    SourceFile out;
    out.bytes = std::move(std::get<std::string>(read));
    if (out.bytes.size() > max_bytes) return too_large(out.bytes.size(), max_bytes, true);
    out.path = "-";
    out.canonical_path = "stdin";
    out.mtime = std::time(nullptr);
    return out;
}

}  // namespace newsdex
