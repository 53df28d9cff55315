#include "core/search/tie_break.h"

#include <algorithm>
#include <map>

#include "core/schema.h"

namespace newsdex {

namespace {

/// Scale of the tie-break weight: far below any difference between real weights, far
/// above double rounding at their size.
constexpr double kTieBreakScale = 1e-9;

double tie_value(const Xapian::Document& doc) {
    const std::string value = doc.get_value(schema::kSlotTieBreak);
    return value.empty() ? 0.0 : Xapian::sortable_unserialise(value);
}

}  // namespace

Xapian::Query with_tie_break(const Xapian::Query& query) {
    if (query.empty()) return query;
    const Xapian::Query tie((new Xapian::ValueWeightPostingSource(schema::kSlotTieBreak))->release());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, tie, kTieBreakScale));
}

bool tie_at_page_edge(const Xapian::MSet& mset, Xapian::doccount from, Xapian::doccount until) {
    until = std::min(until, mset.size());
    if (from >= until) return false;
    if (from > 0 && mset[from - 1].get_weight() == mset[from].get_weight()) return true;
    return until < mset.size() && mset[until - 1].get_weight() == mset[until].get_weight();
}

std::vector<PageHit> page_hits(const Xapian::MSet& mset, Xapian::doccount from, Xapian::doccount until,
                               const Xapian::Database& db, bool every_group) {
    std::vector<PageHit> page;
    until = std::min(until, mset.size());
    for (Xapian::doccount i = from; i < until; ++i) {
        const Xapian::MSetIterator it = mset[i];
        PageHit hit{it.get_document(), it.get_weight(), it.get_collapse_key(), false, 0};
        // Not even a zero collapse count can be trusted: whether the matcher meets a hidden
        // member depends on docids (which differ between one database and shards); only
        // the group's size can tell there is nothing hidden.
        if (!hit.group.empty())
            hit.group_may_hide = every_group || it.get_collapse_count() > 0 ||
                                 db.get_termfreq(schema::dup_group_term(hit.group)) > 1;
        page.push_back(std::move(hit));
    }
    return page;
}

void settle_groups(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weighting,
                   bool represent, std::vector<PageHit>& page) {
    std::vector<Xapian::Query> groups;
    for (const auto& hit : page)
        if (hit.group_may_hide) groups.emplace_back(schema::dup_group_term(hit.group));
    if (groups.empty()) return;
    // The page's groups' matching articles: the spy counts them by group; collapsing on
    // the group, ranked with the tie-break, leaves each group's representative.
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, represent ? with_tie_break(query) : query,
                                    Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end())));
    if (represent) {
        enquire.set_weighting_scheme(weighting);
        enquire.set_collapse_key(schema::kSlotDupGroup);
    } else {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    Xapian::ValueCountMatchSpy members(schema::kSlotDupGroup);
    enquire.add_matchspy(&members);
    const Xapian::MSet found =
        enquire.get_mset(0, represent ? static_cast<Xapian::doccount>(groups.size()) : 0, db.get_doccount());
    std::map<std::string, Xapian::doccount> count_of;
    for (auto it = members.values_begin(); it != members.values_end(); ++it) count_of[*it] = it.get_termfreq();
    std::map<std::string, Xapian::Document> first_of;
    for (auto it = found.begin(); it != found.end(); ++it) first_of.emplace(it.get_collapse_key(), it.get_document());
    for (auto& hit : page) {
        if (!hit.group_may_hide) continue;
        if (const auto c = count_of.find(hit.group); c != count_of.end() && c->second > 0) hit.similar = c->second - 1;
        if (const auto f = first_of.find(hit.group); f != first_of.end()) hit.document = f->second;
    }
}

void order_ties(std::vector<PageHit>& page) {
    bool any = false;
    for (std::size_t i = 1; i < page.size() && !any; ++i) any = page[i].weight == page[i - 1].weight;
    if (!any) return;
    std::vector<std::pair<PageHit, double>> keyed;
    keyed.reserve(page.size());
    for (auto& hit : page) {
        const double tie = tie_value(hit.document);
        keyed.emplace_back(std::move(hit), tie);
    }
    // Weights are already descending: only runs of equal weight move.
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
        return a.first.weight != b.first.weight ? a.first.weight > b.first.weight : a.second > b.second;
    });
    for (std::size_t i = 0; i < page.size(); ++i) page[i] = std::move(keyed[i].first);
}

}  // namespace newsdex
