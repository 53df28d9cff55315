#include "core/snippets/sentences.h"

#include <gtest/gtest.h>

namespace newsdex::snippets {
namespace {

std::vector<std::string> sentences_of(std::string_view text, std::size_t limit = std::string_view::npos) {
    std::vector<std::string> out;
    for (const auto& s : split_sentences(text, limit)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

struct SentenceRow {
    const char* text;
    std::vector<std::string> sentences;
};

class Sentences : public ::testing::TestWithParam<SentenceRow> {};

TEST_P(Sentences, SplitWhereAReaderWould) { EXPECT_EQ(sentences_of(GetParam().text), GetParam().sentences); }

INSTANTIATE_TEST_SUITE_P(Table, Sentences, ::testing::Values(
    SentenceRow{"One. Two! Three? Four", {"One.", "Two!", "Three?", "Four"}},
    SentenceRow{"  Lead-in spaces.  ", {"Lead-in spaces."}},
    SentenceRow{"Headline without stop\nBody starts here. And goes on.", {"Headline without stop", "Body starts here.", "And goes on."}},
    SentenceRow{"He said: “We will not.” Then he left.", {"He said: “We will not.”", "Then he left."}},
    SentenceRow{"It rose (sharply.) Then fell.", {"It rose (sharply.)", "Then fell."}},
    SentenceRow{"Mr. Scholz met Gen. Breuer and Dr. Roth. They talked.", {"Mr. Scholz met Gen. Breuer and Dr. Roth.", "They talked."}},
    SentenceRow{"George W. Bush spoke. U.S. President Biden too.", {"George W. Bush spoke.", "U.S. President Biden too."}},
    SentenceRow{"It grew 3.5 per cent. Prices fell.", {"It grew 3.5 per cent.", "Prices fell."}},
    SentenceRow{"See e.g. the report. Wait... what? No.", {"See e.g. the report.", "Wait... what?", "No."}},
    SentenceRow{"Talks on Jan. 5 at No. 10 went well.", {"Talks on Jan. 5 at No. 10 went well."}},
    SentenceRow{"Colonel (ret.) Fraser said so.", {"Colonel (ret.) Fraser said so."}},
    SentenceRow{"The meeting ended at 9 p.m. Police left.", {"The meeting ended at 9 p.m.", "Police left."}},
    SentenceRow{"Visit example.com today. Or not.", {"Visit example.com today.", "Or not."}},
    SentenceRow{"東京で会議が開かれた。首相が出席した。", {"東京で会議が開かれた。", "首相が出席した。"}},
    SentenceRow{"Ende gut… Alles gut.", {"Ende gut…", "Alles gut."}},
    SentenceRow{"Was it? “Yes,” she said.", {"Was it?", "“Yes,” she said."}},
    SentenceRow{"", {}}));

TEST(SentenceLimit, StopsNearTheLimitAndMarksACutSentence) {
    const std::string text = "First one. Second one. X" + std::string(10000, 'x') + " end.";
    const auto all = split_sentences(text);
    ASSERT_EQ(all.size(), 3u);
    EXPECT_TRUE(all.back().complete);
    // Sentences starting past the limit are left out.
    EXPECT_EQ(sentences_of(text, 5), (std::vector<std::string>{"First one."}));
    // One crossing the limit is followed for a while, then cut and flagged.
    const auto cut = split_sentences(text, 30);
    ASSERT_EQ(cut.size(), 3u);
    EXPECT_FALSE(cut.back().complete);
    EXPECT_LE(cut.back().end, 30 + kSentenceOverscan);
}

}  // namespace
}  // namespace newsdex::snippets
