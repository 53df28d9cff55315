// End to end (issue 16): pages written in the style of each extraction failure seen on
// real sites are indexed by the real newsdex-index and found by a word of their body.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>

#include "tests/cli/cli_support.h"
#include "tests/support/temp_dir.h"

namespace newsdex::test {
namespace {

std::string story(const std::string& word) {
    return "<p>The regional council met on Thursday to settle the future of the " + word +
           " scheme, which has divided the valley for most of a decade and filled the local papers.</p>"
           "<p>Supporters said the plan would bring jobs and visitors; opponents warned of traffic, "
           "noise and the loss of meadows that flood each spring and feed the river.</p>"
           "<p>A final vote is expected in March, after a last round of public hearings in the town hall.</p>";
}

TEST(ExtractionCli, PagesInTheStyleOfEachFailureAreIndexedAndFoundByABodyWord) {
    TempDir tmp;
    // Article body in a wrapper whose class names a sidebar (was dropped whole).
    tmp.write("in/sidebar-wrapper.html",
              "<html><body><div class=\"content-with-sidebar-wrp\"><div class=\"and-w-sidebar\">" +
                  story("funicular") + "</div><aside class=\"sidebar\"><p>Sidebar: our newsletter.</p></aside>"
                  "</div></body></html>");
    // Blogger's widget and Elementor's post-content widget around the post.
    tmp.write("in/blogger-widget.html",
              "<html><body><div class=\"widget Blog\" id=\"Blog1\"><div class=\"elementor-widget-theme-post-content\">" +
                  story("aqueduct") + "</div></div></body></html>");
    // A WordPress <article> classed with an advertising topic, inside a modal-enabled body.
    tmp.write("in/wordpress-category.html",
              "<html><body class=\"modal-enabled\"><article class=\"post-7 post type-post "
              "category-online-advertising-news\"><div class=\"entry-content-read-more\">" +
                  story("windfarm") + "</div></article></body></html>");
    // Several <article>s: the post (with the headline) and a longer block of teasers.
    std::string teasers;
    for (int i = 0; i < 8; ++i)
        teasers += "<p>Also read: an older story about the harbour, the ferry timetable and the "
                   "summer festival, summarised here at some length for the front page.</p>";
    tmp.write("in/several-articles.html",
              "<html><head><title>Valley vote on the viaduct</title></head><body><article><h1>Valley vote "
              "on the viaduct</h1>" + story("viaduct") + "</article><article>" + teasers + "</article></body></html>");
    // Text split by <br><br> in a div, no <p>.
    tmp.write("in/br-text.html",
              "<html><body><div class=\"text\">The regional council met on Thursday to settle the future of "
              "the tramway scheme, which has divided the valley.<br><br>Supporters said the plan would bring "
              "jobs and visitors to the towns along the line.<br><br>A final vote is expected in March, after "
              "a last round of public hearings.</div></body></html>");
    // A MedicalWebPage carrying the date and author in JSON-LD.
    tmp.write("in/medical-webpage.html",
              "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"MedicalWebPage\","
              "\"datePublished\":\"2022-05-17\",\"author\":{\"name\":\"Ines Varga\"}}]}</script></head><body>"
              "<main>" + story("physiotherapy") + "</main></body></html>");

    const std::string db = tmp.str() + "/db";
    const auto r = index_cmd({"--db", db, tmp.str() + "/in"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "indexed 6 articles")) << r.out << r.err;
    EXPECT_FALSE(contains(r.err, "no article text")) << r.err;

    struct Case {
        const char* word;
        const char* file;
    };
    for (const Case c : {Case{"funicular", "sidebar-wrapper.html"}, Case{"aqueduct", "blogger-widget.html"},
                         Case{"windfarm", "wordpress-category.html"}, Case{"viaduct", "several-articles.html"},
                         Case{"tramway", "br-text.html"}, Case{"physiotherapy", "medical-webpage.html"}}) {
        const auto s = search_cmd({"--db", db, "--format", "json", c.word});
        ASSERT_EQ(s.exit_code, 0) << s.err;
        const auto j = nlohmann::json::parse(s.out);
        ASSERT_EQ(j["hits"].size(), 1u) << c.word << ": " << s.out;
        EXPECT_TRUE(j["hits"][0]["path"].get<std::string>().ends_with(c.file)) << c.word << ": " << s.out;
    }
    // The teasers of the other <article> are not the post's text.
    const auto teaser = search_cmd({"--db", db, "--format", "json", "festival"});
    EXPECT_TRUE(nlohmann::json::parse(teaser.out)["hits"].empty()) << teaser.out;
    // The sidebar <aside> is left out.
    const auto aside = search_cmd({"--db", db, "--format", "json", "newsletter"});
    EXPECT_TRUE(nlohmann::json::parse(aside.out)["hits"].empty()) << aside.out;
    // The MedicalWebPage's date and author, from its own markup.
    const auto med = search_cmd({"--db", db, "--format", "json", "physiotherapy"});
    const auto hit = nlohmann::json::parse(med.out)["hits"][0];
    EXPECT_EQ(hit["date"], "2022-05-17") << med.out;
    EXPECT_EQ(hit["date_origin"], "header") << med.out;
    EXPECT_EQ(hit["author"], "Ines Varga") << med.out;
}

}  // namespace
}  // namespace newsdex::test
