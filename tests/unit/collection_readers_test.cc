// CSV dumps, Reuters SGML and SMART collections.
#include "core/readers/collection_readers.h"

#include <gtest/gtest.h>

#include "core/readers/csv_reader.h"
#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

TEST(CsvReader, ReadsAHeaderedDumpWithEveryField) {
    const std::string path = corpus_path("csv/market-briefs.csv");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 3u) << sink.report();
    EXPECT_TRUE(sink.problems.empty()) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, path + "#1");
    EXPECT_EQ(a.title, "Fish market moves to the new quay");
    EXPECT_EQ(a.authors, std::vector<std::string>{"Maren Holt"});
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-03-08");
    EXPECT_EQ(a.paragraphs.size(), 2u);  // a quoted field spanning lines, with a blank line
    EXPECT_EQ(a.url, "https://courier.example.org/2024/03/08/fish-market");
    EXPECT_EQ(a.source, "The Coastal Courier");
    EXPECT_TRUE(sink.articles[2].authors.empty());
    EXPECT_EQ(sink.articles[2].id, path + "#3");
    const auto terms = indexed_terms(a);
    EXPECT_TRUE(terms.count("quay") && terms.count("Sfish") && !terms.count("headline"));
}

TEST(CsvReader, GuessesColumnsAndDialectWithoutAHeader) {
    // ag_news-like: class, title, description; all quoted.
    const std::string ag =
        "\"3\",\"Fears for pension after talks\",\"Unions representing workers say they are disappointed after talks "
        "with the parent firm.\"\n"
        "\"4\",\"New probe studies the sun\",\"The spacecraft will fly closer to the sun than any before it, "
        "scientists said on Monday.\"\n";
    const auto a = read_named("ag.csv", ag);
    ASSERT_EQ(a.articles.size(), 2u) << a.report();
    EXPECT_EQ(a.articles[0].title, "Fears for pension after talks");
    EXPECT_TRUE(a.articles[0].paragraphs.at(0).starts_with("Unions representing"));

    // 10kGNAD-like: label;text, apostrophe quotes only where the text holds a semicolon.
    const std::string gnad =
        "Sport;Der Verein gewann am Samstag das Derby mit zwei zu eins vor ausverkauftem Haus.\r\n"
        "Wirtschaft;'Die Bank erhöht die Zinsen; Sparer profitieren, Kreditnehmer zahlen mehr.'\r\n"
        "Web;Ein neues Telefon kommt im Herbst auf den Markt, sagte der Hersteller in Wien.\r\n";
    EXPECT_EQ(readers::sniff_csv_dialect(gnad).delimiter, ';');
    EXPECT_EQ(readers::sniff_csv_dialect(gnad).quote, '\'');
    const auto g = read_named("gnad.csv", gnad);
    ASSERT_EQ(g.articles.size(), 3u) << g.report();
    EXPECT_EQ(g.articles[1].paragraphs.at(0), "Die Bank erhöht die Zinsen; Sparer profitieren, Kreditnehmer zahlen mehr.");
    EXPECT_TRUE(g.articles[1].title_derived);
    EXPECT_EQ(g.articles[1].language, "de");
}

TEST(CsvReader, FieldOptionsAndBadRows) {
    readers::ReadOptions options;
    options.fields[readers::Field::Text] = "2";
    options.fields[readers::Field::Title] = "1";
    const auto mapped = read_named("m.csv", "Short title one,Body one\nShort title two,Body two\n", options);
    ASSERT_EQ(mapped.articles.size(), 2u) << mapped.report();
    EXPECT_EQ(mapped.articles[1].title, "Short title two");

    const auto unknown = read_named("u.csv", "a,b\n1,2\n");
    ASSERT_EQ(unknown.problems.size(), 1u);
    EXPECT_NE(unknown.problems[0].reason.find("--field text="), std::string::npos);

    const auto open_quote = read_named("q.csv", "title,text\nFine,\"Closed text.\"\nBad,\"never closed\n");
    ASSERT_EQ(open_quote.articles.size(), 1u) << open_quote.report();
    ASSERT_EQ(open_quote.problems.size(), 1u);
    EXPECT_EQ(open_quote.problems[0].where, "q.csv:3");
}

TEST(SgmlReader, ReadsReutersStories) {
    const std::string path = corpus_path("collections/wire-stories.sgm");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, path + "#1");
    EXPECT_EQ(a.title, "PORT AUTHORITY <PORT> PLANS SECOND CONTAINER BERTH");
    EXPECT_EQ(a.authors, std::vector<std::string>{"Jonas Berg"});
    EXPECT_EQ(a.source, "Reuters");
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-03-04T09:15:00Z");
    ASSERT_EQ(a.paragraphs.size(), 2u);
    EXPECT_TRUE(a.paragraphs[1].ends_with("a spokeswoman said."));  // sign-off dropped
    EXPECT_EQ(sink.articles[1].paragraphs, std::vector<std::string>{"HARBOUR DREDGING CONTRACT AWARDED TO LOCAL FIRM"});

    EXPECT_TRUE(readers::parse_reuters_date(" 7-APR-1987 00:02:59.13&#5;RM"));
    EXPECT_FALSE(readers::parse_reuters_date("31-MAR-1987 605:12:19.12")->has_time);
    EXPECT_FALSE(readers::parse_reuters_date("not a date"));
}

TEST(SmartReader, ReadsRecordsAndKeepsMarkerLikeText) {
    const std::string path = corpus_path("collections/estuary-abstracts.txt");
    const auto sink = read_named(path, slurp(path));
    ASSERT_EQ(sink.articles.size(), 2u) << sink.report();
    EXPECT_EQ(sink.articles[0].id, path + "#1");
    EXPECT_EQ(sink.articles[0].title, "tidal mixing in a shallow estuary");
    EXPECT_EQ(sink.articles[0].authors, (std::vector<std::string>{"holt, m.", "berg, j."}));
    EXPECT_EQ(sink.articles[0].source, "j. coastal stud. 12, 2023, 45.");
    const auto terms = indexed_terms(sink.articles[0]);
    EXPECT_TRUE(terms.count("salt") && !terms.count("1\t5\t1"));
    EXPECT_EQ(sink.articles[1].paragraphs.size(), 1u);  // ".K " with a blank after it is not a marker here
}

}  // namespace
}  // namespace newsdex::test
