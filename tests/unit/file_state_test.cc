#include "core/db/file_state.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

FileState state(std::uintmax_t size, std::int64_t mtime, std::uint64_t inode) {
    FileState s;
    s.path = "/f";
    s.size = size;
    s.mtime_ns = mtime;
    s.inode = inode;
    return s;
}

TEST(FileChangeDetection, ComparesSizeMtimeAndInode) {
    struct Row {
        const char* what;
        std::optional<FileState> stored;
        FileState current;
        FileChange expected;
    };
    const Row rows[] = {
        {"never seen", std::nullopt, state(10, 100, 1), FileChange::New},
        {"same stat", state(10, 100, 1), state(10, 100, 1), FileChange::Unchanged},
        {"grew", state(10, 100, 1), state(11, 100, 1), FileChange::Modified},
        {"touched", state(10, 100, 1), state(10, 101, 1), FileChange::Modified},
        {"replaced by another file (new inode)", state(10, 100, 1), state(10, 100, 2), FileChange::Modified},
        {"mtime went back", state(10, 100, 1), state(10, 99, 1), FileChange::Modified},
    };
    for (const auto& row : rows) EXPECT_EQ(compare(row.stored, row.current), row.expected) << row.what;
}

TEST(FileChangeDetection, StatSeesEveryChangeAndHashTellsContentApart) {
    test::TempDir dir;
    const std::string path = dir.write("a.txt", "first version");
    const auto before = stat_file(path);
    ASSERT_TRUE(before);
    EXPECT_EQ(before->size, 13u);
    EXPECT_GT(before->inode, 0u);
    const auto hash1 = hash_file(path);
    ASSERT_TRUE(hash1);
    EXPECT_EQ(hash1->size(), 32u);
    EXPECT_EQ(*hash1, hash_bytes("first version"));

    // Same bytes, new time stamp: stat differs, hash does not (the tiebreak).
    std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(5));
    const auto touched = stat_file(path);
    EXPECT_EQ(compare(before, *touched), FileChange::Modified);
    EXPECT_EQ(*hash_file(path), *hash1);

    // Same size, different bytes.
    dir.write("a.txt", "other version");
    EXPECT_NE(*hash_file(path), *hash1);

    EXPECT_FALSE(stat_file(dir.str() + "/missing.txt"));
    EXPECT_FALSE(hash_file(dir.str() + "/missing.txt"));
}

TEST(FileChangeDetection, HashesAreStableAcrossRuns) {
    // Stored in databases: a different hash for the same bytes would re-read every file.
    EXPECT_EQ(hash_bytes(""), "99aa06d3014798d86001c324468d497f");
    EXPECT_EQ(hash64("abc"), 0x78af5f94892f3950ULL);
}

}  // namespace
}  // namespace newsdex
