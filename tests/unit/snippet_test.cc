// Snippets end to end through the core: an article indexed by DocumentBuilder, a query
// parsed by QueryBuilder, the snippet and title as SnippetMaker makes them.
#include "core/snippets/snippet.h"

#include <gtest/gtest.h>

#include "core/index/document_builder.h"
#include "core/search/query.h"
#include "core/schema.h"
#include "core/snippets/word_tokenizer.h"
#include "core/text/utf8.h"
#include "searcher/output.h"

namespace newsdex {
namespace {

/// Renders marked text with [brackets] around matches, for compact expectations.
std::string bracketed(const MarkedText& marked) { return to_terminal(marked, TextStyle{}); }

struct Made {
    Snippet body;
    MarkedText title;
    bool matched = false;  ///< the index agrees the article matches the query
};

/// Indexes one article (plus a few unrelated ones, for term statistics) and makes its snippet.
Made make(const std::string& query, const std::string& title, const std::vector<std::string>& paragraphs,
          SnippetOptions options = {}, bool wildcards = false) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(Language{"en", "english"});
    Article a;
    a.id = "x";
    a.title = title;
    a.paragraphs = paragraphs;
    db.add_document(builder.build(a));
    for (const char* filler : {"The weather was mild and the markets were calm, forecasters said.",
                               "Football results from the weekend, the league said."}) {
        Article f;
        f.id = filler;
        f.title = "Other news";
        f.paragraphs = {filler};
        db.add_document(builder.build(f));
    }
    Xapian::Query q;
    if (wildcards) {
        // The query language may allow wildcards; snippets must highlight what they expand to.
        Xapian::QueryParser parser;
        parser.set_database(db);
        parser.set_stemmer(Xapian::Stem("english"));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.add_prefix("title", std::string(schema::kPrefixTitle));
        q = parser.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD);
    } else {
        QueryBuilder qb(db, "english");
        q = qb.parse(query, Xapian::Query::OP_OR);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    const auto mset = enquire.get_mset(0, 10);
    Made made;
    for (auto it = mset.begin(); it != mset.end(); ++it) made.matched |= *it == 1;
    const SnippetMaker maker(q, Xapian::Stem("english"), &db, options);
    std::string body;
    for (const auto& p : paragraphs) body += (body.empty() ? "" : "\n") + p;
    made.body = maker.body(body);
    made.title = maker.title(title);
    return made;
}

struct Row {
    const char* what;
    const char* query;
    std::vector<std::string> body;
    const char* snippet;        // joined fragments, matches in [brackets]
    const char* title = "A title";
    const char* title_marked = nullptr;  // when set, the marked title
    SnippetOptions options = {};
    bool wildcards = false;
};

std::ostream& operator<<(std::ostream& os, const Row& r) { return os << r.what; }

class SnippetRows : public ::testing::TestWithParam<Row> {};

TEST_P(SnippetRows, MarkExactlyWhatMatched) {
    const Row& row = GetParam();
    const Made made = make(row.query, row.title, row.body, row.options, row.wildcards);
    EXPECT_EQ(bracketed(join_fragments(made.body.fragments)), row.snippet) << row.what;
    if (row.title_marked) {
        EXPECT_EQ(bracketed(made.title), row.title_marked) << row.what;
    }
}

SnippetOptions opts(std::size_t fragments, std::size_t chars) {
    SnippetOptions o;
    o.fragments = fragments;
    o.fragment_chars = chars;
    return o;
}

INSTANTIATE_TEST_SUITE_P(Table, SnippetRows, ::testing::Values(
    // --- what is marked
    Row{"a stem marks its inflections", "missile", {"The missiles were not sent."}, "The [missiles] were not sent."},
    Row{"a capitalised query word marks that word in any case", "Taurus", {"TAURUS and Taurus and taurus."},
        "[TAURUS] and [Taurus] and [taurus]."},
    Row{"a phrase is marked whole, and its words alone are not",
        "\"foreign minister\"", {"The minister spoke. The foreign minister of France replied."},
        "The minister spoke. The [foreign minister] of France replied."},
    Row{"a phrase spans punctuation between its words as the index does",
        "\"Storm Shadow\"", {"A storm came. Storm Shadow missiles flew; storm, shadow."},
        "A storm came. [Storm Shadow] missiles flew; [storm, shadow]."},
    Row{"a phrase does not reach across paragraphs",
        "\"Storm Shadow\"", {"Then came the storm", "Shadow boxing is a sport. Storm Shadow is a missile."},
        "Then came the storm\nShadow boxing is a sport. [Storm Shadow] is a missile."},
    Row{"NEAR marks its words only where they are near each other",
        "missile NEAR Ukraine",
        {"A missile was tested in Nevada. Months later, far away and after many long debates in parliament about money, Ukraine asked. Ukraine wants the missile."},
        "A missile was tested in Nevada. Months later, far away and after many long debates in parliament about "
        "money, [Ukraine] asked. [Ukraine] wants the [missile]."},
    Row{"wildcard expansions are marked", "minist*", {"The ministry and the minister met the administrator."},
        "The [ministry] and the [minister] met the administrator.", "A title", nullptr, {}, true},
    Row{"an excluded word is never marked", "Taurus -car", {"The Taurus is a missile, not a car."},
        "The [Taurus] is a missile, not a car."},
    Row{"an excluded phrase hides the words it covers",
        "minister -\"prime minister\"", {"The prime minister and the finance minister met."},
        "The prime minister and the finance [minister] met."},
    Row{"words excluded with NOT are not marked either", "Taurus NOT constellation",
        {"Taurus, the constellation, is not the Taurus missile."}, "[Taurus], the constellation, is not the [Taurus] missile."},
    Row{"a title: word is marked in the title only", "title:Taurus",
        {"The Taurus missile has a range of 500km."}, "The Taurus missile has a range of 500km.",
        "Scholz and the Taurus", "Scholz and the [Taurus]"},
    Row{"body words are marked in the title too", "missiles Scholz", {"Scholz again refused to send missiles."},
        "[Scholz] again refused to send [missiles].", "Scholz refuses missile deliveries",
        "[Scholz] refuses [missile] deliveries"},
    Row{"a title: phrase is marked whole in the title, not in the body", "title:\"Storm Shadow\"",
        {"Storm Shadow missiles were sent."}, "Storm Shadow missiles were sent.", "Britain sends Storm Shadow",
        "Britain sends [Storm Shadow]"},
    Row{"a phrase in the title is marked whole there too", "\"Storm Shadow\"",
        {"Storm Shadow missiles were sent."}, "[Storm Shadow] missiles were sent.", "Storm and Shadow: Storm Shadow",
        "Storm and Shadow: [Storm Shadow]"},
    Row{"nothing in the body matched: the lead, unmarked", "title:Bundestag",
        {"The lead paragraph comes first. Then more follows."}, "The lead paragraph comes first. Then more follows.",
        "Bundestag debate", "[Bundestag] debate"},
    Row{"author: and source: are filters, never marked in the text", "Taurus author:Vogel",
        {"Vogel wrote about Taurus."}, "Vogel wrote about [Taurus]."},
    // --- case, diacritics and the words the index sees
    Row{"case variants of a word with an accent are one word", "Café", {"CAFÉ, Café, café but not cafe."},
        "[CAFÉ], [Café], [café] but not cafe."},
    Row{"umlauts are kept: Gespräch is not Gesprach", "Gespräch", {"Das GESPRÄCH über WebEx, kein Gesprach."},
        "Das [GESPRÄCH] über WebEx, kein Gesprach."},
    Row{"a German compound is one word: its parts do not match inside it", "Ministerium",
        {"Das Bundesverteidigungsministerium und das Ministerium."}, "Das Bundesverteidigungsministerium und das [Ministerium]."},
    Row{"a German compound matches whole", "Bundesverteidigungsministerium", {"Das Bundesverteidigungsministerium schwieg."},
        "Das [Bundesverteidigungsministerium] schwieg."},
    Row{"French elision: l'armée with either apostrophe, as one word", "l'armée", {"L’armée et l'armée, mais armée seule."},
        "[L’armée] et [l'armée], mais armée seule."},
    Row{"French elision: armée alone does not match inside l'armée", "armée", {"L’armée recule; armée seule."},
        "L’armée recule; [armée] seule."},
    Row{"curly quotes and em dashes around words", "Taurus missile", {"“Taurus”—the missile’s name—was leaked."},
        "“[Taurus]”—the [missile’s] name—was leaked."},
    Row{"markup-like text stays text", "WebEx", {"Das Gespräch über WebEx — „geheim“ & <vertraulich>."},
        "Das Gespräch über [WebEx] — „geheim“ & <vertraulich>."},
    Row{"acronyms with dots", "U.S.", {"The U.S. army and the US navy."}, "The [U.S.] army and the [US] navy."},
    Row{"suffixes: C++ is a word of its own", "C++", {"Written in C++ and C."}, "Written in [C++] and C."},
    Row{"CJK text separated by spaces", "ニュース", {"東京の会議 ニュース 速報。"}, "東京の会議 [ニュース] 速報。"},
    // --- passages: sentences, elisions, fragments
    Row{"the passage is the sentence that matches, whole",
        "Pistorius", {"The weather was mild. Boris Pistorius visited the troops. The markets were calm and nothing happened there."},
        "Boris [Pistorius] visited the troops.", "A title", nullptr, opts(1, 40)},
    Row{"a long sentence is cut at words with … on both sides",
        "Pistorius",
        {"On a grey morning in the far north of the country the defence minister Boris Pistorius visited the troops who had waited there for hours in the cold rain."},
        "…minister Boris [Pistorius] visited the troops who had waited…", "A title", nullptr, opts(1, 60)},
    Row{"two fragments in text order, joined by …",
        "Taurus Kerch",
        {"Taurus is a missile. It weighs 1,400 kg. Many other facts follow here. The Kerch Bridge is long."},
        "[Taurus] is a missile. … The [Kerch] Bridge is long.", "A title", nullptr, opts(2, 30)},
    Row{"the second fragment prefers words the first does not show",
        "Taurus Kerch",
        {"Taurus is a missile. Filler sentence one here. Taurus again here. Filler sentence two here. The Kerch Bridge is long."},
        "[Taurus] is a missile. … The [Kerch] Bridge is long.", "A title", nullptr, opts(2, 30)},
    Row{"neighbouring passages are joined without an elision",
        "Taurus Kerch",
        {"Taurus is a missile. The Kerch Bridge is long. Unrelated text follows here and goes on."},
        "[Taurus] is a missile. The [Kerch] Bridge is long.", "A title", nullptr, opts(2, 25)},
    Row{"rare words win over common ones",
        "said Pistorius",
        {"He said it was late. She said so too. They said nothing. Pistorius arrived at noon."},
        "[Pistorius] arrived at noon.", "A title", nullptr, opts(1, 30)},
    Row{"words close together win",
        "Taurus Scholz",
        {"Taurus is a missile. Many unrelated facts come in between here. Scholz spoke. Scholz refused the Taurus."},
        "[Scholz] refused the [Taurus].", "A title", nullptr, opts(1, 30)},
    Row{"the lead is cut at a word when its first sentence is too long", "title:Bundestag",
        {"The opening sentence of this article is far too long for the snippet length that was asked for."},
        "The opening sentence of this…", "Bundestag", nullptr, opts(1, 30)}));

// MatchFinder skips stemming words that cannot have an English stem (they must start with
// the stem's first characters but three): words whose stems rewrite their endings most.
TEST(SnippetMaker, EnglishWordsWhoseStemsRewriteTheirEndingsAreStillMarked) {
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"die", "dying"},           {"sky", "skies"},           {"generous", "generously"},
        {"happy", "happiness"},     {"organize", "organization"}, {"hopeful", "hopefulness"},
        {"condition", "conditional"}, {"tie", "tying"},         {"lie", "lying"},
        {"proceed", "proceeded"},   {"sensible", "sensibility"}, {"relate", "relational"},
        {"formal", "formalities"},  {"gentle", "gently"},       {"news", "news"},
        {"national", "nationalize"}, {"electric", "electricity"}};
    for (const auto& [query, word] : pairs) {
        const Xapian::Stem english("english");
        ASSERT_EQ(english(query), english(word)) << query << " / " << word;
        const Made made = make(query, "A title", {"They spoke of " + word + " today."});
        EXPECT_TRUE(made.matched) << query;
        EXPECT_EQ(bracketed(join_fragments(made.body.fragments)), "They spoke of [" + word + "] today.") << query;
    }
}

