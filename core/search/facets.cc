#include "core/search/facets.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/schema.h"
#include "core/text/date.h"

namespace newsdex {

namespace {

struct FacetInfo {
    FacetKind kind;
    std::string_view name;
};

constexpr std::array<FacetInfo, 5> kFacets{{
    {FacetKind::Author, "author"},
    {FacetKind::Source, "source"},
    {FacetKind::Year, "year"},
    {FacetKind::Month, "month"},
    {FacetKind::Language, "lang"},
}};

bool chronological(FacetKind kind) { return kind == FacetKind::Year || kind == FacetKind::Month; }

}  // namespace

std::optional<FacetKind> parse_facet(std::string_view name) {
    if (name == "language") return FacetKind::Language;
    for (const auto& f : kFacets)
        if (f.name == name) return f.kind;
    return std::nullopt;
}

std::string_view facet_name(FacetKind kind) {
    for (const auto& f : kFacets)
        if (f.kind == kind) return f.name;
    return {};
}

std::string facet_names() {
    std::string out;
    for (const auto& f : kFacets) out += (out.empty() ? "" : ", ") + std::string(f.name);
    return out;
}

namespace {

Xapian::valueno slot_of(FacetKind kind) {
    switch (kind) {
        case FacetKind::Author: return schema::kSlotAuthorList;
        case FacetKind::Source: return schema::kSlotSource;
        case FacetKind::Year:
        case FacetKind::Month: return schema::kSlotDate;
        case FacetKind::Language: return schema::kSlotLanguage;
    }
    return schema::kSlotSource;
}

}  // namespace

FacetCounter::FacetCounter(FacetKind kind) : Xapian::ValueCountMatchSpy(slot_of(kind)), kind_(kind) {}

Facet FacetCounter::result(std::size_t limit) const {
    std::map<std::string, Xapian::doccount> counts;
    for (auto it = values_begin(); it != values_end(); ++it) {
        const std::string value = *it;
        const Xapian::doccount count = it.get_termfreq();
        switch (kind_) {
            case FacetKind::Author: {
                std::size_t start = 0;
                while (start < value.size()) {
                    auto end = value.find(schema::kAuthorListSeparator, start);
                    if (end == std::string::npos) end = value.size();
                    if (end > start) counts[value.substr(start, end - start)] += count;
                    start = end + 1;
                }
                break;
            }
            case FacetKind::Year:
            case FacetKind::Month:
                if (value.size() != 8) break;  // YYYYMMDD
                {
                    const std::string year(yyyymmdd_year(value));
                    counts[kind_ == FacetKind::Year ? year : year + "-" + std::string(yyyymmdd_month(value).substr(4))] +=
                        count;
                }
                break;
            case FacetKind::Source:
            case FacetKind::Language:
                if (!value.empty()) counts[value] += count;
                break;
        }
    }
    Facet facet;
    facet.kind = kind_;
    facet.distinct = counts.size();
    for (const auto& [value, count] : counts) facet.values.push_back({value, count});
    if (chronological(kind_)) {
        std::reverse(facet.values.begin(), facet.values.end());  // newest first
    } else {
        std::stable_sort(facet.values.begin(), facet.values.end(),
                         [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    }
    if (limit > 0 && facet.values.size() > limit) facet.values.resize(limit);
    return facet;
}

}  // namespace newsdex
