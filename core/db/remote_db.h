/** @file @brief Databases served by `xapian-tcpsrv` (Xapian's remote backend): the
 *  `tcp://HOST:PORT` form of --db, and stub files with `remote HOST:PORT` lines. */
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

struct RemoteAddress {
    std::string host;
    unsigned port = 0;
};

/// `tcp://HOST:PORT` (HOST a name, an IPv4 address or a bracketed IPv6 one) as an address;
/// nullopt when `spec` does not start with "tcp://". Throws Error(Usage) naming the
/// problem when it does but the rest is not HOST:PORT with a port of 1 to 65535.
std::optional<RemoteAddress> parse_remote(std::string_view spec);

/// A read-only connection to the server at `address`; Xapian errors (refused, timed out)
/// propagate as Xapian::NetworkError.
Xapian::Database open_remote(const RemoteAddress& address);

/// Whether a database path is, or lists, a remote database: a `tcp://` spec, or a stub
/// file (or a folder whose XAPIANDB stub) has a `remote` line. Over the remote protocol
/// Xapian returns no metadata and no spelling data, so the searcher reads those otherwise.
bool names_remote(const std::string& path);

}  // namespace newsdex