TEST(SnippetFragments, NeverCutInsideAWordOrACharacterAndStayWithinTheLength) {
    const std::string text =
        "Die Bundesregierung lehnte die Lieferung von Taurus-Marschflugkörpern an die Ukraine erneut ab, "
        "während Großbritannien und Frankreich ihre Storm-Shadow-Lieferungen ausweiteten und Äußerungen über "
        "die Reichweite des Taurus für Streit sorgten; ein Sprecher sagte, man prüfe alle Optionen sorgfältig.";
    for (std::size_t chars = 20; chars <= 120; chars += 7) {
        const auto made = make("Taurus", "t", {text}, opts(2, chars));
        ASSERT_FALSE(made.body.fragments.empty()) << chars;
        for (const auto& f : made.body.fragments) {
            const std::string shown = plain_text(f.text);
            EXPECT_TRUE(is_valid_utf8(shown)) << chars;
            EXPECT_LE(snippets::count_chars(shown) + f.elided_before + f.elided_after, chars) << shown;
            EXPECT_EQ(text.substr(f.offset, shown.size()), shown);
            // Cut ends touch white space or the text's ends: no word is split.
            if (f.elided_before) {
                EXPECT_EQ(text[f.offset - 1], ' ') << shown;
            }
            const std::size_t end = f.offset + shown.size();
            if (f.elided_after) {
                EXPECT_TRUE(end == text.size() || text[end] == ' ' || text[end] == ',' || text[end] == ';') << shown;
            }
        }
    }
}

