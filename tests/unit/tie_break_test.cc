// Ties broken by the hash of article ids (core/search/tie_break.h), on a real database.
#include "core/search/tie_break.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/schema.h"
#include "tests/unit/test_index.h"

namespace newsdex {
namespace {

using test::make_article;

double tie_of(const std::string& id) { return Xapian::sortable_unserialise(schema::tie_break_key(id)); }

std::string id_of(const Xapian::Document& doc) { return schema::decode_data(doc.get_data()).id; }

/// Ids sorted as the tie-break ranks them: highest hash first.
std::vector<std::string> hash_order(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return tie_of(a) > tie_of(b); });
    return ids;
}

Xapian::MSet ranked(const Xapian::Database& db, const std::string& word, bool collapse, Xapian::doccount n = 10) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(word));
    if (collapse) enquire.set_collapse_key(schema::kSlotDupGroup);
    return enquire.get_mset(0, n);
}

// Same-length articles each saying "lorry" once weigh the same; other words keep them
// from being duplicates of each other.
const std::vector<Article> kEqual = {
    make_article("equal-a", "One", {"A lorry crossed the alpine pass."}),
    make_article("equal-b", "Two", {"A lorry crossed the desert road."}),
    make_article("equal-c", "Six", {"A lorry crossed the border post."}),
    make_article("equal-d", "Ten", {"A lorry crossed the frozen lake."}),
    make_article("heavy", "Lorry lorry", {"The lorry, a lorry, lorries everywhere."}),
};

TEST(TieBreak, EqualWeightsOnAPageAreOrderedByTheHashOfTheirIds) {
    test::TestIndex index(kEqual);
    Xapian::Database db(index.path());
    const Xapian::MSet mset = ranked(db, "lorry", false);
    ASSERT_EQ(mset.size(), 5u);
    auto page = page_hits(mset, 0, 5, db, false);
    order_ties(page);
    EXPECT_EQ(id_of(page[0].document), "heavy");  // a heavier hit stays first
    std::vector<std::string> tied;
    for (std::size_t i = 1; i < page.size(); ++i) tied.push_back(id_of(page[i].document));
    EXPECT_EQ(tied, hash_order({"equal-a", "equal-b", "equal-c", "equal-d"}));
}

TEST(TieBreak, ATieAcrossThePageEdgeIsSeenAndOneInsideItIsNot) {
    test::TestIndex index(kEqual);
    Xapian::Database db(index.path());
    const Xapian::MSet mset = ranked(db, "lorry", false);
    EXPECT_FALSE(tie_at_page_edge(mset, 0, 1));  // "heavy", then lighter ones
    EXPECT_TRUE(tie_at_page_edge(mset, 0, 2));   // the 3rd weighs as the 2nd
    EXPECT_TRUE(tie_at_page_edge(mset, 2, 4));   // the 2nd weighs as the 3rd
    EXPECT_FALSE(tie_at_page_edge(mset, 1, 5));  // the whole tied run is on the page
    EXPECT_FALSE(tie_at_page_edge(mset, 0, 5));
}

TEST(TieBreak, AGroupIsShownByTheMemberTheHashRanksFirstWithItsHiddenMembersCounted) {
    std::vector<Article> articles;
    for (const char* id : {"copy-1", "copy-2", "copy-3", "copy-4"})
        articles.push_back(make_article(id, "Storm warning", {"Gales and heavy rain reach the coast tonight."}));
    articles.push_back(make_article("other", "Calm", {"No rain is expected on the coast this week at all."}));
    test::TestIndex index(articles);
    Xapian::Database db(index.path());
    const Xapian::MSet mset = ranked(db, "rain", true);
    ASSERT_EQ(mset.size(), 2u);
    auto page = page_hits(mset, 0, 2, db, false);
    auto is_copy = [](const PageHit& h) { return id_of(h.document).starts_with("copy-"); };
    const auto copy = std::find_if(page.begin(), page.end(), is_copy);
    ASSERT_NE(copy, page.end());
    EXPECT_TRUE(copy->group_may_hide);
    settle_groups(db, Xapian::Query("rain"), Xapian::BM25Weight(), true, page);
    const auto shown = std::find_if(page.begin(), page.end(), is_copy);
    ASSERT_NE(shown, page.end());
    EXPECT_EQ(id_of(shown->document), hash_order({"copy-1", "copy-2", "copy-3", "copy-4"}).front());
    EXPECT_EQ(shown->similar, 3u);
    const auto alone = std::find_if(page.begin(), page.end(), [&](const PageHit& h) { return !is_copy(h); });
    ASSERT_NE(alone, page.end());
    EXPECT_FALSE(alone->group_may_hide);  // a group of one hides nothing
    EXPECT_EQ(alone->similar, 0u);
}

}  // namespace
}  // namespace newsdex
