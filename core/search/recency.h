/** @file @brief `--sort recent`: relevance plus a bonus for newer articles that halves with
 *  every half-life of age, added by Xapian while it ranks, so the whole ranking sees it. */
#pragma once

#include <string>

#include <xapian.h>

#include "core/text/date.h"

namespace newsdex {

/// The bonus of an article dated `ymd` (YYYYMMDD): max_bonus * 0.5^(age / half_life_days),
/// its age counted in days before `today` (later dates count as today's); 0 for a value
/// that is not a date.
double recency_bonus(const std::string& ymd, const Date& today, double half_life_days, double max_bonus);

/// query ranked by relevance plus recency_bonus(), whose bonus for an article from today
/// is half of best_weight (the top relevance score of query alone); query itself when
/// best_weight is 0 (a pure filter: nothing to boost).
///
/// The bonus is Xapian's own ValueMapPostingSource over the date slot, mapping each day
/// the database holds (its D terms) to its bonus: a posting source of our own would be
/// unknown to xapian-tcpsrv, which ranks remote databases with the stock ones.
Xapian::Query with_recency_bonus(const Xapian::Query& query, const Xapian::Database& db, const Date& today,
                                 double half_life_days, double best_weight);

}  // namespace newsdex