TEST(SnippetFragments, UnspacedCjkIsCutBetweenCharactersNeverInsideOne) {
    std::string text;
    for (int i = 0; i < 60; ++i) text += "東京都内で会議";  // one long run: one word to Xapian
    const auto made = make("title:会議", "会議", {text}, opts(1, 25));
    ASSERT_TRUE(made.body.from_lead);
    ASSERT_EQ(made.body.fragments.size(), 1u);
    const std::string shown = plain_text(made.body.fragments[0].text);
    EXPECT_TRUE(is_valid_utf8(shown));
    EXPECT_EQ(snippets::count_chars(shown), 24u);  // 25 counting the "…"
    EXPECT_TRUE(made.body.fragments[0].elided_after);
    EXPECT_EQ(text.substr(0, shown.size()), shown);
}

TEST(SnippetFragments, OffsetsPointIntoTheBody) {
    const auto made = make("Kerch", "t", {"First paragraph é.", "The Kerch Bridge is long."}, opts(1, 30));
    ASSERT_EQ(made.body.fragments.size(), 1u);
    const auto& f = made.body.fragments[0];
    EXPECT_EQ(plain_text(f.text), "The Kerch Bridge is long.");
    EXPECT_EQ(f.offset, std::string("First paragraph é.\n").size());
    EXPECT_EQ(f.char_offset, 19u);
    EXPECT_FALSE(made.body.from_lead);
}

