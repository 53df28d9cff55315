/** @file @brief Stable hashes (XXH3): of a file's bytes, of a byte string, and 64-bit. Stable
 *  across runs and machines, so they may be stored in the database. */
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// XXH3-128 of the file's bytes as 32 hex digits, read in chunks (memory stays small);
/// nullopt with errno set on a read error.
std::optional<std::string> hash_file(const std::string& path);

/// XXH3-128 of a byte string as 32 hex digits.
std::string hash_bytes(std::string_view bytes);

/// XXH3-64 of a byte string: a stable (across runs and machines) 64-bit hash.
std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0);

}  // namespace newsdex
