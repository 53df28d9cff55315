#include "core/search/recency.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/schema.h"

namespace newsdex {

namespace {

/// What an article from today gets, relative to the best relevance score: enough that a
/// fresh article beats an older one unless the older is clearly more relevant.
constexpr double kBonusShare = 0.5;

}  // namespace

double recency_bonus(const std::string& ymd, const Date& today, double half_life_days, double max_bonus) {
    const auto day = from_yyyymmdd(ymd);
    if (!day) return 0.0;
    const double age = static_cast<double>(std::max(0LL, days_since_epoch(today) - days_since_epoch(*day)));
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
