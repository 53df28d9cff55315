// The bounds readers apply before a parser sees hostile input (issue 20): attributes per
// HTML tag, JSON nesting, XML entity expansion.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <string>

#include "core/readers/html_bounds.h"
#include "core/readers/json_bounded.h"
#include "core/readers/xml_entities.h"

namespace newsdex::readers {
namespace {

std::string attributes(std::size_t n, const std::string& value = "v") {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += " a" + std::to_string(i) + "=\"" + value + "\"";
    return out;
}

TEST(HtmlBounds, PagesUnderTheLimitAreLeftAlone) {
    const std::string page = "<p" + attributes(kMaxHtmlAttributes) + ">text</p><br/>";
    const AttributeBound b = bound_attributes(page);
    EXPECT_FALSE(b.cut);
    EXPECT_TRUE(b.html.empty());  // nothing copied
    EXPECT_EQ(b.most, kMaxHtmlAttributes);
}

TEST(HtmlBounds, AttributesPastTheLimitAreCutAndTheTagKept) {
    const std::string page = "<div" + attributes(kMaxHtmlAttributes + 1000) + "><p>text</p></div><img" +
                             attributes(kMaxHtmlAttributes + 1) + "/>after";
    const AttributeBound b = bound_attributes(page);
    ASSERT_TRUE(b.cut);
    EXPECT_EQ(b.most, kMaxHtmlAttributes + 1000);
    EXPECT_EQ(b.html, "<div" + attributes(kMaxHtmlAttributes) + " ><p>text</p></div><img" +
                          attributes(kMaxHtmlAttributes) + " />after");
}

TEST(HtmlBounds, QuotedValuesCommentsAndScriptsAreNotTags) {
    // A '>' inside a quoted value does not end the tag; markup in comments and scripts
    // is text to the tokenizer, so it is not counted (nor changed).
    const std::string many = attributes(kMaxHtmlAttributes + 5);
    const std::string page = "<a title=\"a > b\"" + attributes(3) + ">x</a><!-- <b" + many + "> --><script>var s = '<b" +
                             many + ">';</script><TEXTAREA><i" + many + "></textarea>";
    const AttributeBound b = bound_attributes(page);
    EXPECT_FALSE(b.cut);
    EXPECT_EQ(b.most, 4u);
}

TEST(JsonBounded, DeepValuesAreDroppedWhileParsing) {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += '[';
    deep += "1";
    for (int i = 0; i < 100000; ++i) deep += ']';
    const BoundedJson parsed = parse_json_bounded("{\"text\":\"kept\",\"deep\":" + deep + "}");
    EXPECT_TRUE(parsed.too_deep);
    EXPECT_EQ(parsed.value["text"], "kept");
    const nlohmann::json copy = parsed.value;  // a copy recurses once per level: bounded now
    EXPECT_EQ(copy.size(), 2u);
}

TEST(JsonBounded, OrdinaryJsonIsParsedWhole) {
    const BoundedJson parsed = parse_json_bounded("{\"a\":[[{\"b\":[1,2]}]],\"c\":{\"d\":null}}");
    EXPECT_FALSE(parsed.too_deep);
    EXPECT_EQ(parsed.value.dump(), "{\"a\":[[{\"b\":[1,2]}]],\"c\":{\"d\":null}}");
    EXPECT_THROW(parse_json_bounded("{\"a\":"), nlohmann::json::parse_error);
}

std::uintmax_t expansion_of(const std::string& xml, std::uintmax_t stop_at = 1u << 30) {
    xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                                XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    const std::uintmax_t n = entity_expansion_bytes(doc, stop_at);
    xmlFreeDoc(doc);
    return n;
}

TEST(XmlEntities, CountsWhatReferencesAddInTextAndAttributes) {
    EXPECT_EQ(expansion_of("<r>plain text</r>"), 0u);
    EXPECT_EQ(expansion_of("<!DOCTYPE r [<!ENTITY e \"12345\">]><r a=\"&e;&e;\">&e;&e;&e;</r>"), 25u);
    // Nested: f is ten e's.
    EXPECT_EQ(expansion_of("<!DOCTYPE r [<!ENTITY e \"12345\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>"
                           "<r>&f;&f;</r>"),
              100u);
    // Counting stops soon after the limit.
    std::string refs;
    for (int i = 0; i < 1000; ++i) refs += "&e;";
    EXPECT_LE(expansion_of("<!DOCTYPE r [<!ENTITY e \"12345\">]><r>" + refs + "</r>", 100), 105u);
    EXPECT_GT(expansion_of("<!DOCTYPE r [<!ENTITY e \"12345\">]><r>" + refs + "</r>", 100), 100u);
}

}  // namespace
}  // namespace newsdex::readers
