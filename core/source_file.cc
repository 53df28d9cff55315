#include "core/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/utf8.h"

namespace newsdex {

namespace {

std::string human_size(std::uintmax_t bytes) {
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MiB", mib);
    return buf;
}

bool is_blank(const std::string& text) {
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\t') return false;
    return true;
}

/// Closes the descriptor on every path out.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

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
    if (size > max_bytes)
        return ReadFailure{"too large (" + human_size(size) + ", the limit is " + human_size(max_bytes) +
                               "; raise it with --max-size)",
                           true};

    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t n = ::read(file.fd, bytes.data() + got, bytes.size() - got);
        if (n < 0) {
            if (errno == EINTR) continue;
            return ReadFailure{std::string("read error: ") + std::strerror(errno)};
        }
        if (n == 0) break;  // the file shrank while we read it: take what is there
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);

    if (bytes.empty()) return ReadFailure{"empty file", true};
    if (looks_binary(bytes)) return ReadFailure{"binary file, not text", true};

    SourceFile out;
    out.path = path;
    std::error_code ec;
    auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec);
    out.canonical_path = ec ? path : canonical.string();
    out.mtime = st.st_mtime;
    CleanText clean = clean_text(bytes);
    if (clean.read_as_cp1252) out.warnings.push_back("not UTF-8: read as Windows-1252 (Latin-1)");
    if (clean.invalid_sequences > 0)
        out.warnings.push_back(std::to_string(clean.invalid_sequences) +
                               " invalid UTF-8 sequence(s) replaced with U+FFFD");
    if (clean.control_chars > 0)
        out.warnings.push_back(std::to_string(clean.control_chars) + " control character(s) removed");
    if (is_blank(clean.text)) return ReadFailure{"empty file (only white space)", true};
    out.text = std::move(clean.text);
    return out;
}

}  // namespace newsdex
