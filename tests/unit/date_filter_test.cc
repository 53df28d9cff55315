#include "core/search/date_filter.h"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <set>

#include "core/index/document_builder.h"
#include "core/schema.h"
#include "tests/support/temp_dir.h"

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

namespace chr = std::chrono;

std::string yyyymmdd(chr::sys_days day) {
    const chr::year_month_day ymd{day};
    return to_yyyymmdd(newsdex::day(static_cast<int>(ymd.year()), static_cast<int>(unsigned{ymd.month()}),
                                    static_cast<int>(unsigned{ymd.day()})));
}

chr::sys_days sys_day(const std::string& yyyymmdd) {
    return chr::sys_days{chr::year{std::stoi(yyyymmdd.substr(0, 4))} /
                         chr::month{static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)))} /
                         chr::day{static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)))}};
}

/// Every day a D/M/Y term stands for, as "YYYYMMDD"; fails the test on another term.
std::vector<std::string> days_of(const std::vector<std::string>& terms) {
    std::vector<std::string> days;
    for (const auto& term : terms) {
        const std::string digits = term.substr(1);
        chr::sys_days first{}, last{};
        if (term[0] == 'D' && digits.size() == 8) {
            first = last = sys_day(digits);
        } else if (term[0] == 'M' && digits.size() == 6) {
            first = sys_day(digits + "01");
            const chr::year_month_day ymd{first};
            last = chr::sys_days{ymd.year() / ymd.month() / chr::last};
        } else if (term[0] == 'Y' && digits.size() == 4) {
            first = sys_day(digits + "0101");
            last = sys_day(digits + "1231");
        } else {
            ADD_FAILURE() << "not a date term: " << term;
            continue;
        }
        for (auto d = first; d <= last; d += chr::days{1}) days.push_back(yyyymmdd(d));
    }
    return days;
}

TEST(DayRangeTerms, WholeYearsThenWholeMonthsThenDays) {
    using V = std::vector<std::string>;
    EXPECT_EQ(day_range_terms("20240101", "20241231", 90), (V{"Y2024"}));
    EXPECT_EQ(day_range_terms("20240201", "20240430", 90), (V{"M202402", "M202403", "M202404"}));
    EXPECT_EQ(day_range_terms("20240305", "20240305", 90), (V{"D20240305"}));
    EXPECT_EQ(day_range_terms("20231130", "20240102", 90), (V{"D20231130", "M202312", "D20240101", "D20240102"}));
    EXPECT_EQ(day_range_terms("20240228", "20240301", 90), (V{"D20240228", "D20240229", "D20240301"}));
    EXPECT_EQ(day_range_terms("20230201", "20250131", 90), (V{"M202302", "M202303", "M202304", "M202305", "M202306",
                                                              "M202307", "M202308", "M202309", "M202310", "M202311",
                                                              "M202312", "Y2024", "M202501"}));
}

TEST(DayRangeTerms, TooManyTermsOrNoDaysGiveNone) {
    EXPECT_TRUE(day_range_terms("20240101", "20240130", 29).empty());  // 30 days, not a whole month
    EXPECT_EQ(day_range_terms("20240101", "20240130", 30).size(), 30U);
    EXPECT_TRUE(day_range_terms("20240102", "20240101", 90).empty());
    EXPECT_TRUE(day_range_terms("", "20240101", 90).empty());
    EXPECT_TRUE(day_range_terms("20240230", "20240301", 90).empty());
}

TEST(DayRangeTerms, CoverEveryDayOfTheRangeOnceAndNoOther) {
    std::mt19937 random(7);
    std::uniform_int_distribution<int> offset(0, 3 * 366);
    const chr::sys_days base = sys_day("20221201");
    for (int i = 0; i < 500; ++i) {
        auto a = base + chr::days{offset(random)}, b = base + chr::days{offset(random)};
        if (b < a) std::swap(a, b);
        const auto terms = day_range_terms(yyyymmdd(a), yyyymmdd(b), 1000);
        std::vector<std::string> expected;
        for (auto d = a; d <= b; d += chr::days{1}) expected.push_back(yyyymmdd(d));
        auto got = days_of(terms);
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, expected) << yyyymmdd(a) << ".." << yyyymmdd(b);
        // Days to the first whole month, months to the first whole year, years, months, days.
        EXPECT_LE(terms.size(), 30U + 11U + 3U + 11U + 30U) << yyyymmdd(a) << ".." << yyyymmdd(b);
    }
}

