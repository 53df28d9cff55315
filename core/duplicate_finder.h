/** @file @brief Finds the duplicate group an incoming article belongs to, among the
 *  articles already in the database, through the signature bands (schema.h: XMH terms)
 *  and a comparison of the candidates' signatures (slot kSlotDupSignature). */
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

#include "core/dup_signature.h"

namespace newsdex {

struct DuplicateMatch {
    DupKind kind = DupKind::None;
    std::string group;        ///< the group to join; a new group of its own when kind is None
    Xapian::docid other = 0;  ///< the most similar article found (kind != None)
    double similarity = 0.0;
    /// Other groups holding a duplicate of this article: it bridges them, so they are
    /// one group now (the writer merges them into `group`).
    std::vector<std::string> also;
};

/// At most this many articles are compared per band, so a band shared by thousands of
/// articles (boilerplate) cannot make indexing quadratic.
inline constexpr Xapian::doccount kMaxCandidatesPerBand = 64;

/// The best match for `signature` in `db`, ignoring the document `self` (the article's
/// own earlier version, 0 for none). A new group key is derived from id and body hash.
/// Of several matching groups, `group` is the largest (fewest articles to re-key).
DuplicateMatch find_duplicate(const Xapian::Database& db, const DupSignature& signature, const std::string& id,
                              Xapian::docid self);

}  // namespace newsdex
