#include "core/duplicate_finder.h"

#include <cstdio>
#include <map>
#include <unordered_set>

#include "core/file_state.h"
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

DuplicateMatch find_duplicate(const Xapian::Database& db, const DupSignature& signature, const std::string& id,
                              Xapian::docid self) {
    DuplicateMatch best;
    best.group = new_group_key(id, signature.body_hash);
    if (signature.empty()) return best;
    std::unordered_set<Xapian::docid> seen;
    std::map<std::string, Xapian::doccount> groups;  // matching group -> its size
    for (const auto& key : signature.band_keys()) {
        const std::string term = std::string(schema::kPrefixDupBand) + key;
        Xapian::doccount looked = 0;
        for (auto it = db.postlist_begin(term); it != db.postlist_end(term) && looked < kMaxCandidatesPerBand;
             ++it, ++looked) {
            const Xapian::docid did = *it;
            if (did == self || !seen.insert(did).second) continue;
            const Xapian::Document doc = db.get_document(did, Xapian::DOC_ASSUME_VALID);
            const auto other = DupSignature::unserialise(doc.get_value(schema::kSlotDupSignature));
            if (!other) continue;
            const DupKind kind = classify(signature, *other);
            const std::string group = doc.get_value(schema::kSlotDupGroup);
            if (kind == DupKind::None || group.empty()) continue;
            if (!groups.count(group)) groups[group] = db.get_termfreq(schema::dup_group_term(group));
            const double similarity = likeness(signature, *other);
            if (best.kind == DupKind::None || kind == DupKind::Exact || similarity > best.similarity) {
                if (best.kind == DupKind::Exact && kind != DupKind::Exact) continue;
                best.kind = kind;
                best.other = did;
                best.similarity = similarity;
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
