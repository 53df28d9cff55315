#include "core/article/article_id.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "core/schema.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

TEST(ArticleId, FileIdIsTheCanonicalPath) {
    test::TempDir dir;
    dir.write("sub/a.txt", "x");
    const std::string canonical = (std::filesystem::canonical(dir.path()) / "sub/a.txt").string();
    EXPECT_EQ(canonical_file_id(dir.str() + "/sub/a.txt"), canonical);
    EXPECT_EQ(canonical_file_id(dir.str() + "/sub/../sub/./a.txt"), canonical);
    std::filesystem::create_symlink(dir.path() / "sub/a.txt", dir.path() / "link.txt");
    EXPECT_EQ(canonical_file_id(dir.str() + "/link.txt"), canonical);
    // Relative paths are made absolute, so ids do not depend on the working folder.
    EXPECT_TRUE(canonical_file_id("relative/b.txt").starts_with("/"));
}

TEST(ArticleId, RecordsAndMembersExtendTheirContainersId) {
    const struct {
        std::string got, expected;
    } rows[] = {
        {record_article_id("/d/dump.jsonl", "17"), "/d/dump.jsonl#17"},
        {record_article_id("/d/feed.xml", "3"), "/d/feed.xml#3"},
        {member_article_id("/d/a.tar.gz", "2024/03/x.txt"), "/d/a.tar.gz!2024/03/x.txt"},
        {record_article_id(member_article_id("/d/a.zip", "feeds/f.jsonl"), "2"), "/d/a.zip!feeds/f.jsonl#2"},
    };
    for (const auto& row : rows) EXPECT_EQ(row.got, row.expected);
}

TEST(ArticleId, TermsStayUnderXapiansLimitAndDistinct) {
    std::set<std::string> terms;
    for (int i = 0; i < 100; ++i) {
        const std::string id =
            record_article_id(member_article_id("/archive/" + std::string(300, 'a') + ".tar.gz",
                                                "crawl/" + std::string(200, 'b') + ".warc.gz"),
                              std::to_string(i));
        const std::string term = schema::id_term(id);
        EXPECT_LE(term.size(), schema::kMaxTermBytes);
        EXPECT_TRUE(terms.insert(term).second) << "two long ids share a term";
        EXPECT_EQ(term, schema::id_term(id)) << "not stable";
    }
    EXPECT_EQ(schema::id_term("/short/path.txt"), "Q/short/path.txt");
}

}  // namespace
}  // namespace newsdex
