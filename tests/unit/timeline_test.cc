// Timeline counts: Xapian's value-count spy on the date slot, read out by period.
#include "core/search/timeline.h"

#include <gtest/gtest.h>

#include "core/schema.h"

namespace newsdex {
namespace {

/// A spy that has seen documents dated `days` ("" for undated).
Timeline timeline_of(const std::vector<std::string>& days, std::optional<TimelineUnit> unit) {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    for (const auto& day : days) {
        Xapian::Document doc;
        if (!day.empty()) doc.add_value(schema::kSlotDate, day);
        doc.add_term("Xall");
        db.add_document(doc);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("Xall"));
    TimelineCounter counter;
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, db.get_doccount());
    return counter.result(unit);
}

TEST(Timeline, MonthsFromFirstToLastWithEmptyOnesAsZero) {
    const Timeline t = timeline_of({"20240105", "20240120", "20240410", "", "bogus"}, TimelineUnit::Month);
    EXPECT_EQ(t.unit, TimelineUnit::Month);
    const std::vector<TimelineBar> expected{{"2024-01", 2}, {"2024-02", 0}, {"2024-03", 0}, {"2024-04", 1}};
    EXPECT_EQ(t.bars, expected);
    EXPECT_EQ(t.undated, 2u);  // the empty value and the malformed one
}

TEST(Timeline, DaysCrossMonthAndLeapDay) {
    const Timeline t = timeline_of({"20240228", "20240301"}, TimelineUnit::Day);
    const std::vector<TimelineBar> expected{{"2024-02-28", 1}, {"2024-02-29", 0}, {"2024-03-01", 1}};
    EXPECT_EQ(t.bars, expected);
}

TEST(Timeline, YearsAcrossDecember) {
    const Timeline t = timeline_of({"20221231", "20240101"}, TimelineUnit::Year);
    const std::vector<TimelineBar> expected{{"2022", 1}, {"2023", 0}, {"2024", 1}};
    EXPECT_EQ(t.bars, expected);
}

TEST(Timeline, UnitFitsTheSpan) {
    EXPECT_EQ(timeline_of({"20240101", "20240301"}, std::nullopt).unit, TimelineUnit::Day);
    EXPECT_EQ(timeline_of({"20240101", "20250301"}, std::nullopt).unit, TimelineUnit::Month);
    EXPECT_EQ(timeline_of({"19800101", "20250301"}, std::nullopt).unit, TimelineUnit::Year);
}

TEST(Timeline, NothingDated) {
    const Timeline t = timeline_of({"", ""}, std::nullopt);
    EXPECT_TRUE(t.bars.empty());
    EXPECT_EQ(t.undated, 2u);
    EXPECT_EQ(parse_timeline_unit("week"), std::nullopt);
    EXPECT_EQ(timeline_unit_name(*parse_timeline_unit("day")), "day");
}

}  // namespace
}  // namespace newsdex
