#include "core/facets.h"

#include <algorithm>
#include <array>

#include "core/schema.h"

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

void FacetCounter::operator()(const Xapian::Document& doc, double) {
    switch (kind_) {
        case FacetKind::Author: {
            const std::string list = doc.get_value(schema::kSlotAuthorList);
            std::size_t start = 0;
            while (start < list.size()) {
                auto end = list.find(schema::kAuthorListSeparator, start);
                if (end == std::string::npos) end = list.size();
                if (end > start) ++counts_[list.substr(start, end - start)];
                start = end + 1;
            }
            break;
        }
        case FacetKind::Source:
            if (auto source = doc.get_value(schema::kSlotSource); !source.empty()) ++counts_[source];
            break;
        case FacetKind::Year:
        case FacetKind::Month: {
            const std::string day = doc.get_value(schema::kSlotDate);  // YYYYMMDD
            if (day.size() != 8) break;
            ++counts_[kind_ == FacetKind::Year ? day.substr(0, 4) : day.substr(0, 4) + "-" + day.substr(4, 2)];
            break;
        }
        case FacetKind::Language:
            if (auto code = doc.get_value(schema::kSlotLanguage); !code.empty()) ++counts_[code];
            break;
    }
}

Facet FacetCounter::result(std::size_t limit) const {
    Facet facet;
    facet.kind = kind_;
    facet.distinct = counts_.size();
    for (const auto& [value, count] : counts_) facet.values.push_back({value, count});
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
