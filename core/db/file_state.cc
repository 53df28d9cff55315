#include "core/db/file_state.h"

#include <sys/stat.h>

namespace newsdex {

FileChange compare(const std::optional<FileState>& stored, const FileState& current) {
    if (!stored) return FileChange::New;
    return stored->same_stat(current) ? FileChange::Unchanged : FileChange::Modified;
}

std::optional<FileState> stat_file(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    FileState state;
    state.path = path;
    state.size = static_cast<std::uintmax_t>(st.st_size);
    state.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    state.inode = static_cast<std::uint64_t>(st.st_ino);
    return state;
}

}  // namespace newsdex
