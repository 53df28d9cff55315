// End-to-end tests of snippets in newsdex-search: each marker mode, fragments and their
// JSON offsets, over corpus/ and a small corpus of awkward text written here.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <memory>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

/// Text of code points [begin, end) of s.
std::string code_points(const std::string& s, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) starts.push_back(i);
    starts.push_back(s.size());
    if (end >= starts.size() || begin > end) return "<out of range>";
    return s.substr(starts[begin], starts[end] - starts[begin]);
}

std::size_t length_in_code_points(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class SnippetCli : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        tmp_ = std::make_unique<TempDir>();
        corpus_db_ = tmp_->str() + "/corpus-db";
        ASSERT_EQ(index_cmd({"--db", corpus_db_, NEWSDEX_CORPUS_DIR}).exit_code, 0);
        // Text with characters HTML must escape, and a paragraph of unspaced Japanese.
        tmp_->write("awkward/markup.txt",
                    "Title: R&D budget <draft> for Taurus\n"
                    "Author: Ada Lovelace\n\n"
                    "The R&D office said the <b>Taurus</b> costs \"too much\" & more.\n\n"
                    "東京で会議が開かれた。防衛相が出席した。\n");
        awkward_db_ = tmp_->str() + "/awkward-db";
        ASSERT_EQ(index_cmd({"--db", awkward_db_, tmp_->str() + "/awkward"}).exit_code, 0);
    }
    static void TearDownTestSuite() { tmp_.reset(); }

    static CommandResult search(const std::string& db, std::vector<std::string> args) {
        args.insert(args.begin(), {"--db", db});
        return search_cmd(args);
    }
    static nlohmann::json json(std::vector<std::string> args) {
        args.insert(args.begin(), {"--format", "json"});
        const auto r = search(corpus_db_, args);
        EXPECT_LE(r.exit_code, 1) << r.err;
        return nlohmann::json::parse(r.out);
    }

    static inline std::unique_ptr<TempDir> tmp_;
    static inline std::string corpus_db_, awkward_db_;
};

TEST_F(SnippetCli, PlainMarkersOfYourChoice) {
    const auto r = search(corpus_db_, {"--limit", "2", "--highlight", "plain", "--hl-start", ">>", "--hl-end", "<<", "Taurus"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, ">>Taurus<<")) << r.out;
    EXPECT_FALSE(contains(r.out, "[Taurus]"));
    EXPECT_FALSE(contains(r.out, "\033["));
    // A marker alone implies plain; the other keeps its default.
    const auto one = search(corpus_db_, {"--limit", "1", "--hl-start", "{", "Taurus"});
    EXPECT_TRUE(contains(one.out, "{Taurus]")) << one.out;
}

TEST_F(SnippetCli, AnsiMarkersEvenOnAPipeWhenAsked) {
    const auto r = search(corpus_db_, {"--limit", "2", "--highlight", "ansi", "Taurus"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "\033[1;31mTaurus\033[0m")) << r.out;
    EXPECT_FALSE(contains(r.out, "[Taurus]"));
}

TEST_F(SnippetCli, HtmlMarksWithMarkAndEscapesTheRest) {
    const auto r = search(awkward_db_, {"--highlight", "html", "--color", "always", "Taurus"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1. R&amp;D budget &lt;draft&gt; for <mark>Taurus</mark>\n")) << r.out;
    EXPECT_TRUE(contains(r.out, "The R&amp;D office said the &lt;b&gt;<mark>Taurus</mark>&lt;/b&gt; costs &quot;too much&quot; &amp; more."))
        << r.out;
    EXPECT_FALSE(contains(r.out, "\033[1;31m")) << "no ANSI inside HTML";
}

TEST_F(SnippetCli, DefaultMarkersAreBracketsOnAPipe) {
    const auto r = search(awkward_db_, {"Taurus"});
    EXPECT_TRUE(contains(r.out, "<b>[Taurus]</b>")) << r.out;
}

TEST_F(SnippetCli, CjkTextIsShownWhole) {
    const auto r = search(awkward_db_, {"--format", "json", "防衛相が出席した"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    const std::string snippet = j["hits"][0]["snippet"];
    EXPECT_TRUE(contains(snippet, "東京で会議が開かれた。<mark>防衛相が出席した</mark>。")) << snippet;
}

TEST_F(SnippetCli, BadSnippetOptionsAreUsageErrors) {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"--fragments", "0", "Taurus"},
             {"--fragments", "21", "Taurus"},
             {"--snippet-length", "5", "Taurus"},
             {"--highlight", "bold", "Taurus"},
             {"--highlight", "html", "--hl-start", "<b>", "Taurus"}}) {
        const auto r = search(corpus_db_, args);
        EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1];
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(line_count(r.err), 1u) << r.err;
    }
}

