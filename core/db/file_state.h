/** @file @brief What the indexer remembers about each source file, so that a re-run reads
 *  only what changed: size, modification time and inode, with a content hash as the
 *  tiebreak when those differ but the bytes may not. */
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/text/hash.h"  // hash_file, which the content_hash comes from

namespace newsdex {

struct FileState {
    std::string path;                 ///< canonical path of the file on disk
    std::uintmax_t size = 0;
    std::int64_t mtime_ns = 0;        ///< modification time, nanoseconds since the epoch
    std::uint64_t inode = 0;
    std::string content_hash;         ///< XXH3-128 of the bytes, 32 hex digits; empty if unknown
    std::uint64_t articles = 0;       ///< articles the file yielded when last read

    /// Same size, mtime and inode: the file is taken as unchanged without reading it.
    bool same_stat(const FileState& other) const {
        return size == other.size && mtime_ns == other.mtime_ns && inode == other.inode;
    }
};

/// How a file on disk compares with what the database remembers of it.
enum class FileChange {
    New,        ///< never indexed (or indexed by a version that kept no state)
    Unchanged,  ///< same size, mtime and inode: not read at all
    Modified,   ///< stat differs: its bytes are hashed, and it is re-read if they differ
};

FileChange compare(const std::optional<FileState>& stored, const FileState& current);

/// stat(2) of `path` (following symlinks) as a FileState with no hash; nullopt with
/// errno set when it cannot be stat'ed.
std::optional<FileState> stat_file(const std::string& path);

}  // namespace newsdex
