#include "core/db/remote_db.h"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "core/error.h"

namespace newsdex {

namespace {

constexpr std::string_view kScheme = "tcp://";

[[noreturn]] void bad_spec(std::string_view spec, const std::string& why) {
    throw Error(ErrorKind::Usage, "--db " + std::string(spec) + ": " + why,
                "write tcp://HOST:PORT, e.g. tcp://10.0.0.5:33333, for a database served by xapian-tcpsrv");
}

/// Whether the stub file at `path` has a line starting "remote" (Xapian's stub syntax:
/// one database a line, `auto PATH`, `glass PATH`, `remote HOST:PORT`, `#` comments).
bool stub_has_remote_line(const std::filesystem::path& path) {
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        const auto start = line.find_first_not_of(" \t");
        if (start != std::string::npos && line.compare(start, 6, "remote") == 0) return true;
    }
    return false;
}

}  // namespace

std::optional<RemoteAddress> parse_remote(std::string_view spec) {
    if (spec.substr(0, kScheme.size()) != kScheme) return std::nullopt;
    std::string_view rest = spec.substr(kScheme.size());
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    RemoteAddress address;
    std::string_view port;
    if (!rest.empty() && rest.front() == '[') {
        const auto close = rest.find(']');
        if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ':')
            bad_spec(spec, "an IPv6 address goes in brackets, followed by :PORT");
        address.host = std::string(rest.substr(1, close - 1));
        port = rest.substr(close + 2);
    } else {
        const auto colon = rest.rfind(':');
        if (colon == std::string_view::npos) bad_spec(spec, "no port");
        address.host = std::string(rest.substr(0, colon));
        port = rest.substr(colon + 1);
    }
    if (address.host.empty()) bad_spec(spec, "no host");
    if (address.host.find_first_of("/ \t") != std::string::npos) bad_spec(spec, "not a host name");
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
        bad_spec(spec, "the port must be a number from 1 to 65535");
    address.port = value;
    return address;
}

Xapian::Database open_remote(const RemoteAddress& address) {
    // Xapian's defaults: 10 s to connect, 10 s per reply.
    return Xapian::Remote::open(address.host, address.port);
}

bool names_remote(const std::string& path) {
    if (path.substr(0, kScheme.size()) == kScheme) return true;
    std::error_code ec;
    const std::filesystem::path p(path);
    if (std::filesystem::is_regular_file(p, ec)) return stub_has_remote_line(p);
    const auto stub = p / "XAPIANDB";
    return std::filesystem::is_regular_file(stub, ec) && stub_has_remote_line(stub);
}

}  // namespace newsdex
