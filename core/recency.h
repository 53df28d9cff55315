/** @file @brief `--sort recent`: relevance plus a bonus for newer articles that halves with
 *  every half-life of age, added by Xapian while it ranks, so the whole ranking sees it. */
#pragma once

#include <string>

#include <xapian.h>

#include "core/date.h"

namespace newsdex {

/// Weights each dated article with max_bonus * 0.5^(age / half_life_days), its age counted
/// in days before `today` (articles dated later than today count as today's). Combine it
/// with a query by OP_AND_MAYBE so that it ranks without restricting. Local databases
/// only: Xapian's remote servers do not know this class.
class RecencyBonus : public Xapian::ValuePostingSource {
  public:
    RecencyBonus(const Date& today, double half_life_days, double max_bonus);

    double get_weight() const override;
    RecencyBonus* clone() const override;
    std::string name() const override { return "newsdex.RecencyBonus"; }
    void init(const Xapian::Database& database) override;

  private:
    RecencyBonus(long long today_days, double half_life_days, double max_bonus);

    long long today_days_;
    double half_life_days_;
    double max_bonus_;
};

/// query ranked by relevance plus RecencyBonus, whose bonus for an article from today is
/// half of best_weight (the top relevance score of query alone).
Xapian::Query with_recency_bonus(const Xapian::Query& query, const Date& today, double half_life_days,
                                 double best_weight);

}  // namespace newsdex
