/** @file @brief "Did you mean": query words the index does not hold, replaced by the
 *  nearest words of the spelling dictionary the indexer records. */
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

/// The query with each word that matches nothing (neither as written nor by its stem)
/// replaced by the spelling dictionary's nearest word, capitalised as the user wrote it
/// (`Pistorus` -> `Pistorius`); "" when no word needs correcting or none has a suggestion.
/// Checks plain words and words in phrases; leaves field values, operators, wildcards and
/// words with digits alone.
///
/// Xapian serves no spelling dictionary over remote databases; with `from_index_words`
/// the suggestion comes instead from the words the index holds (term_spelling.h): slower,
/// so only for databases with remote parts.
std::string spelling_suggestion(std::string_view query, const Xapian::Database& db, const Xapian::Stem& stemmer,
                                bool from_index_words = false);

}  // namespace newsdex
