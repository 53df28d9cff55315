#include "core/search/timeline.h"

#include <chrono>
#include <map>

#include "core/schema.h"

namespace newsdex {

namespace {

std::chrono::year_month_day ymd_of(std::string_view yyyymmdd) {
    const auto number = [&](std::size_t pos, std::size_t len) {
        int n = 0;
        for (char c : yyyymmdd.substr(pos, len)) n = n * 10 + (c - '0');
        return n;
    };
    return std::chrono::year_month_day{std::chrono::year{number(0, 4)},
                                       std::chrono::month{static_cast<unsigned>(number(4, 2))},
                                       std::chrono::day{static_cast<unsigned>(number(6, 2))}};
}

std::chrono::sys_days day_of(std::string_view yyyymmdd) { return ymd_of(yyyymmdd); }

bool is_day(std::string_view value) {
    if (value.size() != 8) return false;
    for (char c : value)
        if (c < '0' || c > '9') return false;
    return ymd_of(value).ok();
}

std::string two(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string period_of(std::chrono::year_month_day d, TimelineUnit unit) {
    std::string out = std::to_string(static_cast<int>(d.year()));
    if (unit == TimelineUnit::Year) return out;
    out += "-" + two(static_cast<unsigned>(d.month()));
    if (unit == TimelineUnit::Month) return out;
    return out + "-" + two(static_cast<unsigned>(d.day()));
}

/// The first day of the period after the one `d` is in.
std::chrono::year_month_day next_period(std::chrono::year_month_day d, TimelineUnit unit) {
    using namespace std::chrono;
    switch (unit) {
        case TimelineUnit::Day: return year_month_day{sys_days{d} + days{1}};
        case TimelineUnit::Month: return year_month_day{d.year(), d.month(), day{1}} + months{1};
        case TimelineUnit::Year: return year_month_day{d.year() + years{1}, January, day{1}};
    }
    return d;
}

}  // namespace

std::optional<TimelineUnit> parse_timeline_unit(std::string_view name) {
    if (name == "day") return TimelineUnit::Day;
    if (name == "month") return TimelineUnit::Month;
    if (name == "year") return TimelineUnit::Year;
    return std::nullopt;
}

std::string_view timeline_unit_name(TimelineUnit unit) {
    switch (unit) {
        case TimelineUnit::Day: return "day";
        case TimelineUnit::Month: return "month";
        case TimelineUnit::Year: return "year";
    }
    return "";
}

TimelineUnit timeline_unit_for(std::string_view oldest, std::string_view newest) {
    const auto span = (day_of(newest) - day_of(oldest)).count();
    if (span <= 92) return TimelineUnit::Day;
    if (span > 15 * 366) return TimelineUnit::Year;
    return TimelineUnit::Month;
}

TimelineCounter::TimelineCounter() : Xapian::ValueCountMatchSpy(schema::kSlotDate) {}

Timeline TimelineCounter::result(std::optional<TimelineUnit> unit) const {
    std::map<std::string, Xapian::doccount> days;  // YYYYMMDD sorts chronologically
    Xapian::doccount dated = 0;
    for (auto it = values_begin(); it != values_end(); ++it) {
        const std::string value = *it;
        if (!is_day(value)) continue;
        days[value] += it.get_termfreq();
        dated += it.get_termfreq();
    }
    Timeline timeline;
    timeline.undated = static_cast<Xapian::doccount>(get_total()) - dated;
    if (days.empty()) {
        timeline.unit = unit.value_or(TimelineUnit::Month);
        return timeline;
    }
    timeline.unit = unit.value_or(timeline_unit_for(days.begin()->first, days.rbegin()->first));
    std::map<std::string, Xapian::doccount> counts;
    for (const auto& [day, count] : days) counts[period_of(day_of(day), timeline.unit)] += count;
    // Walk every period from the first to the last, so that empty ones get a bar of 0.
    const std::string last = counts.rbegin()->first;
    for (std::chrono::year_month_day d{day_of(days.begin()->first)};; d = next_period(d, timeline.unit)) {
        const std::string period = period_of(d, timeline.unit);
        const auto found = counts.find(period);
        timeline.bars.push_back({period, found == counts.end() ? 0 : found->second});
        if (period >= last) break;
    }
    return timeline;
}

}  // namespace newsdex
