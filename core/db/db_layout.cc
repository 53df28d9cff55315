#include "core/db/db_layout.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
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

constexpr const char* kShardPrefix = "shard-";

std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// The generation folder named by the stub and its shard count; shards 0 when there is
/// no stub this indexer wrote.
DbLayout::StubInfo read_stub(const fs::path& root) { return DbLayout::parse_stub(slurp(root / kStubFile)); }

void fsync_path(const fs::path& p, int flags) {
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

/// Writes the stub through a temporary file and rename(2), so readers see the old or
/// the new stub, never a partial one; fsyncs so the switch survives a power cut.
void write_stub(const fs::path& root, const std::string& generation, unsigned shards) {
    const fs::path tmp = root / (std::string(kStubFile) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << DbLayout::stub_text(generation, shards);
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
    const std::string gen = read_stub(r).generation;
    return gen.empty() ? std::string() : (r / gen).string();
}

bool DbLayout::is_database_folder(const std::string& dir) {
    const fs::path d(dir);
    return present(d / kGlassMarker) || present(d / kStubFile) || present(d / "newsdex-index.lock");
}

void DbLayout::check_database_folder(const std::string& root) {
    std::error_code ec;
    if (!fs::is_directory(root, ec) || is_database_folder(root)) return;
    // What a first run leaves before its stub is written: the lock, gen-N folders, a stub
    // being written.
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        const std::string name = entry.path().filename().string();
        if (generation_of(name) != 0 || name == std::string(kStubFile) + ".tmp" || name.starts_with(".")) continue;
        throw Error(ErrorKind::Database,
                    "--db " + root + " is not a Newsdex database: it is a folder holding other files (" + name + ")",
                    "name a new or empty folder for the database");
    }
}

std::string DbLayout::stub_text(const std::string& generation, unsigned shards) {
    if (shards <= 1) return "auto " + generation + "\n";
    std::string text;
    for (unsigned k = 0; k < shards; ++k) text += "auto " + generation + "/" + kShardPrefix + std::to_string(k) + "\n";
    return text;
}

DbLayout::StubInfo DbLayout::parse_stub(const std::string& text) {
    std::istringstream in(text);
    std::string kind, target;
    std::vector<std::string> targets;
    while (in >> kind >> target) {
        if (kind != "auto") return {};
        targets.push_back(target);
    }
    if (targets.empty() || !in.eof()) return {};
    if (targets.size() == 1 && targets[0].find('/') == std::string::npos)
        return generation_of(targets[0]) ? StubInfo{targets[0], 1} : StubInfo{};
    // Sharded: gen-N/shard-0 ... gen-N/shard-(K-1), in order, all in one generation.
    const auto slash = targets[0].find('/');
    const std::string gen = targets[0].substr(0, slash);
    if (slash == std::string::npos || !generation_of(gen)) return {};
    for (std::size_t k = 0; k < targets.size(); ++k)
        if (targets[k] != gen + "/" + kShardPrefix + std::to_string(k)) return {};
    return {gen, static_cast<unsigned>(targets.size())};
}

DbLayout::DbLayout(std::string root, bool rebuild, unsigned shards) : root_(std::move(root)), rebuild_(rebuild) {
    const fs::path r(root_);
    std::error_code ec;
    fs::create_directories(r, ec);
    if (ec || !fs::is_directory(r, ec))
        throw Error(ErrorKind::Database, "cannot create database folder " + root_ + ": " +
                                             (ec ? ec.message() : std::string("not a folder")));

    const bool plain = present(r / kGlassMarker);
    const StubInfo stub = plain ? StubInfo{} : read_stub(r);
    const std::string current = stub.generation;
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
        write_paths_ = {root_};
        return;
    }
    if (!current.empty() && !rebuild_) {
        generation_ = current;
        set_paths(stub.shards);
        return;
    }
    // A new database, or a rebuild: a fresh generation.
    generation_number_ = highest + 1;
    generation_ = kGenerationPrefix + std::to_string(generation_number_);
    set_paths(std::max(1u, shards));
    fresh_ = true;
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

void DbLayout::set_paths(unsigned shards) {
    const fs::path gen = fs::path(root_) / generation_;
    write_paths_.clear();
    if (shards <= 1) {
        write_paths_.push_back(gen.string());
        return;
    }
    // Xapian creates a database's own folder, not its parents.
    std::error_code ec;
    fs::create_directories(gen, ec);
    for (unsigned k = 0; k < shards; ++k) write_paths_.push_back((gen / (kShardPrefix + std::to_string(k))).string());
}

std::vector<std::string> DbLayout::compaction_paths(unsigned shards) const {
    const fs::path next = fs::path(root_) / (kGenerationPrefix + std::to_string(generation_number_ + 1));
    std::error_code ec;
    fs::remove_all(next, ec);
    if (shards <= 1) return {next.string()};
    fs::create_directories(next, ec);
    std::vector<std::string> paths;
    for (unsigned k = 0; k < shards; ++k) paths.push_back((next / (kShardPrefix + std::to_string(k))).string());
    return paths;
}

void DbLayout::publish_compacted(unsigned shards) {
    const fs::path written = fs::path(root_) / generation_;
    const unsigned n = std::max(1u, shards);
    ++generation_number_;
    generation_ = kGenerationPrefix + std::to_string(generation_number_);
    set_paths(n);
    // A new database was published as soon as it existed: the written generation is now
    // the one to replace. A rebuild replaces the previous index as well (publish()).
    if (!needs_publish_) {
        needs_publish_ = true;
        previous_ = written.string();
        previous_is_plain_ = false;
        publish();
    } else {
        publish();
        std::error_code ec;
        fs::remove_all(written, ec);
    }
    fresh_ = false;
}

void DbLayout::publish_new() {
    if (!is_new_) return;
    write_stub(fs::path(root_), generation_, shards());
    is_new_ = false;
}

void DbLayout::publish() {
    if (!needs_publish_) return;
    const fs::path r(root_);
    write_stub(r, generation_, shards());
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
