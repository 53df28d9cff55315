// The JSON Lines and JSON readers: field names, --field paths, bad records.
#include "core/readers/json_reader.h"

#include <gtest/gtest.h>

#include "tests/unit/reader_support.h"

namespace newsdex::test {
namespace {

using nlohmann::json;

TEST(JsonReader, ReadsNewsPleaseStyleRecordsWithEveryField) {
    const std::string line =
        R"({"title": "Floods hit Saxony", "authors": ["Anna Weber", {"name": "Tom Hughes"}],)"
        R"( "date_publish": "2024-06-03 10:00:00", "maintext": "The Elbe burst its banks on Monday.\n\nThousands left Dresden.",)"
        R"( "description": "A summary that is not the text.", "url": "https://example.org/floods",)"
        R"( "source_domain": "example.org", "language": "en"})";
    const auto sink = read_named("/news/dump.jsonl", line + "\n");
    ASSERT_EQ(sink.articles.size(), 1u) << sink.report();
    const Article& a = sink.articles[0];
    EXPECT_EQ(a.id, "/news/dump.jsonl#1");
    EXPECT_EQ(a.path, "/news/dump.jsonl");
    EXPECT_EQ(a.title, "Floods hit Saxony");
    EXPECT_EQ(a.authors, (std::vector<std::string>{"Anna Weber", "Tom Hughes"}));
    ASSERT_TRUE(a.date);
    EXPECT_EQ(to_iso(*a.date), "2024-06-03T10:00:00Z");
    EXPECT_EQ(a.date_origin, DateOrigin::Header);
    EXPECT_EQ(a.paragraphs, (std::vector<std::string>{"The Elbe burst its banks on Monday.", "Thousands left Dresden."}));
    EXPECT_EQ(a.url, "https://example.org/floods");
    EXPECT_EQ(a.source, "example.org");
    EXPECT_EQ(a.language, "en");
    const auto terms = indexed_terms(a);
    EXPECT_TRUE(terms.count("elbe") && terms.count("Sfloods") && terms.count("Aweber") && terms.count("Ahughes"));
    EXPECT_FALSE(terms.count("summary"));  // description is only a fallback for the text
}

struct KeyCase {
    const char* record;
    const char* title;
    const char* author;
    const char* date;
    const char* first_paragraph;
    const char* source;
};

TEST(JsonReader, RecognisesTheCommonFieldNames) {
    const KeyCase cases[] = {
        {R"({"headline":"H","byline":"By Jo Park","published":"2024-01-02","body":"Body text."})", "H", "Jo Park",
         "2024-01-02", "Body text.", ""},
        {R"({"title":"T","author":"Ann Lee and Bo Chan","datePublished":"2024-01-03T05:00:00Z","content":"<p>One</p><p>Two</p>","source":{"id":null,"name":"Wire"}})",
         "T", "Ann Lee", "2024-01-03T05:00:00Z", "One", "Wire"},
        {R"({"Title":"Case","Text":"Any case of key.","publish_date":1704153600})", "Case", "", "2024-01-02T00:00:00Z",
         "Any case of key.", ""},
        {R"({"title":"Only a description","description":"Used when nothing else holds text.","published_at":1704153600000})",
         "Only a description", "", "2024-01-02T00:00:00Z", "Used when nothing else holds text.", ""},
        {R"({"title":"List body","text":["Para one.","Para two."],"source_domain":"x.org"})", "List body", "", "",
         "Para one.", "x.org"},
    };
    for (const auto& c : cases) {
        const auto parsed = readers::article_from_json(json::parse(c.record), {});
        const Article& a = parsed.article;
        EXPECT_EQ(a.title, c.title) << c.record;
        EXPECT_EQ(a.authors.empty() ? "" : a.authors.front(), c.author) << c.record;
        EXPECT_EQ(a.date ? to_iso(*a.date) : "", c.date) << c.record;
        EXPECT_EQ(a.paragraphs.empty() ? "" : a.paragraphs.front(), c.first_paragraph) << c.record;
        EXPECT_EQ(a.source, c.source) << c.record;
    }
}

TEST(JsonReader, FieldOptionsMapNestedPaths) {
    const auto record = json::parse(R"({"meta":{"headline":"Nested","people":[{"name":"A B"},{"name":"C D"}]},
        "payload":{"paragraphs":["x1","x2"]},"title":"not this one"})");
    readers::FieldMap fields{{readers::Field::Title, "meta.headline"},
                             {readers::Field::Author, "meta.people.name"},
                             {readers::Field::Text, "payload.paragraphs"}};
    const auto parsed = readers::article_from_json(record, fields);
    EXPECT_EQ(parsed.article.title, "Nested");
    EXPECT_EQ(parsed.article.authors, (std::vector<std::string>{"A B", "C D"}));
    EXPECT_EQ(parsed.article.paragraphs, (std::vector<std::string>{"x1", "x2"}));
    EXPECT_EQ(readers::json_at_path(record, "meta.people.1.name"), "C D");
    EXPECT_TRUE(readers::json_at_path(record, "meta.nothing").is_null());

