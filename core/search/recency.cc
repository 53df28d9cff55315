#include "core/search/recency.h"

#include <algorithm>
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

double recency_bonus(const std::string& ymd, const Date& today, double half_life_days, double max_bonus) {
    const auto day = days_of(ymd);
    if (!day) return 0.0;
    const double age = static_cast<double>(std::max(0LL, days_of(today) - *day));
    return max_bonus * std::exp2(-age / half_life_days);
}

Xapian::Query with_recency_bonus(const Xapian::Query& query, const Xapian::Database& db, const Date& today,
                                 double half_life_days, double best_weight) {
    if (!(best_weight > 0)) return query;
    const double max_bonus = kBonusShare * best_weight;
    auto* bonus = new Xapian::ValueMapPostingSource(schema::kSlotDate);
    bonus->set_default_weight(0.0);
    const std::string prefix(schema::kPrefixDay);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string ymd = (*it).substr(prefix.size());
        if (const double weight = recency_bonus(ymd, today, half_life_days, max_bonus); weight > 0)
            bonus->add_mapping(ymd, weight);
    }
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(bonus->release()));
}

}  // namespace newsdex
