/** @file @brief A folder that exists for one test and is removed after it. */
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace newsdex::test {

class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::string str() const { return path_.string(); }
    /// Writes `content` to `relative` (parent folders created); returns the full path.
    std::string write(const std::string& relative, std::string_view content) const;

  private:
    std::filesystem::path path_;
};

}  // namespace newsdex::test