    std::string error;
    EXPECT_TRUE(readers::parse_field_mapping("title=meta.headline", error));
    EXPECT_FALSE(readers::parse_field_mapping("colour=x", error));
    EXPECT_NE(error.find("unknown article field"), std::string::npos);
    EXPECT_FALSE(readers::parse_field_mapping("title", error));
}

TEST(JsonReader, AMalformedLineIsReportedWithItsNumberAndTheRestIsRead) {
    const std::string input =
        "{\"title\":\"First\",\"text\":\"Good one.\"}\n"
        "{\"title\":\"Broken\",\"text\":\n"
        "\n"
        "[1,2,3]\n"
        "{\"title\":\"No text\"}\n"
        "{\"title\":\"Bad bytes\",\"text\":\"Caf\xE9 owners protest.\"}\n"
        "{\"title\":\"Last\",\"text\":\"Good two.\"}";  // no final newline
    const auto sink = read_named("in/x.jsonl", input);
    ASSERT_EQ(sink.articles.size(), 3u) << sink.report();
    EXPECT_EQ(sink.articles[0].id, "in/x.jsonl#1");
    EXPECT_EQ(sink.articles[1].paragraphs.at(0), "Café owners protest.");
    EXPECT_EQ(sink.articles[2].id, "in/x.jsonl#7");
    ASSERT_EQ(sink.problems.size(), 4u) << sink.report();
    EXPECT_EQ(sink.problems[0].where, "in/x.jsonl:2");
    EXPECT_NE(sink.problems[0].reason.find("malformed JSON"), std::string::npos);
    EXPECT_EQ(sink.problems[1].where, "in/x.jsonl:4");
    EXPECT_NE(sink.problems[1].reason.find("not a JSON object"), std::string::npos);
    EXPECT_EQ(sink.problems[2].where, "in/x.jsonl:5");
    EXPECT_NE(sink.problems[2].reason.find("no article text"), std::string::npos);
    EXPECT_EQ(sink.problems[3].where, "in/x.jsonl:6");
    EXPECT_EQ(sink.problems[3].level, Problem::Level::Repaired);
}

TEST(JsonReader, AnOverlongLineIsSkippedAndTheOthersRead) {
    readers::ReadOptions options;
    options.max_record_bytes = 1000;
    const std::string input = "{\"title\":\"Fine\",\"text\":\"Short.\"}\n{\"text\":\"" + std::string(5000, 'x') + "\"}\n";
    const auto sink = read_named("big.jsonl", input, options);
    ASSERT_EQ(sink.articles.size(), 1u);
    ASSERT_EQ(sink.problems.size(), 1u);
    EXPECT_EQ(sink.problems[0].where, "big.jsonl:2");
    EXPECT_NE(sink.problems[0].reason.find("limit for one article"), std::string::npos);
}

TEST(JsonReader, ReadsArraysWrappersAndSingleObjects) {
    const auto array = read_named("a.json", R"([{"title":"A","text":"x"},{"title":"B","text":"y"},"junk"])");
    ASSERT_EQ(array.articles.size(), 2u);
    EXPECT_EQ(array.articles[1].id, "a.json#2");
    ASSERT_EQ(array.problems.size(), 1u);
    EXPECT_EQ(array.problems[0].where, "a.json#3");

    const auto wrapped = read_named("api.json", R"({"status":"ok","articles":[{"title":"A","description":"d"}]})");
    ASSERT_EQ(wrapped.articles.size(), 1u);
    EXPECT_EQ(wrapped.articles[0].id, "api.json#1");

    const auto single = read_named("one.json", "{\n  \"headline\": \"Solo\",\n  \"articleBody\": \"Only one.\"\n}\n");
    ASSERT_EQ(single.articles.size(), 1u);
    EXPECT_EQ(single.articles[0].id, "one.json");

    const auto bad = read_named("bad.json", "[{\"title\": ");
    EXPECT_TRUE(bad.articles.empty());
    ASSERT_EQ(bad.problems.size(), 1u);
    EXPECT_EQ(bad.problems[0].level, Problem::Level::Failed);
    EXPECT_NE(bad.problems[0].reason.find("malformed JSON"), std::string::npos);
}

}  // namespace
}  // namespace newsdex::test
