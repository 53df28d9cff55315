/** @file @brief "Did you mean": query words the index does not hold, replaced by the
 *  nearest words of the spelling dictionary the indexer records. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// The query with each word that matches nothing (neither as written nor by its stem)
/// (by its stem in any of `stemmers`, the languages the articles were stemmed in)
/// replaced by the spelling dictionary's nearest word, capitalised as the user wrote it
/// (`Pistorus` -> `Pistorius`); "" when no word needs correcting or none has a suggestion.
/// Checks plain words and words in phrases; leaves field values, operators, wildcards and
/// words with digits alone.
///
/// Xapian serves no spelling dictionary over remote databases; with `from_index_words`
/// the suggestion comes instead from the words the index holds (term_spelling.h): slower,
/// so only for databases with remote parts.
/// Words shorter than this are never corrected without asking: one edit makes most of
/// them another word (Kyiv -> Kyv).
inline constexpr std::size_t kMinCorrectedLetters = 5;
/// Fewest articles that must hold a correction searched without asking: a word held by
/// one or two is no likelier than the word typed (covid -> covia).
inline constexpr Xapian::doccount kMinCorrectionArticles = 3;

struct SpellingSuggestion {
    std::string text;  ///< the query with its words corrected; "" when none needs it
    /// Every correction is a far likelier word than the one typed (spelling.cc,
    /// plausible_typo): it may be searched instead, saying so. Otherwise it is only
    /// suggested, and a name the index lacks (Brexit, Covid, iPhone) stays as typed.
    bool searchable = true;
    /// The only change is a capitalised word lower-cased (`Ukrain` -> `ukrain`): no
    /// article holds it as written, some hold its stem.
    bool case_only = true;
};

/// spelling_suggestion() and whether it may be searched without asking.
SpellingSuggestion suggest_spelling(std::string_view query, const Xapian::Database& db,
                                    const std::vector<Xapian::Stem>& stemmers, bool from_index_words = false);

std::string spelling_suggestion(std::string_view query, const Xapian::Database& db,
                                const std::vector<Xapian::Stem>& stemmers, bool from_index_words = false);

}  // namespace newsdex
