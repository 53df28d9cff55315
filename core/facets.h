/** @file @brief Facets: how many matching articles each author, source, year, month or
 *  language has, counted over the whole match set (not just the page shown). */
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

enum class FacetKind { Author, Source, Year, Month, Language };

/// "author" -> Author, ...; nullopt for other names.
std::optional<FacetKind> parse_facet(std::string_view name);
std::string_view facet_name(FacetKind kind);
/// "author, source, year, month, lang", for messages.
std::string facet_names();

struct FacetValue {
    std::string value;  ///< "Kate Connolly", "2024", "2024-03", "en"
    Xapian::doccount count = 0;
    bool operator==(const FacetValue&) const = default;
};

struct Facet {
    FacetKind kind = FacetKind::Author;
    std::vector<FacetValue> values;  ///< the first `limit`, most frequent first (years and months: newest first)
    std::size_t distinct = 0;        ///< how many different values there were in all
};

/// Counts one facet over every document the matcher hands it. An article with several
/// authors counts once for each; articles without the value are not counted. Counts are
/// exact only when the matcher looks at every match: pass checkatleast = the database's
/// document count to Enquire::get_mset.
class FacetCounter : public Xapian::MatchSpy {
  public:
    explicit FacetCounter(FacetKind kind) : kind_(kind) {}

    void operator()(const Xapian::Document& doc, double weight) override;
    Xapian::MatchSpy* clone() const override { return new FacetCounter(kind_); }
    std::string name() const override { return "newsdex.FacetCounter"; }

    FacetKind kind() const { return kind_; }
    /// The counts so far, ordered, at most `limit` values (0: all).
    Facet result(std::size_t limit) const;

  private:
    FacetKind kind_;
    std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace newsdex