TEST(SnippetFragments, EveryMarkedWordIsOneTheIndexMatched) {
    // The same rule as the benchmark's false-highlight count, on a varied text.
    const std::string text =
        "Taurus missiles, the Taurus constellation and a Ford Taurus car: three meanings. The missile debate "
        "in Germany goes on; critics say missiles like Taurus change little. Missile-makers disagree.";
    const auto made = make("Taurus missile -car", "t", {text}, opts(3, 80));
    ASSERT_FALSE(made.body.fragments.empty());
    for (const auto& f : made.body.fragments)
        for (const auto& span : f.text)
            if (span.match) {
                std::string lower;
                for (char c : span.text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                EXPECT_TRUE(lower == "taurus" || lower == "missile" || lower == "missiles") << span.text;
            }
}

TEST(SnippetMaker, HugeArticlesAreSearchedOnlyUpToTheScanLimit) {
    SnippetOptions o = opts(1, 60);
    o.max_scan_bytes = 1000;
    const std::string filler(2000, 'x');
    const auto late = make("Pistorius", "t", {"Start here.", std::string(300, 'y') + " " + filler, "Pistorius came."}, o);
    EXPECT_TRUE(late.matched);
    EXPECT_TRUE(late.body.from_lead);  // the match lies past the limit
    const auto early = make("Pistorius", "t", {"Pistorius came.", filler}, o);
    EXPECT_FALSE(early.body.from_lead);
}

TEST(SnippetMaker, LongArticlesStopBeingReadOnceEveryTermHasBeenSeenTogether) {
    std::vector<std::string> paragraphs{"Taurus and the Kerch Bridge."};
    for (int i = 0; i < 2000; ++i) paragraphs.push_back("Unrelated filler text about the weather and markets.");
    paragraphs.push_back("Taurus, Taurus, Kerch, Kerch: a later paragraph with more of both.");
    const auto made = make("Taurus Kerch", "t", paragraphs, opts(1, 200));
    ASSERT_EQ(made.body.fragments.size(), 1u);
    EXPECT_EQ(made.body.fragments[0].offset, 0u);  // the later, denser paragraph was never read
    // Without every term near each other the whole article is read.
    paragraphs.front() = "Taurus alone.";
    const auto later = make("Taurus Kerch", "t", paragraphs, opts(1, 200));
    ASSERT_EQ(later.body.fragments.size(), 1u);
    EXPECT_GT(later.body.fragments[0].offset, 64u * 1024);
}

TEST(SnippetMaker, EmptyTextsGiveEmptySnippets) {
    const auto made = make("Taurus", "", {}, {});
    EXPECT_TRUE(made.body.fragments.empty());
    EXPECT_TRUE(made.title.empty());
}

TEST(SnippetJoin, ElisionMarksOnlyWhereTextIsLeftOut) {
    Fragment a{{{"one", false}}, 0, 0, true, false};
    Fragment b{{{"two", true}}, 10, 10, false, true};
    EXPECT_EQ(bracketed(join_fragments({a, b})), "…one … [two]…");
    a.elided_before = false;
    b.elided_after = false;
    EXPECT_EQ(bracketed(join_fragments({a, b})), "one … [two]");
    EXPECT_TRUE(join_fragments({}).empty());
}

}  // namespace
}  // namespace newsdex
