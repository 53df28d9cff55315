/** @file @brief Tests for core/date: every accepted format, every rejection rule, and hostile input. */
#include "core/text/date.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace newsdex {
namespace {

struct ParseCase {
    std::string input;
    std::optional<std::string> expected_iso;  // nullopt: parse_date must reject the input
};

// Long inputs would flood the failure output; the start is enough to identify the row.
void PrintTo(const ParseCase& c, std::ostream* os) {
    constexpr std::size_t kShown = 60;
    *os << '"' << c.input.substr(0, kShown) << (c.input.size() > kShown ? "...\"" : "\"")
        << " (" << c.input.size() << " chars)";
}

std::vector<ParseCase> accepted_cases() {
    return {
        // ISO 8601.
        {"2024-03-05", "2024-03-05"},
        {"2024-03-05T09:30", "2024-03-05T09:30:00Z"},
        {"2024-03-05T09:30:00", "2024-03-05T09:30:00Z"},
        {"2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z"},
        {"2024-03-05T09:30:00+01:00", "2024-03-05T08:30:00Z"},
        {"2024-03-05T09:30:00.123+0100", "2024-03-05T08:30:00Z"},
        {"2024-03-05 09:30:00", "2024-03-05T09:30:00Z"},
        {"2024-03-05T09:30:00-05:00", "2024-03-05T14:30:00Z"},
        {"2024-03-05T09:30:00+05:30", "2024-03-05T04:00:00Z"},
        {"2024-03-05t09:30:00z", "2024-03-05T09:30:00Z"},
        {"  2024-03-05T09:30:00Z\n", "2024-03-05T09:30:00Z"},
        // Offsets that move the date across day, month and year boundaries.
        {"2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"},
        {"2023-12-31T23:30:00-01:00", "2024-01-01T00:30:00Z"},
        {"2024-03-01T00:00:00+00:01", "2024-02-29T23:59:00Z"},
        {"2023-03-01T00:00:00+00:01", "2023-02-28T23:59:00Z"},
        // Compact and partial.
        {"20240305", "2024-03-05"},
        {"2024-03", "2024-03-01"},
        {"2024", "2024-01-01"},
        {"March 2024", "2024-03-01"},
        {"mar 2024", "2024-03-01"},
        // RFC 822/2822.
        {"Tue, 05 Mar 2024 09:30:00 +0100", "2024-03-05T08:30:00Z"},
        {"5 Mar 2024 09:30:00 GMT", "2024-03-05T09:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 EST", "2024-03-05T14:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 UT", "2024-03-05T09:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 Z", "2024-03-05T09:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 EDT", "2024-03-05T13:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 CST", "2024-03-05T15:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 CDT", "2024-03-05T14:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 MST", "2024-03-05T16:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 MDT", "2024-03-05T15:30:00Z"},
        {"Tue, 5 Mar 2024 09:30 PST", "2024-03-05T17:30:00Z"},
        {"Tue, 5 Mar 2024 20:30 PDT", "2024-03-06T03:30:00Z"},
        {"Tue, 05 Mar 2024 09:30:00 -0000", "2024-03-05T09:30:00Z"},
        {"Tue, 05 Mar 2024 09:30:00 +0000 (UTC)", "2024-03-05T09:30:00Z"},
        {"05 Mar 24 09:30:00 GMT", "2024-03-05T09:30:00Z"},
        {"05 Mar 99 09:30:00 GMT", "1999-03-05T09:30:00Z"},
        {"05 Mar 70", "1970-03-05"},
        {"05 Mar 69", "2069-03-05"},
        // Prose.
        {"5 March 2024", "2024-03-05"},
        {"5th March 2024", "2024-03-05"},
        {"1st of March 2024", "2024-03-01"},
        {"March 5, 2024", "2024-03-05"},
        {"March 5th 2024", "2024-03-05"},
        {"Tuesday 5 March 2024", "2024-03-05"},
        {"Tuesday, March 5, 2024", "2024-03-05"},
        {"TUESDAY, MARCH 5, 2024", "2024-03-05"},
        {"Sept 5, 2024", "2024-09-05"},
        {"Sept. 5, 2024", "2024-09-05"},
        {"5 September 2024", "2024-09-05"},
        {"5 March 2024 09:30", "2024-03-05T09:30:00Z"},
        {"5 March 2024 9.30am", "2024-03-05T09:30:00Z"},
        {"March 5, 2024 9:30 pm", "2024-03-05T21:30:00Z"},
        {"March 5, 2024, 12:15 a.m.", "2024-03-05T00:15:00Z"},
        {"March 5, 2024 at 12pm", "2024-03-05T12:00:00Z"},
        {"March 5, 2024 9:30 pm EST", "2024-03-06T02:30:00Z"},
        // Leap years.
        {"2024-02-29", "2024-02-29"},
        {"2000-02-29", "2000-02-29"},
        {"29 February 2024", "2024-02-29"},
        // Range limits.
        {"1000-01-01", "1000-01-01"},
        {"9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"},
        {"2024-03-05T09:30:00.12345678901234567890Z", "2024-03-05T09:30:00Z"},
        {"5 March 2024" + std::string(10'000, ' '), "2024-03-05"},
    };
}

std::vector<ParseCase> rejected_cases() {
    return {
        {"", std::nullopt},
        {"   \t\n", std::nullopt},
        {"banana", std::nullopt},
        {"not a date at all", std::nullopt},
        {"2024-13-45", std::nullopt},
        {"2024-13", std::nullopt},
        {"2024-00-10", std::nullopt},
        {"2023-02-29", std::nullopt},
        {"1900-02-29", std::nullopt},
        {"31 April 2024", std::nullopt},
        {"April 31, 2024", std::nullopt},
        {"2024-03-05T24:00:00Z", std::nullopt},
        {"2024-03-05T09:60:00Z", std::nullopt},
        {"2024-03-05T09:30:60Z", std::nullopt},
        {"5 March 2024 25:00", std::nullopt},
        {"5 March 2024 13:30 pm", std::nullopt},
        {"5 March 2024 0am", std::nullopt},
        {"2024-03-05 banana", std::nullopt},
        {"5 March 2024 banana", std::nullopt},
        {"Tue, 5 Mar 2024 09:30 XYZ", std::nullopt},
        {"2024-03-05T09:30:00+25:00", std::nullopt},
        {"2024-03-05T09:30:00+01:60", std::nullopt},
        {"2024-03-05T09:30:00.+01:00", std::nullopt},
        {"2024-03-05T09", std::nullopt},
        {"2024-3-5", std::nullopt},
        {"05/03/2024", std::nullopt},
        {"03-05-2024", std::nullopt},
        {"5 3 2024", std::nullopt},
        {"5 March 2024 9", std::nullopt},
        {"5 March", std::nullopt},
        {"March 24", std::nullopt},
        {"Tuesday", std::nullopt},
        {"Tuesday March 2024", std::nullopt},
        {"March 2024 09:30", std::nullopt},
        {"0999-12-31", std::nullopt},
        {"999", std::nullopt},
        {"10000-01-01", std::nullopt},
        {"5 March 10000", std::nullopt},
        {"1000-01-01T00:30:00+01:00", std::nullopt},  // 0999-12-31 once in UTC
        {"9999-12-31T23:30:00-01:00", std::nullopt},  // year 10000 once in UTC
        {"202403051", std::nullopt},
        {"12345678901234567890", std::nullopt},
        {"2024-03-12345678901234567890", std::nullopt},
        {"5 March 12345678901234567890", std::nullopt},
        {"99999999999999999999 March 2024", std::nullopt},
        {std::string(10'000, '9'), std::nullopt},
        {std::string(10'000, 'a'), std::nullopt},
        {"2024-03-05" + std::string(10'000, 'x'), std::nullopt},
        {std::string("2024\0-03-05", 11), std::nullopt},
        {"2024-03-05\xff", std::nullopt},
    };
}

class ParseDateTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseDateTest, MatchesExpectedIso) {
    const ParseCase& c = GetParam();
    const std::optional<Date> parsed = parse_date(c.input);
    ASSERT_EQ(parsed.has_value(), c.expected_iso.has_value())
        << (parsed ? "unexpectedly parsed as " + to_iso(*parsed) : "rejected");
    if (parsed) {
        EXPECT_EQ(to_iso(*parsed), *c.expected_iso);
    }
}

INSTANTIATE_TEST_SUITE_P(Accepted, ParseDateTest, ::testing::ValuesIn(accepted_cases()));
INSTANTIATE_TEST_SUITE_P(Rejected, ParseDateTest, ::testing::ValuesIn(rejected_cases()));

TEST(ParseDate, DateOnlyFormsHaveNoTime) {
    for (const char* text : {"2024-03-05", "20240305", "5 March 2024", "March 2024", "2024"}) {
        SCOPED_TRACE(text);
        const auto d = parse_date(text);
        ASSERT_TRUE(d.has_value());
        EXPECT_FALSE(d->has_time);
        EXPECT_EQ(d->hour, 0);
        EXPECT_EQ(d->minute, 0);
        EXPECT_EQ(d->second, 0);
    }
}

TEST(ParseDate, MidnightGivenExplicitlyHasTime) {
    const auto d = parse_date("2024-03-05T00:00:00Z");
    ASSERT_TRUE(d.has_value());
    EXPECT_TRUE(d->has_time);
    EXPECT_EQ(to_iso(*d), "2024-03-05T00:00:00Z");
}

TEST(ParseDate, SameInstantInDifferentFormatsIsEqual) {
    const auto iso = parse_date("2024-03-05T08:30:00Z");
    ASSERT_TRUE(iso.has_value());
    EXPECT_EQ(parse_date("Tue, 05 Mar 2024 09:30:00 +0100"), iso);
    EXPECT_EQ(parse_date("2024-03-05T03:30:00-05:00"), iso);
    EXPECT_LT(*parse_date("2024-03-04"), *parse_date("2024-03-05"));
}

// Property check standing in for the fuzzer: whatever is accepted must be a valid, UTC,
// round-trippable date. A fixed-seed generator keeps failures reproducible.
TEST(ParseDate, ArbitraryInputIsRejectedOrRoundTrips) {
    const std::string alphabet = "0123456789-:+T Z.,/()apmMarchTueGMTESTth\t\xff";
    std::uint64_t state = 0x9E3779B97F4A7C15ULL;
    const auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 20'000; ++i) {
        std::string input(next() % 40, ' ');
        for (char& ch : input) ch = alphabet[next() % alphabet.size()];
        const auto d = parse_date(input);
        if (!d) continue;
        SCOPED_TRACE(input);
        ASSERT_TRUE(is_valid_date(d->year, d->month, d->day));
        ASSERT_EQ(parse_date(to_iso(*d)), d);
    }
}

// Mutating accepted inputs reaches far deeper into the grammar than uniform noise does.
TEST(ParseDate, MutatedValidInputIsRejectedOrRoundTrips) {
    const std::string replacements = "0159-:+ .,aZT\xff";
    std::uint64_t state = 0x2545F4914F6CDD1DULL;
    const auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (const ParseCase& seed : accepted_cases()) {
        if (seed.input.size() > 100) continue;
        for (int i = 0; i < 300; ++i) {
            std::string input = seed.input;
            const std::size_t at = next() % input.size();
            switch (next() % 3) {
                case 0: input[at] = replacements[next() % replacements.size()]; break;
                case 1: input.erase(at, 1); break;
                default: input.insert(at, 1, replacements[next() % replacements.size()]); break;
            }
            const auto d = parse_date(input);
            if (!d) continue;
            SCOPED_TRACE(input);
            ASSERT_TRUE(is_valid_date(d->year, d->month, d->day));
            ASSERT_EQ(parse_date(to_iso(*d)), d);
        }
    }
}

TEST(IsValidDate, LeapYearsAndRange) {
    EXPECT_TRUE(is_valid_date(2024, 2, 29));
    EXPECT_TRUE(is_valid_date(2000, 2, 29));
    EXPECT_FALSE(is_valid_date(1900, 2, 29));
    EXPECT_FALSE(is_valid_date(2023, 2, 29));
    EXPECT_TRUE(is_valid_date(2023, 12, 31));
    EXPECT_FALSE(is_valid_date(2023, 4, 31));
    EXPECT_FALSE(is_valid_date(2023, 0, 1));
    EXPECT_FALSE(is_valid_date(2023, 13, 1));
    EXPECT_FALSE(is_valid_date(2023, 1, 0));
    EXPECT_TRUE(is_valid_date(1000, 1, 1));
    EXPECT_TRUE(is_valid_date(9999, 12, 31));
    EXPECT_FALSE(is_valid_date(999, 12, 31));
    EXPECT_FALSE(is_valid_date(10000, 1, 1));
}

TEST(ToYyyymmdd, PadsEveryField) {
    EXPECT_EQ(to_yyyymmdd(Date{2024, 3, 5}), "20240305");
    EXPECT_EQ(to_yyyymmdd(Date{1999, 12, 31, 23, 59, 59, true}), "19991231");
    EXPECT_EQ(to_yyyymmdd(*parse_date("Tue, 05 Mar 2024 23:30:00 -0100")), "20240306");
}

TEST(ToIso, OmitsTimeUnlessPresent) {
    EXPECT_EQ(to_iso(Date{2024, 3, 5}), "2024-03-05");
    EXPECT_EQ(to_iso(Date{2024, 3, 5, 9, 5, 7, true}), "2024-03-05T09:05:07Z");
}

TEST(FromTimeT, Epoch) {
    const Date d = from_time_t(0);
    EXPECT_TRUE(d.has_time);
    EXPECT_EQ(to_iso(d), "1970-01-01T00:00:00Z");
}

TEST(FromTimeT, KnownInstant) {
    const Date d = from_time_t(1709631000);
    EXPECT_EQ(to_iso(d), "2024-03-05T09:30:00Z");
    EXPECT_EQ(parse_date("2024-03-05T09:30:00Z"), d);
}

TEST(FromTimeT, LeapDay) {
    EXPECT_EQ(to_iso(from_time_t(1709164800)), "2024-02-29T00:00:00Z");
}

}  // namespace
}  // namespace newsdex

namespace newsdex {

// The date slot's codec both ways, and the day count recency and date spans use.
TEST(DateSlotCodec, RoundTripsAndRejectsWhatIsNotADay) {
    const Date d{2024, 2, 29};
    EXPECT_EQ(to_yyyymmdd(d), "20240229");
    const auto back = from_yyyymmdd("20240229");
    ASSERT_TRUE(back);
    EXPECT_EQ(back->year, 2024);
    EXPECT_EQ(back->month, 2);
    EXPECT_EQ(back->day, 29);
    EXPECT_FALSE(back->has_time);
    for (const char* bad : {"20230229", "2024022", "202402290", "2024-02-", "", "2024ab01", "20241301"})
        EXPECT_FALSE(from_yyyymmdd(bad)) << bad;
    EXPECT_EQ(yyyymmdd_year("20240229"), "2024");
    EXPECT_EQ(yyyymmdd_month("20240229"), "202402");
}

TEST(DateSlotCodec, DaysSinceEpoch) {
    EXPECT_EQ(days_since_epoch(Date{1970, 1, 1}), 0);
    EXPECT_EQ(days_since_epoch(Date{1970, 1, 2}), 1);
    EXPECT_EQ(days_since_epoch(Date{1969, 12, 31}), -1);
    EXPECT_EQ(days_since_epoch(Date{2024, 3, 1}) - days_since_epoch(Date{2024, 2, 28}), 2);  // leap day
    EXPECT_EQ(days_since_epoch(Date{2000, 1, 1}), 10957);
}

}  // namespace newsdex
