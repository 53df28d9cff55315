#include "core/index/document_builder.h"

#include <gtest/gtest.h>

#include <set>

#include "core/schema.h"

namespace newsdex {
namespace {

Article sample_article() {
    Article a;
    a.id = "/news/taurus.txt";
    a.path = a.id;
    a.title = "Scholz refuses Taurus missiles";
    a.authors = {"Kate Connolly"};
    a.date = Date{2024, 3, 5, 0, 0, 0, false};
    a.date_origin = DateOrigin::Header;
    a.source = "The Berlin Ledger";
    a.url = "https://www.Example.org/news/1";
    a.language = "en";
    a.paragraphs = {"The chancellor said the weapons would stay home.", "Officials disagreed."};
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    return {doc.termlist_begin(), doc.termlist_end()};
}

// Like omega's omindexcheck: the terms each field must produce, and some it must not.
TEST(DocumentBuilder, ProducesTheSchemaTerms) {
    DocumentBuilder builder(Language{"en", "english"});
    const auto terms = terms_of(builder.build(sample_article()));
    for (const char* expected : {
             "Q/news/taurus.txt",            // unique id
             "Staurus", "Smissiles",         // title, prefixed
             "taurus", "missiles", "Zmissil",  // title and body, unprefixed + stems
             "chancellor", "Zchancellor",
             "Akate", "Aconnolly",           // author filter words
             "XSOURCEberlin", "XSOURCEledger",
             "D20240305", "M202403", "Y2024",
             "Uhttps://www.Example.org/news/1", "Hwww.example.org",
             "Len",
             "connolly",                     // author name is searchable as text too
         })
        EXPECT_TRUE(terms.count(expected)) << "missing term " << expected;
    for (const char* absent : {"SThe", "Akate connolly", "Q", "XSOURCEThe Berlin Ledger"})
        EXPECT_FALSE(terms.count(absent)) << "unexpected term " << absent;
}

TEST(DocumentBuilder, StoresValuesAndData) {
    DocumentBuilder builder(Language{"en", "english"});
    const auto doc = builder.build(sample_article());
    EXPECT_EQ(doc.get_value(schema::kSlotDate), "20240305");
    EXPECT_EQ(doc.get_value(schema::kSlotSource), "The Berlin Ledger");
    EXPECT_EQ(doc.get_value(schema::kSlotAuthor), "Kate Connolly");
    const Article stored = schema::decode_data(doc.get_data());
    EXPECT_EQ(stored.title, "Scholz refuses Taurus missiles");
    EXPECT_EQ(stored.paragraphs.size(), 2u);
}

TEST(DocumentBuilder, TitleWordsWeighMoreThanBodyWords) {
    DocumentBuilder builder(Language{"en", "english"});
    const auto doc = builder.build(sample_article());
    Xapian::termcount title_wdf = 0, body_wdf = 0;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        if (*it == "taurus") title_wdf = it.get_wdf();
        if (*it == "officials") body_wdf = it.get_wdf();
    }
    EXPECT_EQ(title_wdf, schema::kTitleWdf);
    EXPECT_EQ(body_wdf, 1u);
}

TEST(DocumentBuilder, PhrasesDoNotSpanTitleAndBody) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    DocumentBuilder builder(Language{"en", "english"});
    db.add_document(builder.build(sample_article()));
    Xapian::Enquire enquire(db);
    // "missiles" ends the title, "The" starts the body.
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("missiles"), Xapian::Query("the")));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 0u);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, Xapian::Query("the"), Xapian::Query("chancellor")));
    EXPECT_EQ(enquire.get_mset(0, 10).size(), 1u);
}

TEST(DocumentBuilder, LongIdsAndUrlsStayWithinTermLimits) {
    Article a = sample_article();
    a.id = "/" + std::string(400, 'x') + ".txt";
    a.url = "https://example.org/" + std::string(400, 'y');
    a.source = std::string(300, 'z');
    DocumentBuilder builder(Language{"en", "english"});
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const auto doc = builder.build(a);
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it)
        EXPECT_LE((*it).size(), schema::kMaxTermBytes) << *it;
    EXPECT_NO_THROW(db.replace_document(schema::id_term(a.id), doc));
}

TEST(DocumentBuilder, StemsInTheArticlesOwnLanguage) {
    Article a = sample_article();
    a.language = "de";
    a.title = "Raketen";
    a.paragraphs = {"Die Bundesregierung lehnt die Lieferungen ab."};
    DocumentBuilder builder(Language{"en", "english"});
    const auto terms = terms_of(builder.build(a));
    EXPECT_TRUE(terms.count("Zliefer")) << "German stem expected";
    EXPECT_TRUE(terms.count("Lde"));
}

TEST(DocumentBuilder, StoresWhatFacetsAndSiteSearchNeed) {
    DocumentBuilder builder(Language{"en", "english"});
    Article a = sample_article();
    a.authors = {"Tom Hughes", "Priya Natarajan"};
    const auto doc = builder.build(a);
    EXPECT_EQ(doc.get_value(schema::kSlotAuthorList),
              "Tom Hughes" + std::string(1, schema::kAuthorListSeparator) + "Priya Natarajan");
    EXPECT_EQ(doc.get_value(schema::kSlotLanguage), "en");
    const auto terms = terms_of(doc);
    EXPECT_TRUE(terms.count("Hexample.org")) << "site:example.org covers www.example.org";
    EXPECT_FALSE(terms.count("Horg")) << "a top-level domain alone is no site";
}

}  // namespace
}  // namespace newsdex
