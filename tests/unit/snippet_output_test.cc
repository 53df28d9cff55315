// How the printers mark matches: ANSI, plain markers, HTML, and JSON offsets.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

#include "searcher/output.h"

namespace newsdex {
namespace {

const MarkedText kMarked{{"a < b & ", false}, {"Taurus", true}, {" \"x\" ", false}, {"Größe", true}};

TextStyle style(Highlight h, bool color = false, std::string start = "[", std::string end = "]") {
    TextStyle s;
    s.color = color;
    s.highlight = h;
    s.mark_start = std::move(start);
    s.mark_end = std::move(end);
    return s;
}

struct MarkerRow {
    const char* what;
    TextStyle style;
    const char* expected;
};

std::ostream& operator<<(std::ostream& os, const MarkerRow& r) { return os << r.what; }

class Markers : public ::testing::TestWithParam<MarkerRow> {};

TEST_P(Markers, MarkMatchesAsAsked) { EXPECT_EQ(to_terminal(kMarked, GetParam().style), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(Table, Markers, ::testing::Values(
    MarkerRow{"auto without colour: [brackets]", style(Highlight::Auto), "a < b & [Taurus] \"x\" [Größe]"},
    MarkerRow{"auto with colour: bold red", style(Highlight::Auto, true),
              "a < b & \033[1;31mTaurus\033[0m \"x\" \033[1;31mGröße\033[0m"},
    MarkerRow{"ansi even without colour", style(Highlight::Ansi), "a < b & \033[1;31mTaurus\033[0m \"x\" \033[1;31mGröße\033[0m"},
    MarkerRow{"plain with chosen markers, even on a terminal", style(Highlight::Plain, true, ">>", "<<"),
              "a < b & >>Taurus<< \"x\" >>Größe<<"},
    MarkerRow{"plain with empty markers", style(Highlight::Plain, false, "", ""), "a < b & Taurus \"x\" Größe"},
    MarkerRow{"html: <mark>, everything else escaped", style(Highlight::Html, true),
              "a &lt; b &amp; <mark>Taurus</mark> &quot;x&quot; <mark>Größe</mark>"}));

TEST(Markers, ColouredSurroundingsAreRestoredAfterEachMatch) {
    const MarkedText title{{"Scholz and ", false}, {"Taurus", true}, {" again", false}};
    EXPECT_EQ(to_terminal(title, style(Highlight::Auto, true), "\033[1m"),
              "\033[1mScholz and \033[1;31mTaurus\033[0m\033[1m again\033[0m");
    // HTML never carries escape codes, whatever the colour setting.
    EXPECT_EQ(to_terminal(title, style(Highlight::Html, true), "\033[1m"), "Scholz and <mark>Taurus</mark> again");
}

TEST(MatchOffsets, AreCodePointsIntoThePlainText) {
    using Offsets = std::vector<std::pair<std::size_t, std::size_t>>;
    EXPECT_EQ(match_offsets(kMarked), (Offsets{{8, 14}, {19, 24}}));
    EXPECT_EQ(match_offsets({{"東京 ", false}, {"会議", true}}), (Offsets{{3, 5}}));
    EXPECT_TRUE(match_offsets({}).empty());
}

SearchResults one_hit() {
    SearchResults r;
    r.query = "Taurus";
    r.total = r.total_lower = r.total_upper = 1;
    Hit h;
    h.rank = 1;
    h.article.id = h.article.path = "/a";
    h.article.title = "Größe of Taurus";
    h.article.paragraphs = {"Intro é. The Taurus <missile>. Later the Taurus again."};
    h.title = {{"Größe of ", false}, {"Taurus", true}};
    Fragment f1{{{"The ", false}, {"Taurus", true}, {" <missile>.", false}}, 10, 9, false, false};
    Fragment f2{{{"Later the ", false}, {"Taurus", true}}, 34, 33, false, true};
    h.fragments = {f1, f2};
    h.snippet = join_fragments(h.fragments);
    r.hits.push_back(h);
    return r;
}

TEST(JsonOutput, CarriesFragmentsWithCodePointOffsetsBesideTheV1Snippet) {
    std::ostringstream out;
    print_json(one_hit(), out);
    const auto j = nlohmann::json::parse(out.str());
    const auto& h = j["hits"][0];
    EXPECT_EQ(h["snippet"], "The <mark>Taurus</mark> &lt;missile&gt;. … Later the <mark>Taurus</mark>…");
    EXPECT_EQ(h["snippet_from_lead"], false);
    EXPECT_EQ(h["title_highlights"], nlohmann::json::parse("[[9, 15]]"));
    ASSERT_EQ(h["fragments"].size(), 2u);
    EXPECT_EQ(h["fragments"][0]["text"], "The Taurus <missile>.");
    EXPECT_EQ(h["fragments"][0]["offset"], 9);
    EXPECT_EQ(h["fragments"][0]["highlights"], nlohmann::json::parse("[[4, 10]]"));
    EXPECT_EQ(h["fragments"][0]["elided_before"], false);
    EXPECT_EQ(h["fragments"][1]["elided_after"], true);
}

TEST(TextOutput, PrintsTheJoinedFragmentsOnOneLine) {
    std::ostringstream out;
    auto r = one_hit();
    r.hits[0].snippet = {{"line one\nline ", false}, {"Taurus", true}};
    print_text(r, style(Highlight::Plain, false, "<<", ">>"), out);
    EXPECT_NE(out.str().find("   line one line <<Taurus>>\n"), std::string::npos) << out.str();
    EXPECT_NE(out.str().find("1. Größe of <<Taurus>>\n"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace newsdex
