#include "core/search/multilingual.h"

#include <algorithm>

#include "core/schema.h"
#include "core/text/language.h"

namespace newsdex {

namespace {

Xapian::Query language_filter(const std::vector<std::string>& codes) {
    std::vector<Xapian::Query> terms;
    for (const auto& code : codes) terms.emplace_back(std::string(schema::kPrefixLanguage) + code);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace

std::vector<StemmingLanguage> stemming_languages(const Xapian::Database& db, const std::string& primary) {
    std::vector<StemmingLanguage> out{{primary, {}}};
    const std::string prefix(schema::kPrefixLanguage);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string code = (*it).substr(prefix.size());
        const auto language = find_language(code);
        const std::string stemmer = language ? language->stemmer : primary;
        auto match = std::find_if(out.begin(), out.end(), [&](const auto& l) { return l.stemmer == stemmer; });
        if (match == out.end()) match = out.insert(out.end(), StemmingLanguage{stemmer, {}});
        match->codes.push_back(code);
    }
    std::sort(out.begin() + 1, out.end(), [](const auto& a, const auto& b) { return a.stemmer < b.stemmer; });
    return out;
}

std::vector<Xapian::Stem> stemmers_of(const std::vector<StemmingLanguage>& languages) {
    std::vector<Xapian::Stem> out;
    for (const auto& l : languages) out.push_back(l.stemmer == "none" || l.stemmer.empty() ? Xapian::Stem() : Xapian::Stem(l.stemmer));
    return out;
}

std::string stemmer_for_code(const std::vector<StemmingLanguage>& languages, const std::string& code) {
    for (const auto& l : languages)
        if (std::find(l.codes.begin(), l.codes.end(), code) != l.codes.end()) return l.stemmer;
    return languages.front().stemmer;
}

MultilingualQueryBuilder::MultilingualQueryBuilder(const Xapian::Database& db,
                                                   const std::vector<StemmingLanguage>& languages, QueryOptions options)
    : languages_(languages) {
    if (languages_.empty()) languages_.push_back({"english", {}});
    for (const auto& l : languages_) builders_.push_back(std::make_unique<QueryBuilder>(db, l.stemmer, options));
}

const Xapian::Query& MultilingualQueryBuilder::reading(const std::string& stemmer) const {
    const auto it = readings_.find(stemmer);
    return it != readings_.end() ? it->second : readings_.at(languages_.front().stemmer);
}

Xapian::Query MultilingualQueryBuilder::parse(const std::string& text, Xapian::Query::op default_op) {
    using Q = Xapian::Query;
    readings_.clear();
    const Q primary_reading = builders_.front()->parse(text, default_op);
    readings_[languages_.front().stemmer] = primary_reading;
    if (languages_.size() == 1) return primary_reading;

    // Readings that serialise the same are one query over all their languages.
    struct Reading {
        Q query;
        std::string key;
        std::vector<std::string> codes;
        bool primary = false;
    };
    std::vector<Reading> readings{{primary_reading, primary_reading.serialise(), {}, true}};
    for (std::size_t i = 1; i < languages_.size(); ++i) {
        const Q q = builders_[i]->parse(text, default_op);
        readings_[languages_[i].stemmer] = q;
        const std::string key = q.serialise();
        auto same = std::find_if(readings.begin(), readings.end(), [&](const Reading& r) { return r.key == key; });
        if (same == readings.end()) same = readings.insert(readings.end(), Reading{q, key, {}, false});
        same->codes.insert(same->codes.end(), languages_[i].codes.begin(), languages_[i].codes.end());
    }
    if (readings.size() == 1) return primary_reading;

    // The primary reading covers the articles of its own languages and those without an L
    // term: everything but the other readings' languages.
    std::vector<std::string> others;
    for (const auto& r : readings)
        if (!r.primary) others.insert(others.end(), r.codes.begin(), r.codes.end());
    std::vector<Q> parts;
    for (const auto& r : readings) {
        if (r.primary)
            parts.emplace_back(Q::OP_AND_NOT, r.query, language_filter(others));
        else
            parts.emplace_back(Q::OP_FILTER, r.query, language_filter(r.codes));
    }
    return Q(Q::OP_OR, parts.begin(), parts.end());
}

}  // namespace newsdex