TEST_F(SnippetCli, JsonFragmentsAndOffsetsAgreeWithTheSnippet) {
    const auto j = json({"--limit", "5", "--fragments", "3", "--snippet-length", "90", "Taurus missiles"});
    ASSERT_FALSE(j["hits"].empty());
    for (const auto& h : j["hits"]) {
        const std::string snippet = h["snippet"];
        ASSERT_TRUE(h["fragments"].is_array());
        EXPECT_LE(h["fragments"].size(), 3u);
        EXPECT_FALSE(h["snippet_from_lead"].get<bool>());
        for (const auto& f : h["fragments"]) {
            const std::string text = f["text"];
            EXPECT_LE(length_in_code_points(text) + f["elided_before"].get<bool>() + f["elided_after"].get<bool>(), 90u)
                << text;
            EXPECT_TRUE(f["offset"].is_number_unsigned());
            ASSERT_FALSE(f["highlights"].empty()) << text;
            for (const auto& range : f["highlights"]) {
                const std::string word = code_points(text, range[0], range[1]);
                // "missile’s" is an inflection of "missiles" too: it stems alike.
                EXPECT_TRUE(lower(word) == "taurus" || lower(word).starts_with("missile")) << word;
                EXPECT_TRUE(contains(snippet, "<mark>" + word + "</mark>")) << word;
            }
        }
        const std::string title = h["title"];
        for (const auto& range : h["title_highlights"]) {
            const std::string word = code_points(title, range[0], range[1]);
            EXPECT_TRUE(contains(lower(word), "taurus") || contains(lower(word), "missile")) << word;
        }
    }
}

TEST_F(SnippetCli, PhrasesAreMarkedWholeAndExcludedWordsNever) {
    const auto phrase = json({"--limit", "5", "\"Storm Shadow\""});
    ASSERT_FALSE(phrase["hits"].empty());
    for (const auto& h : phrase["hits"])
        for (const auto& f : h["fragments"])
            for (const auto& range : f["highlights"])
                EXPECT_EQ(lower(code_points(f["text"], range[0], range[1])), "storm shadow");
    const auto excluded = json({"--limit", "10", "Taurus -constellation"});
    ASSERT_FALSE(excluded["hits"].empty());
    for (const auto& h : excluded["hits"]) {
        const std::string snippet = h["snippet"];
        EXPECT_FALSE(contains(lower(snippet), "<mark>constellation")) << snippet;
    }
}

TEST_F(SnippetCli, TitleOnlyMatchesShowTheLead) {
    const auto j = json({"--limit", "1", "author:Albrecht"});
    ASSERT_EQ(j["hits"].size(), 1u);
    EXPECT_TRUE(j["hits"][0]["snippet_from_lead"].get<bool>());
    EXPECT_FALSE(contains(j["hits"][0]["snippet"], "<mark>"));
    EXPECT_TRUE(j["hits"][0]["fragments"][0]["highlights"].empty());
    EXPECT_EQ(j["hits"][0]["fragments"][0]["offset"], 0);
}

TEST_F(SnippetCli, FragmentsAndLengthAreHonoured) {
    const auto one = json({"--limit", "3", "--fragments", "1", "--snippet-length", "60", "Taurus"});
    for (const auto& h : one["hits"]) {
        ASSERT_EQ(h["fragments"].size(), 1u);
        EXPECT_LE(length_in_code_points(h["fragments"][0]["text"]), 60u);
    }
    const auto r = search(corpus_db_, {"--limit", "1", "--fragments", "2", "--snippet-length", "80", "Taurus"});
    EXPECT_TRUE(contains(r.out, " … ")) << r.out;
}

TEST_F(SnippetCli, HelpDocumentsTheSnippetOptions) {
    const auto r = search_cmd({"--help"});
    for (const char* s : {"--fragments", "--snippet-length", "--highlight", "--hl-start", "--hl-end"})
        EXPECT_TRUE(contains(r.out, s)) << s;
}

}  // namespace
}  // namespace newsdex::test
