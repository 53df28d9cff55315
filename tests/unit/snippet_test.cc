#include "core/snippet.h"

#include <gtest/gtest.h>

#include "core/document_builder.h"
#include "core/query.h"
#include "core/schema.h"
#include "searcher/output.h"

namespace newsdex {
namespace {

/// Renders marked text with [brackets] around matches, for compact expectations.
std::string bracketed(const MarkedText& marked) { return to_terminal(marked, TextStyle{false}); }

struct SnippetRow {
    const char* query;
    const char* text;
    const char* expected;  // bracketed snippet
};

class Snippets : public ::testing::TestWithParam<SnippetRow> {};

TEST_P(Snippets, MarkWhatMatched) {
    const auto& row = GetParam();
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(Language{"en", "english"});
    Article a;
    a.id = "x";
    a.title = "t";
    a.paragraphs = {row.text};
    db.add_document(builder.build(a));
    QueryBuilder qb(db, "english");
    Xapian::Enquire enquire(db);
    enquire.set_query(qb.parse(row.query, Xapian::Query::OP_OR));
    const auto mset = enquire.get_mset(0, 10);
    EXPECT_EQ(bracketed(make_snippet(mset, row.text, qb.stemmer(), 300)), row.expected) << row.query;
}

INSTANTIATE_TEST_SUITE_P(Table, Snippets, ::testing::Values(
    SnippetRow{"missile", "The missiles were not sent.", "The [missiles] were not sent."},
    SnippetRow{"Taurus", "Scholz refused Taurus.", "Scholz refused [Taurus]."},
    SnippetRow{"\"storm shadow\"", "A storm came. Storm Shadow missiles flew.",
               "A storm came. [Storm Shadow] missiles flew."},
    SnippetRow{"WebEx", "Das Gespräch über WebEx — „geheim“ & <vertraulich>.",
               "Das Gespräch über [WebEx] — „geheim“ & <vertraulich>."},
    // Nothing in the text matched (e.g. a title-only match): the lead, unmarked.
    SnippetRow{"zeppelin", "The lead paragraph.", "The lead paragraph."}));

TEST(SnippetLead, CutsAtAWordBoundaryAndMarksTheCut) {
    EXPECT_EQ(lead_text("short", 100), "short");
    EXPECT_EQ(lead_text("one two three four five six", 14), "one two three…");
    // Never split a UTF-8 character.
    const std::string s = lead_text("ééééééééééééééééééééé", 5);
    EXPECT_EQ(s.substr(s.size() - 3), "…");
}

TEST(SnippetOutput, HtmlEscapesTextButNotMarkers) {
    const MarkedText m{{"a < b & ", false}, {"Taurus", true}, {" \"x\"", false}};
    EXPECT_EQ(to_html(m), "a &lt; b &amp; <mark>Taurus</mark> &quot;x&quot;");
}

TEST(SnippetOutput, TerminalColourWrapsMatchesInSgr) {
    const MarkedText m{{"a ", false}, {"Taurus", true}};
    EXPECT_EQ(to_terminal(m, TextStyle{true}), "a \033[1;31mTaurus\033[0m");
    EXPECT_EQ(to_terminal(m, TextStyle{false}), "a [Taurus]");
}

}  // namespace
}  // namespace newsdex
