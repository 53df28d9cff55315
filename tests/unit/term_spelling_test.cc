#include "core/search/term_spelling.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

struct Distance {
    const char* a;
    const char* b;
    unsigned limit;
    unsigned expected;
};

class EditDistance : public ::testing::TestWithParam<Distance> {};

TEST_P(EditDistance, CountsCharacterEditsUpToTheLimit) {
    const auto& p = GetParam();
    EXPECT_EQ(edit_distance(p.a, p.b, p.limit), p.expected) << p.a << " / " << p.b;
    EXPECT_EQ(edit_distance(p.b, p.a, p.limit), p.expected) << "symmetric";
}

INSTANTIATE_TEST_SUITE_P(
    Table, EditDistance,
    ::testing::Values(Distance{"pistorius", "pistorius", 2, 0}, Distance{"pistorus", "pistorius", 2, 1},
                      Distance{"taursu", "taurus", 2, 1},  // a swap of neighbours is one edit
                      Distance{"kerch", "kertsch", 2, 2}, Distance{"kerch", "bridge", 2, 3},
                      Distance{"", "ab", 2, 2}, Distance{"", "abc", 2, 3},
                      Distance{"münchen", "munchen", 2, 1},  // characters, not bytes
                      Distance{"zürich", "zurich", 0, 1}, Distance{"straße", "strasse", 2, 2},
                      Distance{"a", "abcdefgh", 2, 3}));

TEST(NearestIndexedWord, PrefersFewerEditsThenMoreArticles) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&db](std::initializer_list<const char*> words) {
        Xapian::Document doc;
        for (const char* w : words) doc.add_term(w);
        doc.add_term("XFILEpistorus");  // prefixed terms are never suggested
        db.add_document(doc);
    };
    add({"pistorius", "taurus", "tauris"});
    add({"pistorius", "taurus"});
    add({"pistoria", "tarus"});
    EXPECT_EQ(nearest_indexed_word(db, "pistorus", 2), "pistorius");  // 1 edit beats "pistoria" (2)
    EXPECT_EQ(nearest_indexed_word(db, "taurs", 2), "taurus");          // 1 edit each: the commoner
    EXPECT_EQ(nearest_indexed_word(db, "xyz", 2), "");
    EXPECT_NE(nearest_indexed_word(db, "taurus", 2), "taurus") << "never the word itself";
    EXPECT_EQ(nearest_indexed_word(db, "", 2), "");
}

}  // namespace
}  // namespace newsdex
