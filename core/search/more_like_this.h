/** @file @brief More like this: a query made of an article's own most significant terms
 *  (Xapian's ESet for that article), which finds articles on the same subject. */
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <xapian.h>

namespace newsdex {

struct LikeQuery {
    std::string id;                  ///< the article's id, as found
    Xapian::Query query;             ///< its terms OR-ed, the article itself excluded
    std::vector<std::string> words;  ///< those terms as words (stems), most significant first
};

/// The article `id_or_path` names: an id as stored (`--ids` prints them) or the path of an
/// indexed file, made canonical as the indexer does. Picks up to `max_terms` of its body and
/// title stems by Xapian's expand weight, leaving out stop words, numbers, and id, field
/// and filter terms. Throws Error(Usage) when no such article is indexed.
LikeQuery more_like_this(const Xapian::Database& db, const std::string& id_or_path, const Xapian::Stem& stemmer,
                         std::size_t max_terms = 20);

}  // namespace newsdex
