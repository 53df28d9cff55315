#include "core/recency.h"

#include <chrono>
#include <cmath>
#include <optional>

#include "core/schema.h"

namespace newsdex {

namespace {

/// Days since 1970-01-01 of a date slot value "YYYYMMDD"; nullopt for anything else.
std::optional<long long> days_of(const std::string& ymd) {
    if (ymd.size() != 8 || ymd.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
    const int y = std::stoi(ymd.substr(0, 4));
    const auto m = static_cast<unsigned>(std::stoi(ymd.substr(4, 2)));
    const auto d = static_cast<unsigned>(std::stoi(ymd.substr(6, 2)));
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!date.ok()) return std::nullopt;
    return std::chrono::sys_days{date}.time_since_epoch().count();
}

long long days_of(const Date& date) {
    const std::chrono::year_month_day ymd{std::chrono::year{date.year},
                                          std::chrono::month{static_cast<unsigned>(date.month)},
                                          std::chrono::day{static_cast<unsigned>(date.day)}};
    return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

/// What an article from today gets, relative to the best relevance score: enough that a
/// fresh article beats an older one unless the older is clearly more relevant.
constexpr double kBonusShare = 0.5;

}  // namespace

RecencyBonus::RecencyBonus(const Date& today, double half_life_days, double max_bonus)
    : RecencyBonus(days_of(today), half_life_days, max_bonus) {}

RecencyBonus::RecencyBonus(long long today_days, double half_life_days, double max_bonus)
    : Xapian::ValuePostingSource(schema::kSlotDate),
      today_days_(today_days),
      half_life_days_(half_life_days),
      max_bonus_(max_bonus) {}

void RecencyBonus::init(const Xapian::Database& database) {
    Xapian::ValuePostingSource::init(database);
    set_maxweight(max_bonus_);
}

double RecencyBonus::get_weight() const {
    const auto day = days_of(get_value());
    if (!day) return 0.0;
    const double age = static_cast<double>(std::max(0LL, today_days_ - *day));
    return max_bonus_ * std::exp2(-age / half_life_days_);
}

RecencyBonus* RecencyBonus::clone() const {
    return new RecencyBonus(today_days_, half_life_days_, max_bonus_);
}

Xapian::Query with_recency_bonus(const Xapian::Query& query, const Date& today, double half_life_days,
                                 double best_weight) {
    if (!(best_weight > 0)) return query;  // nothing ranks by relevance (a pure filter): nothing to boost
    auto* bonus = new RecencyBonus(today, half_life_days, kBonusShare * best_weight);
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(bonus->release()));
}

}  // namespace newsdex
