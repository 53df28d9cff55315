#include "core/index/tree_walk.h"

#include <algorithm>
#include <system_error>
#include <vector>

#include "core/db/db_layout.h"
#include "core/readers/read_file.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

void walk_directory(const fs::path& dir, WalkVisitor& visitor) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
        visitor.error(dir.string(), ec.message());
        return;
    }
    struct Entry {
        fs::path path;
        bool is_dir;
    };
    std::vector<Entry> entries;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec) break;
        const fs::path& p = it->path();
        if (p.filename().string().starts_with(".")) continue;
        std::error_code type_ec;
        const bool is_dir = it->is_directory(type_ec);
        if (is_dir && it->is_symlink(type_ec)) continue;
        entries.push_back({p, is_dir});
    }
    if (ec) visitor.error(dir.string(), ec.message());
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
    for (const auto& e : entries) {
        if (visitor.stop()) return;
        if (e.is_dir && DbLayout::is_database_folder(e.path.string()))
            visitor.ignored(e.path);  // a database's own files are not articles
        else if (e.is_dir)
            walk_directory(e.path, visitor);
        else if (readers::is_article_file_name(e.path.filename().string())) {
            std::error_code link_ec;
            if (!fs::is_symlink(e.path, link_ec) || visitor.follow_link(e.path)) visitor.file(e.path);
        }
        else
            visitor.ignored(e.path);
    }
}

}  // namespace

void walk_path(const std::string& path, WalkVisitor& visitor) {
    if (path == readers::kStdinPath) {
        visitor.file(path);  // standard input, not a file named "-" (that is ./-)
        return;
    }
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
        // A dangling symlink exists as a link but not as a file: say which.
        visitor.error(path, ec && ec != std::errc::no_such_file_or_directory ? ec.message()
                                                                              : "No such file or directory");
        return;
    }
    if (fs::is_directory(status) && DbLayout::is_database_folder(path))
        visitor.error(path, "is a database folder, not articles: not read");
    else if (fs::is_directory(status))
        walk_directory(path, visitor);
    else
        visitor.file(path);
}

}  // namespace newsdex
