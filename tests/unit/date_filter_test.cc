#include "core/date_filter.h"

#include <gtest/gtest.h>

namespace newsdex {
namespace {

Date day(int y, int m, int d) {
    Date out;
    out.year = y;
    out.month = m;
    out.day = d;
    return out;
}

const Date kToday = day(2024, 3, 31);

struct BoundRow {
    const char* text;
    const char* first;  // the day it starts on
    const char* last;   // the day it ends on
};

class DayBounds : public ::testing::TestWithParam<BoundRow> {};

TEST_P(DayBounds, StartAndEndOfThePeriod) {
    const auto& row = GetParam();
    EXPECT_EQ(day_bound(row.text, Bound::First, kToday), row.first) << row.text;
    EXPECT_EQ(day_bound(row.text, Bound::Last, kToday), row.last) << row.text;
}

INSTANTIATE_TEST_SUITE_P(Table, DayBounds, ::testing::Values(
    BoundRow{"2024", "20240101", "20241231"},
    BoundRow{"2024-02", "20240201", "20240229"},   // leap year
    BoundRow{"2023-02", "20230201", "20230228"},
    BoundRow{"1900-02", "19000201", "19000228"},   // centuries are not leap years...
    BoundRow{"2000-02", "20000201", "20000229"},   // ...unless divisible by 400
    BoundRow{"2024-4", "20240401", "20240430"},    // one-digit month
    BoundRow{"2024-03-05", "20240305", "20240305"},
    BoundRow{"2024-3-5", "20240305", "20240305"},
    BoundRow{"20240305", "20240305", "20240305"},
    BoundRow{" 2024-12-31 ", "20241231", "20241231"},
    BoundRow{"today", "20240331", "20240331"},
    BoundRow{"Yesterday", "20240330", "20240330"},
    BoundRow{"0d", "20240331", "20240331"},
    BoundRow{"7d", "20240324", "20240324"},
    BoundRow{"31d", "20240229", "20240229"},
    BoundRow{"2w", "20240317", "20240317"},
    BoundRow{"1m", "20240229", "20240229"},        // 31 March minus a month: end of February
    BoundRow{"13m", "20230228", "20230228"},
    BoundRow{"1y", "20230331", "20230331"},
    BoundRow{"7D", "20240324", "20240324"}));

struct BadDate {
    const char* text;
    const char* problem;
};

class BadDates : public ::testing::TestWithParam<BadDate> {};

TEST_P(BadDates, AreRejectedSayingWhy) {
    const auto& row = GetParam();
    try {
        day_bound(row.text, Bound::First, kToday);
        ADD_FAILURE() << row.text << " accepted";
    } catch (const DateSpecError& e) {
        EXPECT_NE(std::string(e.what()).find(row.problem), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Table, BadDates, ::testing::Values(
    BadDate{"2024-13-45", "\"2024-13-45\" is not a date: there is no month 13"},
    BadDate{"2024-00", "there is no month 0"},
    BadDate{"2024-02-30", "February 2024 has 29 days"},
    BadDate{"2023-02-29", "February 2023 has 28 days"},
    BadDate{"2024-04-31", "April 2024 has 30 days"},
    BadDate{"2024-01-00", "there is no day 0"},
    BadDate{"0999", "years run from 1000 to 9999"},
    BadDate{"24-03-05", "use YYYY, YYYY-MM or YYYY-MM-DD"},
    BadDate{"2024-03-05-01", "is not a date"},
    BadDate{"2024-003", "is not a date"},
    BadDate{"2024/03/05", "is not a date"},
    BadDate{"05/03/2024", "is not a date"},
    BadDate{"March", "is not a date"},
    BadDate{"7x", "is not a date"},
    BadDate{"d", "is not a date"},
    BadDate{"99999999d", "is not a date"},         // too many digits to be an age
    BadDate{"999999y", "outside the years"},
    BadDate{"", "a date is missing"}));

TEST(DayRanges, SingleValuesCoverTheirWholePeriod) {
    EXPECT_EQ(parse_day_range("2024-03", kToday), (DayRange{"20240301", "20240331"}));
    EXPECT_EQ(parse_day_range("2024", kToday), (DayRange{"20240101", "20241231"}));
}

TEST(DayRanges, RangesRunFromTheFirstDayOfOneToTheLastOfTheOther) {
    EXPECT_EQ(parse_day_range("2024-02-01..2024-04-30", kToday), (DayRange{"20240201", "20240430"}));
    EXPECT_EQ(parse_day_range("2024-02..2024-04", kToday), (DayRange{"20240201", "20240430"}));
    EXPECT_EQ(parse_day_range("2023..2024", kToday), (DayRange{"20230101", "20241231"}));
    EXPECT_EQ(parse_day_range("2024..2024", kToday), (DayRange{"20240101", "20241231"}));
    EXPECT_EQ(parse_day_range("..2024-03-31", kToday), (DayRange{"", "20240331"}));
    EXPECT_EQ(parse_day_range("2024..", kToday), (DayRange{"20240101", ""}));
    EXPECT_EQ(parse_day_range("7d..", kToday), (DayRange{"20240324", ""}));
    EXPECT_EQ(parse_day_range("1m..7d", kToday), (DayRange{"20240229", "20240324"}));
}

TEST(DayRanges, EmptyAndBackwardRangesAreErrors) {
    EXPECT_THROW(parse_day_range("..", kToday), DateSpecError);
    EXPECT_THROW(parse_day_range("2024-05..2024-03", kToday), DateSpecError);
    EXPECT_THROW(parse_day_range("2024-13..", kToday), DateSpecError);
    EXPECT_THROW(parse_day_range("..2024-02-30", kToday), DateSpecError);
    EXPECT_THROW(parse_day_range("7d..1m", kToday), DateSpecError);
}

TEST(DayRanges, IntersectKeepsTheTighterEnds) {
    EXPECT_EQ(intersect({"20240101", "20241231"}, {"20240301", ""}), (DayRange{"20240301", "20241231"}));
    EXPECT_EQ(intersect({"", ""}, {"", "20240331"}), (DayRange{"", "20240331"}));
    EXPECT_EQ(intersect({"", ""}, {"", ""}), (DayRange{"", ""}));
    const DayRange disjoint = intersect({"20230101", "20231231"}, {"20240101", ""});
    EXPECT_GT(disjoint.from, disjoint.to);
}

TEST(DayRanges, QueriesReadTheDateSlot) {
    EXPECT_EQ(day_range_query({"20240101", "20241231"}).get_description(), "Query(VALUE_RANGE 0 20240101 20241231)");
    EXPECT_EQ(day_range_query({"20240101", ""}).get_description(), "Query(VALUE_GE 0 20240101)");
    EXPECT_EQ(day_range_query({"", "20241231"}).get_description(), "Query(VALUE_LE 0 20241231)");
    EXPECT_EQ(day_range_query({"", ""}).get_description(), Xapian::Query(Xapian::Query::MatchAll).get_description());
}

TEST(DayRanges, TodayIsAValidDate) {
    const Date today = today_local();
    EXPECT_TRUE(is_valid_date(today.year, today.month, today.day));
}

}  // namespace
}  // namespace newsdex
