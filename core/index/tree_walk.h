/** @file @brief Walks the paths given to the indexer: files as named, folders recursively
 *  in name order (so runs are reproducible), hidden entries skipped, symlinked folders
 *  not followed (they can loop, and usually duplicate a tree). Memory stays within one
 *  folder's listing per level, whatever the size of the tree. */
#pragma once

#include <filesystem>
#include <string>

namespace newsdex {

class WalkVisitor {
  public:
    virtual ~WalkVisitor() = default;
    /// A file to read: named on the command line, or an article file found in a folder.
    virtual void file(const std::filesystem::path& path) = 0;
    /// A file in a folder whose name is not an article file's.
    virtual void ignored(const std::filesystem::path& path) = 0;
    /// A path that could not be listed or does not exist.
    virtual void error(const std::string& path, const std::string& reason) = 0;
    /// A symbolic link to a file met in a folder: true reads it (through file()).
    virtual bool follow_link(const std::filesystem::path&) { return true; }
    /// Polled between entries: true stops the walk.
    virtual bool stop() { return false; }
};

/// `-` (readers::kStdinPath) is passed to visitor.file as it is: it means standard input.
void walk_path(const std::string& path, WalkVisitor& visitor);

}  // namespace newsdex
