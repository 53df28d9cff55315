/** @file @brief Date filters as users write them (`date:2024-03`, `date:2024..`,
 *  `--since 7d`), validated, and the Xapian query that applies them to the date slot. */
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <xapian.h>

#include "core/date.h"

namespace newsdex {

/// Text that is not a date a filter accepts; what() says why, naming the text.
class DateSpecError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// A span of whole days as "YYYYMMDD" (the date slot's form); an empty end is open.
struct DayRange {
    std::string from;
    std::string to;
    bool operator==(const DayRange&) const = default;
};

/// Which day of a period a bound means: `2024` starts on 2024-01-01 and ends on 2024-12-31.
enum class Bound { First, Last };

/// One day as users write it, validated: YYYY, YYYY-MM, YYYY-MM-DD (month and day may
/// have one digit), YYYYMMDD; `today`, `yesterday`; or an age such as 7d, 2w, 3m, 1y
/// (days, weeks, months, years before `today`). Returns "YYYYMMDD".
/// Throws DateSpecError ("2024-13-45 is not a date: there is no month 13").
std::string day_bound(std::string_view text, Bound bound, const Date& today);

/// A `date:` value: one period (`2024`, `2024-03`, `2024-03-05`, `7d`) or a range of two
/// with either end left open (`2024-02..2024-04`, `..2024-03-31`, `2024..`).
/// Throws DateSpecError, also for `..` alone and for ranges that end before they start.
DayRange parse_day_range(std::string_view text, const Date& today);

/// The days both ranges hold (open ends count as unbounded). Its from may exceed its
/// to: such a range matches nothing.
DayRange intersect(const DayRange& a, const DayRange& b);

/// Articles dated within the range (undated articles never match);
/// Query::MatchAll for a range open at both ends.
Xapian::Query day_range_query(const DayRange& range);

/// Today's date on this computer's clock, in its time zone.
Date today_local();

}  // namespace newsdex
