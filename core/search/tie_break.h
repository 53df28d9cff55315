/** @file @brief Hits of equal relevance in the same order, and duplicate groups shown by
 *  the same article, whether the articles sit in one database or in shards.
 *
 *  Xapian breaks ties by docid, and docids differ between one database and its shards.
 *  Newsdex breaks them by a hash of the article id (value slot kSlotTieBreak) instead. A
 *  second ranking with that hash added as a tiny weight does it in general, but costs as
 *  much as the first; most pages need far less: equal weights inside the page are put in
 *  hash order there, and the groups on the page get their representatives from the query
 *  that counts their hidden members anyway. Only a tie across the page's edge (the next
 *  article weighs the same as the last one shown), or remote shards (whose MSets say
 *  nothing of collapsed members), need the second ranking. */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// `query` with a tiny weight from kSlotTieBreak added: hits of equal relevance are then
/// ordered (and duplicate groups represented) by a hash of their ids rather than by
/// docid. It changes no match (an article without the value, indexed before it existed,
/// adds 0), but it makes Xapian's estimated totals worse: take totals from the query
/// without it.
Xapian::Query with_tie_break(const Xapian::Query& query);

/// Whether the ranking [from, until) of `mset` (fetched with at least one item past
/// `until` when there is one) could change at its edges if ties were broken by the hash:
/// an equal weight just before `from` or just after `until - 1`.
bool tie_at_page_edge(const Xapian::MSet& mset, Xapian::doccount from, Xapian::doccount until);

/// A hit of a page being settled.
struct PageHit {
    Xapian::Document document;
    double weight = 0;
    std::string group;            ///< duplicate group (collapse key); "" for none
    bool group_may_hide = false;  ///< its group may have other matching members
    Xapian::doccount similar = 0; ///< matching members hidden by collapsing (set by settle_groups)
};

/// mset items [from, until) as page hits; a group may hide members when Xapian folded
/// some, when it has several members at all, or whenever `every_group` (remote MSets
/// carry no collapse counts).
std::vector<PageHit> page_hits(const Xapian::MSet& mset, Xapian::doccount from, Xapian::doccount until,
                               const Xapian::Database& db, bool every_group);

/// For each page hit whose group may hide members: counts the group's other articles that
/// match `query` (Xapian's collapse count is only a lower bound) and, when `represent`,
/// shows the member that the hash-broken ranking of `query` under `weighting` puts first
/// (same weight as the one shown, possibly another article). One query for the page.
void settle_groups(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weighting,
                   bool represent, std::vector<PageHit>& page);

/// Puts hits of equal weight in hash order (highest kSlotTieBreak value first), as the
/// ranking of with_tie_break() would; hits of different weights keep their order.
void order_ties(std::vector<PageHit>& page);

}  // namespace newsdex
