/** @file @brief Facets: how many matching articles each author, source, year, month or
 *  language has, counted over the whole match set (not just the page shown). */
#pragma once

#include <cstddef>
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
///
/// It is Xapian's own ValueCountMatchSpy on the facet's value slot, read out by facet:
/// author lists split into authors, dates folded into years or months. A spy of our own
/// would be unknown to xapian-tcpsrv, which runs the stock spies on remote databases and
/// sends their counts back.
class FacetCounter : public Xapian::ValueCountMatchSpy {
  public:
    explicit FacetCounter(FacetKind kind);

    FacetKind kind() const { return kind_; }
    /// The counts so far, ordered, at most `limit` values (0: all).
    Facet result(std::size_t limit) const;

  private:
    FacetKind kind_;
};

}  // namespace newsdex
