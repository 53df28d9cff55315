#include "core/db_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/error.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStubFile = "XAPIANDB";
constexpr const char* kGlassMarker = "iamglass";
constexpr const char* kGenerationPrefix = "gen-";

bool present(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

/// The generation number of a `gen-N` folder name; 0 if it is not one.
int generation_of(const std::string& name) {
    if (!name.starts_with(kGenerationPrefix)) return 0;
    const std::string digits = name.substr(std::strlen(kGenerationPrefix));
    if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return 0;
    return std::stoi(digits);
}

/// The generation folder named by the stub, or "" when there is no readable stub.
std::string read_stub(const fs::path& root) {
    std::ifstream in(root / kStubFile);
    std::string kind, target;
    if (!(in >> kind >> target) || kind != "auto") return {};
    return target;
}

void fsync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

/// Writes the stub through a temporary file and rename(2), so readers see the old or
/// the new stub, never a partial one; fsyncs so the switch survives a power cut.
void write_stub(const fs::path& root, const std::string& generation) {
    const fs::path tmp = root / (std::string(kStubFile) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "auto " << generation << '\n';
        out.flush();
        if (!out) throw Error(ErrorKind::Database, "cannot write " + tmp.string() + ": " + std::strerror(errno));
    }
    fsync_path(tmp, O_RDONLY);
    if (::rename(tmp.c_str(), (root / kStubFile).c_str()) != 0)
        throw Error(ErrorKind::Database, "cannot switch database " + root.string() + ": " + std::strerror(errno));
    fsync_path(root, O_RDONLY | O_DIRECTORY);
}

bool is_glass_file(const std::string& name) {
    return name.ends_with(".glass") || name == "flintlock" || name == kGlassMarker ||
           name.starts_with(std::string(kGlassMarker) + ".");
}

void remove_glass_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file(ec) && is_glass_file(entry.path().filename().string())) fs::remove(entry.path(), ec);
}

}  // namespace

std::string DbLayout::live_index(const std::string& root) {
    const fs::path r(root);
    if (present(r / kGlassMarker)) return root;
    const std::string gen = read_stub(r);
    return gen.empty() ? std::string() : (r / gen).string();
}

DbLayout::DbLayout(std::string root, bool rebuild) : root_(std::move(root)), rebuild_(rebuild) {
    const fs::path r(root_);
    std::error_code ec;
    fs::create_directories(r, ec);
    if (ec || !fs::is_directory(r, ec))
        throw Error(ErrorKind::Database, "cannot create database folder " + root_ + ": " +
                                             (ec ? ec.message() : std::string("not a folder")));

    const bool plain = present(r / kGlassMarker);
    const std::string current = plain ? std::string() : read_stub(r);
    if (!plain && current.empty() && present(r / kStubFile))
        throw Error(ErrorKind::Database, "database " + root_ + " has a stub file this indexer did not write",
                    "index into another --db");

    // Generations other than the live one are leftovers of an interrupted rebuild (or of
    // a switch whose clean-up was cut short): nobody can be reading them.
    int highest = 0;
    for (const auto& entry : fs::directory_iterator(r, ec)) {
        const std::string name = entry.path().filename().string();
        const int gen = generation_of(name);
        if (gen == 0 || !entry.is_directory(ec)) continue;
        highest = std::max(highest, gen);
        if (name != current) fs::remove_all(entry.path(), ec);
    }
    // A switch from a plain (v1) folder that stopped before removing the old glass files.
    if (!plain && !current.empty()) remove_glass_files(r);

    if (plain && !rebuild_) {
        write_path_ = root_;
        return;
    }
    if (!current.empty() && !rebuild_) {
        write_path_ = (r / current).string();
        return;
    }
    // A new database, or a rebuild: a fresh generation.
    const std::string gen = kGenerationPrefix + std::to_string(highest + 1);
    write_path_ = (r / gen).string();
    needs_publish_ = true;
    previous_is_plain_ = plain;
    previous_ = plain ? root_ : (current.empty() ? std::string() : (r / current).string());
    // A brand-new database is published as soon as it exists (publish_new), so that
    // searchers see each commit of its first run; a rebuild stays hidden until complete.
    if (!rebuild_ && previous_.empty()) {
        is_new_ = true;
        needs_publish_ = false;
    }
}

void DbLayout::publish_new() {
    if (!is_new_) return;
    write_stub(fs::path(root_), fs::path(write_path_).filename().string());
    is_new_ = false;
}

void DbLayout::publish() {
    if (!needs_publish_) return;
    const fs::path r(root_);
    write_stub(r, fs::path(write_path_).filename().string());
    if (previous_is_plain_) {
        // Glass wins over the stub while iamglass exists: renaming it away is the switch.
        const fs::path marker = r / kGlassMarker;
        const fs::path retired = r / (std::string(kGlassMarker) + ".replaced");
        if (::rename(marker.c_str(), retired.c_str()) != 0)
            throw Error(ErrorKind::Database, "cannot switch database " + root_ + ": " + std::strerror(errno));
        fsync_path(r, O_RDONLY | O_DIRECTORY);
        remove_glass_files(r);
    } else if (!previous_.empty()) {
        std::error_code ec;
        fs::remove_all(previous_, ec);
    }
    needs_publish_ = false;
}

}  // namespace newsdex
