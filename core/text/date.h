/** @file @brief Parsing the dates news articles carry, and the forms the index stores. */
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

/// A calendar date, with a time of day when the source gave one; always normalised to UTC.
struct Date {
    int year = 0, month = 0, day = 0;  // month 1-12, day 1-31
    int hour = 0, minute = 0, second = 0;
    bool has_time = false;
    auto operator<=>(const Date&) const = default;
};

/// Parses the date formats found in news articles and feeds; nullopt when the text is not a valid date.
///
/// Accepted: ISO 8601 (`2024-03-05`, `2024-03-05T09:30:00.123+01:00`, space instead of `T`),
/// compact `20240305`, RFC 822/2822 (`Tue, 05 Mar 2024 09:30:00 +0100`, named US zones),
/// prose (`5th March 2024`, `Tuesday, March 5, 2024 9:30 pm`) and the partial forms
/// `March 2024`, `2024-03` and `2024`, which mean the first day of the period.
/// Zone offsets are applied, so the result is UTC; a time without a zone is taken as UTC.
/// Forms whose day/month order is unknowable (`05/03/2024`) are rejected rather than guessed.
std::optional<Date> parse_date(std::string_view text);

/// "2024-03-05", or "2024-03-05T09:30:00Z" when has_time.
std::string to_iso(const Date& d);

/// "20240305": the sortable form kept in the date value slot and D terms.
std::string to_yyyymmdd(const Date& d);

/// The date slot's codec, the other way: a "YYYYMMDD" value read back (no time); nullopt
/// when it is not 8 digits naming a real day.
std::optional<Date> from_yyyymmdd(std::string_view value);

/// "2024" and "202403": the year and the month of a "YYYYMMDD" value, as Y and M terms and
/// the year and month facets hold them.
inline std::string_view yyyymmdd_year(std::string_view value) { return value.substr(0, 4); }
inline std::string_view yyyymmdd_month(std::string_view value) { return value.substr(0, 6); }

/// Days from 1970-01-01 to the day of `d` (negative before it); `d` must be a valid date.
long long days_since_epoch(const Date& d);

/// The UTC calendar date (with time) of a POSIX timestamp.
/// Returns a default Date (year 0, which is_valid_date rejects) when the year does not fit an int.
Date from_time_t(std::time_t t);

/// True when year/month/day name a real day (leap years included), years 1000-9999.
bool is_valid_date(int year, int month, int day);

}  // namespace newsdex
