// The programs' command lines bind straight to the core's option structs: what a flag says
// is what the core gets, and a flag not given leaves the core's own default.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/options.h"
#include "searcher/options.h"

namespace newsdex {
namespace {

struct Argv {
    explicit Argv(std::vector<std::string> words) : words_(std::move(words)) {
        for (auto& w : words_) pointers_.push_back(w.data());
    }
    int argc() { return static_cast<int>(pointers_.size()); }
    char** argv() { return pointers_.data(); }

  private:
    std::vector<std::string> words_;
    std::vector<char*> pointers_;
};

TEST(IndexerOptions, DefaultsAreTheCoresOwn) {
    Argv args({"newsdex-index", "--db", "/tmp/x", "a.txt"});
    IndexerConfig config;
    ASSERT_FALSE(parse_options(args.argc(), args.argv(), config));
    const IndexWriterOptions writer_defaults;
    const readers::ReadOptions read_defaults;
    EXPECT_EQ(config.writer.batch_size, writer_defaults.batch_size);
    EXPECT_EQ(config.writer.batch_bytes, writer_defaults.batch_bytes);
    EXPECT_EQ(config.ingest.read.max_file_bytes, read_defaults.max_file_bytes);
    EXPECT_EQ(config.writer.language.stemmer, read_defaults.language.stemmer);
    EXPECT_EQ(config.ingest.read.language.stemmer, read_defaults.language.stemmer);
    EXPECT_TRUE(config.writer.compact);
    EXPECT_TRUE(config.writer.spelling);
    EXPECT_TRUE(config.ingest.incremental);
    EXPECT_EQ(config.ingest.paths, std::vector<std::string>{"a.txt"});
}

TEST(IndexerOptions, BatchMbAndMaxSizeAreMiB) {
    Argv args({"newsdex-index", "--db", "/tmp/x", "--batch-mb", "1.5", "--max-size", "2", "a.txt"});
    IndexerConfig config;
    ASSERT_FALSE(parse_options(args.argc(), args.argv(), config));
    EXPECT_EQ(config.writer.batch_bytes, std::size_t{3} << 19);  // 1.5 MiB, not 1.5 MB
    EXPECT_EQ(config.ingest.read.max_file_bytes, std::uintmax_t{2} << 20);
}

TEST(IndexerOptions, OneFlagSetsBothStructs) {
    Argv args({"newsdex-index", "--db", "/tmp/x", "--language", "de", "--jobs", "100", "--rebuild",
               "--no-compact", "--no-spelling", "a.txt"});
    IndexerConfig config;
    ASSERT_FALSE(parse_options(args.argc(), args.argv(), config));
    EXPECT_EQ(config.writer.language.stemmer, "german");
    EXPECT_EQ(config.ingest.read.language.code, "de");
    EXPECT_EQ(config.ingest.jobs, 100u);
    EXPECT_EQ(config.writer.writers, 64u);  // at most 64 database writers
    EXPECT_FALSE(config.ingest.incremental);
    EXPECT_FALSE(config.writer.compact);
    EXPECT_FALSE(config.writer.spelling);
}

TEST(SearcherOptions, DefaultsAreTheCoresOwn) {
    Argv args({"newsdex-search", "--db", "/tmp/x", "Taurus"});
    SearcherConfig config;
    ASSERT_FALSE(parse_options(args.argc(), args.argv(), config));
    const SearchRequest defaults;
    EXPECT_EQ(config.request.query, "Taurus");
    EXPECT_EQ(config.request.limit, defaults.limit);
    EXPECT_EQ(config.request.snippet_length, defaults.snippet_length);
    EXPECT_EQ(config.request.fragments, defaults.fragments);
    EXPECT_EQ(config.request.query_options.wildcard_limit, defaults.query_options.wildcard_limit);
    EXPECT_TRUE(config.request.snippets);
}

TEST(SearcherOptions, SnippetsAreMadeOnlyForFieldsThatShowThem) {
    for (const auto& [fields, snippets] : std::vector<std::pair<std::string, bool>>{
             {"id,title,date", false}, {"id,snippet", true}, {"fragments", true}, {"title_highlights", true}}) {
        Argv args({"newsdex-search", "--db", "/tmp/x", "--format", "json", "--fields", fields, "Taurus"});
        SearcherConfig config;
        ASSERT_FALSE(parse_options(args.argc(), args.argv(), config));
        EXPECT_EQ(config.request.snippets, snippets) << fields;
    }
}

}  // namespace
}  // namespace newsdex
