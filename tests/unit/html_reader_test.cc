// The HTML page reader: metadata sources, main-text extraction, furniture removal.
#include "core/readers/html_reader.h"

#include <gtest/gtest.h>

#include "core/readers/html_text.h"
#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

using readers::parse_html_page;

TEST(HtmlReader, ExtractsEveryFieldOfAFurnishedPageAndIndexesNoFurniture) {
    const std::string path = corpus_path("html/harbour-ferry-strike.html");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 1u) << sink.report();
    EXPECT_TRUE(sink.problems.empty()) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, path);
    EXPECT_EQ(a.title, "Harbour ferry crews walk out over rota changes");
    EXPECT_FALSE(a.title_derived);
    EXPECT_EQ(a.authors, std::vector<std::string>{"Maren Holt"});
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-04-18T06:45:00Z");  // +01:00 applied
    EXPECT_EQ(a.date_origin, DateOrigin::Header);
    EXPECT_EQ(a.source, "The Coastal Courier");
    EXPECT_EQ(a.url, "https://courier.example.org/2024/04/18/harbour-ferry-strike");
    EXPECT_EQ(a.language, "en");
    ASSERT_EQ(a.paragraphs.size(), 4u);
    EXPECT_TRUE(a.paragraphs[0].starts_with("Ferry crews on the harbour crossing walked out at dawn"));
    EXPECT_NE(a.paragraphs[0].find("the operator & the union"), std::string::npos);  // entity decoded
    EXPECT_NE(a.paragraphs[1].find("\u201CNobody signed up"), std::string::npos);
    EXPECT_TRUE(a.paragraphs[3].starts_with("Union officials said further stoppages"));

    const auto terms = indexed_terms(a);
    for (const char* wanted : {"ferry", "wheelhouse", "Zstoppag", "conciliation", "Sferry", "Aholt"})
        EXPECT_TRUE(terms.count(wanted)) << wanted;
    // Cookie banner, navigation, share bar, advert, related links, newsletter box,
    // "most read" list, footer, scripts and styles: none of their words are indexed.
    for (const char* furniture : {"cookies", "horoscopes", "facebook", "sunglasses", "advertisement", "bridge",
                                  "tolls", "newsletter", "inbox", "lottery", "lighthouse", "parrot", "privacy",
                                  "rights", "datalayer", "trackingpixel", "serif", "courier", "subscribe"})
        EXPECT_FALSE(terms.count(furniture)) << furniture;
}

struct TitleCase {
    const char* title;
    const char* site;
    const char* expected;
};

TEST(HtmlReader, StripsTheSiteNameFromTitles) {
    const TitleCase cases[] = {
        {"Ferry strike continues | The Coastal Courier", "The Coastal Courier", "Ferry strike continues"},
        {"Ferry strike continues - The Coastal Courier", "The Coastal Courier", "Ferry strike continues"},
        {"The Coastal Courier | Ferry strike continues", "The Coastal Courier", "Ferry strike continues"},
        {"Ferry strike continues into its third day | Local News | Courier", "", "Ferry strike continues into its third day"},
        {"Ferry strike continues into third day - BBC News", "", "Ferry strike continues into third day"},
        {"Taurus - what the missile can and cannot do", "", "Taurus - what the missile can and cannot do"},
        {"A headline with no site", "", "A headline with no site"},
    };
    for (const auto& c : cases) EXPECT_EQ(readers::strip_site_name(c.title, c.site), c.expected) << c.title;
}

TEST(HtmlReader, FallsBackThroughTheMetadataSources) {
    // No Open Graph or JSON-LD: <h1> for the title, <meta name=author>, <time datetime>.
    const auto page = parse_html_page(R"(<html><head><title>Some page title | Daily</title>
        <meta name="author" content="Ines Duarte"></head><body>
        <h1>Council approves tram extension</h1><time datetime="2023-11-02">2 Nov</time>
        <p>The city council approved the tram extension to the northern suburbs by a large majority.</p>
        <p>Construction is expected to begin next spring and to take three years.</p></body></html>)");
    EXPECT_EQ(page.article.title, "Council approves tram extension");
    EXPECT_EQ(page.article.authors, std::vector<std::string>{"Ines Duarte"});
    ASSERT_TRUE(page.article.date);
    EXPECT_EQ(to_iso(*page.article.date), "2023-11-02");
    EXPECT_EQ(page.article.paragraphs.size(), 2u);

    // Only a <title>: its site tail is cut; a byline paragraph becomes the author.
    const auto bare = parse_html_page(R"(<title>Council approves tram extension | Daily Planet</title>
        <div><p>By Ines Duarte</p><p>The city council approved the tram extension to the northern
        suburbs by a large majority on Tuesday evening after a long debate.</p></div>)");
    EXPECT_EQ(bare.article.title, "Council approves tram extension");
    EXPECT_EQ(bare.article.authors, std::vector<std::string>{"Ines Duarte"});
    EXPECT_EQ(bare.article.paragraphs.size(), 1u);
}