/// A database of one article a week from 1990 to 2029 (and one undated), built as the
/// indexer builds them.
class DatedDatabase : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        dir_ = new test::TempDir;
        Xapian::WritableDatabase db((dir_->path() / "db").string(), Xapian::DB_CREATE);
        DocumentBuilder builder(Language{"en", "english"});
        int n = 0;
        for (auto d = sys_day("19900103"); d <= sys_day("20291231"); d += chr::days{7}) {
            Article article;
            article.id = "a" + std::to_string(++n);
            article.title = "weekly report";
            article.paragraphs = {"the weekly report"};
            article.date = parse_date(yyyymmdd(d));
            db.add_document(builder.build(article));
        }
        Article undated;
        undated.id = "undated";
        undated.title = "weekly report";
        undated.paragraphs = {"the weekly report"};
        db.add_document(builder.build(undated));
        db.commit();
    }
    static void TearDownTestSuite() {
        delete dir_;
        dir_ = nullptr;
    }
    static Xapian::Database database() { return Xapian::Database((dir_->path() / "db").string()); }

    static std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& filter) {
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("report"), filter));
        std::set<Xapian::docid> out;
        const Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) out.insert(*it);
        return out;
    }

  private:
    static test::TempDir* dir_;
};

test::TempDir* DatedDatabase::dir_ = nullptr;

TEST_F(DatedDatabase, NarrowRangesUseDateTermsWideOnesTheSlot) {
    const Xapian::Database db = database();
    const std::string year = day_range_query({"19870101", "19871231"}, db).get_description();
    EXPECT_EQ(year, "Query(VALUE_RANGE 0 19870101 19871231)") << "no article is that old: the slot reads nothing";
    const std::string one_year = day_range_query({"20040101", "20041231"}, db).get_description();
    EXPECT_NE(one_year.find("Y2004"), std::string::npos) << one_year;
    EXPECT_EQ(one_year.find("VALUE"), std::string::npos) << one_year;
    const std::string recent = day_range_query({"20291201", ""}, db).get_description();
    EXPECT_NE(recent.find("D202912"), std::string::npos) << recent;
    EXPECT_EQ(recent.find("VALUE"), std::string::npos) << recent;
    const std::string wide = day_range_query({"20000101", ""}, db).get_description();
    EXPECT_NE(wide.find("VALUE_GE"), std::string::npos) << wide;
    EXPECT_NE(day_range_query({"", "20291231"}, db).get_description().find("VALUE_LE"), std::string::npos);
}

TEST_F(DatedDatabase, TermsAndSlotFindTheSameArticles) {
    const Xapian::Database db = database();
    std::mt19937 random(11);
    std::uniform_int_distribution<int> offset(-400, 40 * 366 + 400);
    const chr::sys_days base = sys_day("19900101");
    int by_terms = 0;
    for (int i = 0; i < 300; ++i) {
        auto a = base + chr::days{offset(random)}, b = base + chr::days{offset(random)};
        if (b < a) std::swap(a, b);
        if (i % 3 == 0) b = a + chr::days{offset(random) % 60};  // many narrow ones
        DayRange range{yyyymmdd(a), yyyymmdd(b)};
        if (i % 7 == 1) range.from.clear();
        if (i % 7 == 2) range.to.clear();
        if (range.from.empty() && range.to.empty()) continue;
        const Xapian::Query shaped = day_range_query(range, db);
        if (shaped.get_description().find("VALUE") == std::string::npos) ++by_terms;
        EXPECT_EQ(matches(db, shaped), matches(db, day_range_query(range)))
            << range.from << ".." << range.to << ": " << shaped.get_description();
    }
    EXPECT_GT(by_terms, 50);
}

TEST_F(DatedDatabase, DateTermsAddNoWeightUnderAnyScheme) {
    const Xapian::Database db = database();
    const Xapian::Query filter = day_range_query({"20040101", "20041231"}, db);
    ASSERT_EQ(filter.get_description().find("VALUE"), std::string::npos);
    Xapian::Enquire enquire(db);
    enquire.set_query(filter);
    enquire.set_weighting_scheme(Xapian::TfIdfWeight("ntn"));
    EXPECT_EQ(enquire.get_mset(0, 10).get_max_possible(), 0.0);
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet mset = enquire.get_mset(0, 100);
    EXPECT_EQ(mset.size(), matches(db, day_range_query({"20040101", "20041231"})).size());
    EXPECT_GE(mset.size(), 52U);
    EXPECT_EQ(mset.get_max_possible(), 0.0);
}

TEST(DayRanges, TodayIsAValidDate) {
    const Date today = today_local();
    EXPECT_TRUE(is_valid_date(today.year, today.month, today.day));
}

}  // namespace
}  // namespace newsdex
