/** @file @brief Spelling suggestions from the index's own words, for databases whose
 *  spelling dictionary Xapian cannot read (remote ones: xapian-tcpsrv serves none). */
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace newsdex {

/// Edits (insertions, deletions, substitutions, swaps of neighbours) between two UTF-8
/// words, counted in characters; any value above `limit` is returned as limit + 1.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

/// The indexed word nearest to lower-case `word` within `max_edits` edits that starts
/// with the same character (so the scan reads one letter's words, not the whole
/// vocabulary): fewest edits first, then the word most articles hold. "" when none.
std::string nearest_indexed_word(const Xapian::Database& db, const std::string& word, unsigned max_edits);

}  // namespace newsdex