TEST(HtmlReader, UsesJsonLdAndSchemaOrgArticleBody) {
    const auto page = parse_html_page(R"(<html lang="fr"><head>
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Le Quotidien"},
          {"@type":["NewsArticle"],"headline":"Grève des contrôleurs aériens","datePublished":"2024-02-01T06:00:00Z",
           "author":{"@type":"Person","name":"Claire Martin"},"publisher":{"@type":"Organization","name":"Le Quotidien"},
           "inLanguage":"fr-FR"}]}</script></head><body>
        <div class="teaser"><p>Lire aussi : nos autres articles sur les transports.</p></div>
        <div itemprop="articleBody"><p>Les contrôleurs aériens ont entamé jeudi une grève de deux jours,
        provoquant l'annulation de centaines de vols au départ de Paris.</p>
        <p>La direction générale de l'aviation civile a demandé aux compagnies de réduire leurs programmes.</p></div>
        </body></html>)");
    const Article& a = page.article;
    EXPECT_EQ(a.title, "Grève des contrôleurs aériens");
    EXPECT_EQ(a.authors, std::vector<std::string>{"Claire Martin"});
    EXPECT_EQ(a.source, "Le Quotidien");
    EXPECT_EQ(a.language, "fr");
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-02-01T06:00:00Z");
    ASSERT_EQ(a.paragraphs.size(), 2u);
    EXPECT_TRUE(a.paragraphs[0].starts_with("Les contrôleurs aériens"));
}

TEST(HtmlReader, FindsTheTextByDensityWhenThePageHasNoArticleElement) {
    std::string html = "<html><body><div class='menu'><a href='/'>Home</a> <a href='/x'>World</a></div>"
                       "<div id='wrap'><div class='col'><p>Short teaser.</p></div><div class='story'>";
    for (int i = 0; i < 5; ++i)
        html += "<p>Paragraph " + std::to_string(i) +
                " of the story, with commas, clauses, and enough words to count as real article text.</p>";
    html += "</div><div class='col2'><ul><li><a href='/1'>Other story one</a></li><li><a href='/2'>Other story "
            "two</a></li></ul></div></div></body></html>";
    const auto page = parse_html_page(html);
    ASSERT_EQ(page.article.paragraphs.size(), 5u);
    EXPECT_TRUE(page.article.paragraphs[0].starts_with("Paragraph 0 of the story"));
}

TEST(HtmlReader, DecodesDeclaredAndUndeclaredCharsets) {
    // Latin-1 page that says so in its meta tag.
    const auto declared = parse_html_page(
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head>"
        "<body><p>Z\xFCrich stimmt \xFC"
        "ber die Wohnungsinitiative ab, die Stadtregierung empfiehlt ein Ja zur Vorlage.</p></body></html>");
    ASSERT_EQ(declared.article.paragraphs.size(), 1u);
    EXPECT_TRUE(declared.article.paragraphs[0].starts_with("Zürich stimmt über")) << declared.article.paragraphs[0];
    EXPECT_TRUE(declared.warnings.empty());
    // The HTTP header's charset wins over the page's own claim.
    const auto transport = parse_html_page("<meta charset='utf-8'><p>Caf\xE9 culture returns to the old town square.</p>",
                                           "windows-1252");
    EXPECT_EQ(transport.article.paragraphs.at(0), "Café culture returns to the old town square.");
}

TEST(HtmlReader, ReportsPagesWithNoText) {
    for (const char* html : {"<html><head><title>Empty</title></head><body></body></html>",
                             "<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>"}) {
        const auto sink = read_named("page.html", html);
        EXPECT_TRUE(sink.articles.empty());
        ASSERT_EQ(sink.problems.size(), 1u);
        EXPECT_EQ(sink.problems[0].level, Problem::Level::Skipped);
        EXPECT_NE(sink.problems[0].reason.find("no article text"), std::string::npos) << sink.problems[0].reason;
    }
}

TEST(HtmlReader, SurvivesDeepAndUnclosedNesting) {
    // 100,000 unclosed <div>s and <b>s: flattened before parsing, text kept, a warning given.
    std::string html = "<html><body>";
    for (int i = 0; i < 50000; ++i) html += "<div><b>";
    html += "<p>The text at the bottom of a very deep page is still an article paragraph worth indexing.</p>";
    const auto sink = read_named("deep.html", html);
    ASSERT_EQ(sink.articles.size(), 1u) << sink.report();
    EXPECT_EQ(sink.articles[0].paragraphs.at(0),
              "The text at the bottom of a very deep page is still an article paragraph worth indexing.");
    ASSERT_EQ(sink.problems.size(), 1u);
    EXPECT_EQ(sink.problems[0].level, Problem::Level::Repaired);
    EXPECT_NE(sink.problems[0].reason.find("structure flattened"), std::string::npos);

    // Moderately nested and unclosed markup parses normally.
    const auto unclosed = parse_html_page("<div><div><p>First paragraph of the unclosed page<p>Second one<div><span>third");
    EXPECT_EQ(unclosed.article.paragraphs,
              (std::vector<std::string>{"First paragraph of the unclosed page", "Second one", "third"}));
}

TEST(HtmlReader, NestedArticlesAreReadOnce) {
    // 300 <article>s, each inside the last (under the flattening limit): the outermost
    // holds all the text and is the only one read, so this stays linear.
    std::string html = "<html><body>";
    for (int i = 0; i < 300; ++i) html += "<article><p>Paragraph " + std::to_string(i) + " of a strangely nested story.</p>";
    const auto page = parse_html_page(html);
    EXPECT_EQ(page.article.paragraphs.size(), 300u);
    EXPECT_TRUE(page.warnings.empty());
}

TEST(HtmlText, FragmentsKeepParagraphsAndDecodeEntities) {
    EXPECT_EQ(readers::html_fragment_paragraphs("<p>One &amp; two</p><p>Three<br>Four</p>text after"),
              (std::vector<std::string>{"One & two", "Three", "Four", "text after"}));
    EXPECT_EQ(readers::html_fragment_paragraphs("<script>alert(1)</script><ul><li><a href='x'>A link</a></li></ul>"),
              std::vector<std::string>{"A link"});
}

}  // namespace
}  // namespace newsdex::test
