/** @file @brief Finds the duplicate group an incoming article belongs to, among the
 *  articles already in the database, through the signature bands (schema.h: XMH terms)
 *  and a comparison of the candidates' signatures (slot kSlotDupSignature). */
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "core/index/dup_signature.h"

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

/// The duplicate candidates a sharded writer has sent to its shards but not committed
/// yet, so not visible through the committed view it searches: articles of the current
/// batch, and committed articles the batch replaced, deleted or moved to another group.
/// Cleared after each commit, so it holds at most one batch.
class PendingDuplicates {
  public:
    struct Entry {
        std::string id_term;
        DupSignature signature;
        std::string group;
    };
    void add(std::string id_term, const DupSignature& signature, const std::string& group);
    /// A committed document replaced or deleted in this batch: no longer a candidate.
    void shadow(Xapian::docid did) { shadowed_.insert(did); }
    bool shadowed(Xapian::docid did) const { return shadowed_.count(did) > 0; }
    /// A committed document moved to `group` in this batch.
    void regroup_committed(Xapian::docid did, const std::string& group) { regrouped_[did] = group; }
    /// The group of committed document `did` if this batch moved it, else nullptr.
    const std::string* committed_group(Xapian::docid did) const;
    /// Moves the batch's members of group `from` into `into`; returns their id terms.
    std::vector<std::string> regroup(const std::string& from, const std::string& into);
    /// Batch entries (indexes) carrying signature band `key`, or nullptr.
    const std::vector<std::size_t>* band(const std::string& key) const;
    const Entry& entry(std::size_t i) const { return entries_[i]; }
    /// Batch members of `group`.
    Xapian::doccount group_size(const std::string& group) const;
    void clear();

  private:
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::vector<std::size_t>> bands_;
    std::unordered_map<std::string, Xapian::doccount> groups_;
    std::unordered_set<Xapian::docid> shadowed_;
    std::unordered_map<Xapian::docid, std::string> regrouped_;
};

/// At most this many articles are compared per band, so a band shared by thousands of
/// articles (boilerplate) cannot make indexing quadratic.
inline constexpr Xapian::doccount kMaxCandidatesPerBand = 64;

/// The best match for `signature` in `db`, ignoring the document `self` (the article's
/// own earlier version, 0 for none). A new group key is derived from id and body hash.
/// Of several matching groups, `group` is the largest (fewest articles to re-key).
/// `pending`, when given, adds the uncommitted candidates of a sharded writer.
DuplicateMatch find_duplicate(const Xapian::Database& db, const DupSignature& signature, const std::string& id,
                              Xapian::docid self, const PendingDuplicates* pending = nullptr);

}  // namespace newsdex
