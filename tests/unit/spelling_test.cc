#include "core/search/spelling.h"

#include <gtest/gtest.h>

#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

struct Row {
    const char* query;
    const char* suggestion;  // "" for none
};

class Spelling : public ::testing::TestWithParam<Row> {
  protected:
    static void SetUpTestSuite() {
        index_ = new test::TestIndex({test::make_article(
            "/a", "Pistorius visits Vilnius", {"The defence minister Boris Pistorius inspected the brigade.",
                                                "Taurus missiles were not discussed, officials said."})});
    }
    static void TearDownTestSuite() {
        delete index_;
        index_ = nullptr;
    }
    static inline test::TestIndex* index_ = nullptr;
};

TEST_P(Spelling, SuggestsTheNearestIndexedWordKeepingCase) {
    Xapian::Database db(index_->path());
    EXPECT_EQ(spelling_suggestion(GetParam().query, db, {Xapian::Stem("english")}), GetParam().suggestion)
        << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(Table, Spelling, ::testing::Values(
    Row{"Pistorus", "Pistorius"},
    Row{"pistorus", "pistorius"},
    Row{"PISTORUS", "PISTORIUS"},
    Row{"Taursu missiles", "Taurus missiles"},
    Row{"\"Boris Pistorus\" Vilnus", "\"Boris Pistorius\" Vilnius"},
    Row{"Pistorus OR brigade", "Pistorius OR brigade"},
    Row{"Pistorius", ""},
    Row{"missile inspects", ""},           // stems the index holds are no typos
    Row{"title:Pistorus", ""},             // field values are left alone
    Row{"author:(Pistorus)", ""},
    Row{"Pistor*", ""},                    // so are wildcards
    Row{"Taurus2", ""},                    // and words with digits
    Row{"zzyzx", ""},                      // nothing near
    Row{"AND", ""}));

}  // namespace
}  // namespace newsdex
