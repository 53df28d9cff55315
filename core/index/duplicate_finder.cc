#include "core/index/duplicate_finder.h"

#include <cstdio>
#include <map>
#include <unordered_set>

#include "core/db/file_state.h"
#include "core/schema.h"

namespace newsdex {

namespace {

std::string new_group_key(const std::string& id, std::uint64_t body_hash) {
    // Id and body together: an article edited beyond recognition must not keep sharing
    // a key with the copies of its old text.
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash64(id, body_hash)));
    return buf;
}

}  // namespace

void PendingDuplicates::add(std::string id_term, const DupSignature& signature, const std::string& group) {
    const std::size_t i = entries_.size();
    for (const auto& key : signature.band_keys()) bands_[key].push_back(i);
    ++groups_[group];
    entries_.push_back({std::move(id_term), signature, group});
}

const std::string* PendingDuplicates::committed_group(Xapian::docid did) const {
    auto it = regrouped_.find(did);
    return it == regrouped_.end() ? nullptr : &it->second;
}

std::vector<std::string> PendingDuplicates::regroup(const std::string& from, const std::string& into) {
    std::vector<std::string> moved;
    for (auto& e : entries_)
        if (e.group == from) {
            e.group = into;
            moved.push_back(e.id_term);
        }
    if (!moved.empty()) {
        groups_.erase(from);
        groups_[into] += static_cast<Xapian::doccount>(moved.size());
    }
    return moved;
}

const std::vector<std::size_t>* PendingDuplicates::band(const std::string& key) const {
    auto it = bands_.find(key);
    return it == bands_.end() ? nullptr : &it->second;
}

Xapian::doccount PendingDuplicates::group_size(const std::string& group) const {
    auto it = groups_.find(group);
    return it == groups_.end() ? 0 : it->second;
}

void PendingDuplicates::clear() {
    entries_.clear();
    bands_.clear();
    groups_.clear();
    shadowed_.clear();
    regrouped_.clear();
}

DuplicateMatch find_duplicate(const Xapian::Database& db, const DupSignature& signature, const std::string& id,
                              Xapian::docid self, const PendingDuplicates* pending) {
    DuplicateMatch best;
    best.group = new_group_key(id, signature.body_hash);
    if (signature.empty()) return best;
    std::unordered_set<Xapian::docid> seen;
    std::unordered_set<std::size_t> seen_pending;
    std::map<std::string, Xapian::doccount> groups;  // matching group -> its size
    auto group_size = [&](const std::string& group) {
        Xapian::doccount n = db.get_termfreq(schema::dup_group_term(group));
        if (pending) n += pending->group_size(group);
        return n;
    };
    auto consider = [&](const DupSignature& other, const std::string& group, Xapian::docid did) {
        const DupKind kind = classify(signature, other);
        if (kind == DupKind::None || group.empty()) return;
        if (!groups.count(group)) groups[group] = group_size(group);
        const double similarity = likeness(signature, other);
        if (best.kind == DupKind::None || kind == DupKind::Exact || similarity > best.similarity) {
            if (best.kind == DupKind::Exact && kind != DupKind::Exact) return;
            best.kind = kind;
            best.other = did;
            best.similarity = similarity;
        }
    };
    for (const auto& key : signature.band_keys()) {
        const std::string term = std::string(schema::kPrefixDupBand) + key;
        Xapian::doccount looked = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && looked < kMaxCandidatesPerBand;
             ++it, ++looked) {
            const Xapian::docid did = *it;
            if (did == self || !seen.insert(did).second) continue;
            if (pending && pending->shadowed(did)) continue;
            const Xapian::Document doc = db.get_document(did, Xapian::DOC_ASSUME_VALID);
            const auto other = DupSignature::unserialise(doc.get_value(schema::kSlotDupSignature));
            if (!other) continue;
            const std::string* moved = pending ? pending->committed_group(did) : nullptr;
            consider(*other, moved ? *moved : doc.get_value(schema::kSlotDupGroup), did);
        }
        if (!pending) continue;
        if (const auto* entries = pending->band(key)) {
            looked = 0;
            for (auto i : *entries) {
                if (looked++ >= kMaxCandidatesPerBand) break;
                if (!seen_pending.insert(i).second) continue;
                const auto& e = pending->entry(i);
                consider(e.signature, e.group, 0);
            }
        }
    }
    if (groups.empty()) return best;
    // Join the largest group; the others are merged into it.
    auto largest = groups.begin();
    for (auto it = groups.begin(); it != groups.end(); ++it)
        if (it->second > largest->second) largest = it;
    best.group = largest->first;
    for (const auto& [group, size] : groups)
        if (group != best.group) best.also.push_back(group);
    return best;
}

}  // namespace newsdex
