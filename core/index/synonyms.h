/** @file @brief The user-editable synonym file (`USA = United States = US`) and how its
 *  groups become Xapian synonyms, which the searcher expands for `~word` or always. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace newsdex {

/// One line of the file: entries meaning the same, each as its lower-cased words.
struct SynonymGroup {
    std::vector<std::vector<std::string>> entries;
    std::size_t line = 0;
};

/// Parses synonym-file text: one group per line, entries separated by `=`; `#` starts a
/// comment; blank lines are skipped. Throws Error(Usage) "<name>:<line>: <problem>" for a
/// line with fewer than two entries or an entry without words.
std::vector<SynonymGroup> parse_synonyms(std::string_view text, const std::string& name);

/// Reads and parses the file at path. Throws Error(Usage) when it cannot be read or parsed.
std::vector<SynonymGroup> read_synonym_file(const std::string& path);

/// Replaces all of db's synonyms with the groups' (not committed). Within a group, every
/// entry is a key (one word: the word and its Z-stem; several words: the words joined by a
/// space, which the query parser finds among a query's words) and expands to each other
/// entry of one word, as its Z-stem so inflections match. Xapian 1.4 synonyms are single
/// terms, so no entry expands to an entry of several words. Returns the number of keys.
std::size_t store_synonyms(Xapian::WritableDatabase& db, const std::vector<SynonymGroup>& groups,
                           const Xapian::Stem& stemmer);

}  // namespace newsdex
