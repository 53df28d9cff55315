/** @file @brief Date filters as users write them (`date:2024-03`, `date:2024..`,
 *  `--since 7d`), validated, and the Xapian query that applies them to the date slot. */
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "core/text/date.h"

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

/// Articles dated within the range (undated articles never match), by the date slot;
/// Query::MatchAll for a range open at both ends.
Xapian::Query day_range_query(const DayRange& range);

/// The same articles, by whichever of two equal queries reads less of `db`. A slot range
/// reads the date of every article (30 ms at a million articles), so a range covering at
/// most a quarter of the days between `db`'s oldest and newest article is asked instead
/// as the D/M/Y terms that cover it exactly (`date:1987` is the one term Y1987: 5x faster
/// there); wider ranges, where the union of many long term lists costs more, keep the
/// slot. Both forms weigh nothing and both work on remote databases.
Xapian::Query day_range_query(const DayRange& range, const Xapian::Database& db);

/// The fewest D (day), M (month) and Y (year) terms whose days are exactly from..to
/// ("YYYYMMDD" each, valid days, from <= to): whole years, then whole months, then days.
/// Empty when more than `limit` terms would be needed.
std::vector<std::string> day_range_terms(std::string_view from, std::string_view to, std::size_t limit);

/// Today's date on this computer's clock, in its time zone.
Date today_local();

}  // namespace newsdex
