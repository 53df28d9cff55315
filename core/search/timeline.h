/** @file @brief The timeline of a search: how many matching articles were dated in each
 *  day, month or year, over the whole match set, oldest period first. */
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

enum class TimelineUnit { Day, Month, Year };

/// "day", "month", "year" -> the unit; nullopt for other names.
std::optional<TimelineUnit> parse_timeline_unit(std::string_view name);
std::string_view timeline_unit_name(TimelineUnit unit);

struct TimelineBar {
    std::string period;  ///< "2024-03-05", "2024-03" or "2024": usable as --since/--until
    Xapian::doccount count = 0;
    bool operator==(const TimelineBar&) const = default;
};

struct Timeline {
    TimelineUnit unit = TimelineUnit::Month;
    /// Every period from the oldest dated match's to the newest's, empty ones included
    /// (count 0), so that a chart's gaps are real; empty when no match is dated.
    std::vector<TimelineBar> bars;
    Xapian::doccount undated = 0;  ///< matches without a date, in no bar
};

/// The unit that fits a span: days for up to 92 days, years past 15 years, else months.
TimelineUnit timeline_unit_for(std::string_view oldest_yyyymmdd, std::string_view newest_yyyymmdd);

/// Counts matches by the date slot: Xapian's own ValueCountMatchSpy (so remote databases
/// count too, as for facets), read out by period. Exact when the matcher looks at every
/// match (checkatleast = the document count).
class TimelineCounter : public Xapian::ValueCountMatchSpy {
  public:
    TimelineCounter();
    /// The counts in `unit`, or in the unit that fits the dated matches' span.
    Timeline result(std::optional<TimelineUnit> unit) const;
};

}  // namespace newsdex
