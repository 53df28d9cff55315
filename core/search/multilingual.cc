#include "core/search/multilingual.h"

#include <algorithm>
#include <optional>

#include "core/schema.h"
#include "core/text/language.h"

namespace newsdex {

namespace {

Xapian::Query language_filter(const std::vector<std::string>& codes) {
    std::vector<Xapian::Query> terms;
    for (const auto& code : codes) terms.emplace_back(std::string(schema::kPrefixLanguage) + code);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

using Alternatives = std::map<std::string, std::vector<std::string>>;

/// `query` with each term of `alternatives` replaced by the OP_SYNONYM of it and its
/// alternatives; nullopt when such a term sits under an operator that cannot be rebuilt from
/// its subqueries alone (NEAR, ELITE_SET, SCALE_WEIGHT, ... keep parameters Xapian 1.4 does
/// not give back), so the caller falls back to whole readings.
std::optional<Xapian::Query> with_alternatives(const Xapian::Query& query, const Alternatives& alternatives) {
    using Q = Xapian::Query;
    bool touched = false;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end() && !touched; ++it)
        touched = alternatives.count(*it) > 0;
    if (!touched) return query;
    const auto type = query.get_type();
    if (type == Q::LEAF_TERM) {
        std::vector<Q> forms{query};  // the leaf itself keeps its wqf and position
        for (const auto& term : alternatives.at(*query.get_terms_begin())) forms.emplace_back(term);
        return Q(Q::OP_SYNONYM, forms.begin(), forms.end());
    }
    switch (type) {
        case Q::OP_AND: case Q::OP_OR: case Q::OP_AND_NOT: case Q::OP_XOR: case Q::OP_AND_MAYBE:
        case Q::OP_FILTER: case Q::OP_SYNONYM: case Q::OP_MAX:
            break;
        default:
            return std::nullopt;
    }
    std::vector<Q> parts;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        auto part = with_alternatives(query.get_subquery(i), alternatives);
        if (!part) return std::nullopt;
        parts.push_back(std::move(*part));
    }
    return Q(type, parts.begin(), parts.end());
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
    : db_(db), languages_(languages), options_(options) {
    if (languages_.empty()) languages_.push_back({"english", {}});
    stemmers_ = stemmers_of(languages_);
    // The other languages' parsers only for whole readings (with_alternatives failing).
    builders_.push_back(std::make_unique<QueryBuilder>(db, languages_.front().stemmer, options));
}

std::optional<Xapian::Query> MultilingualQueryBuilder::expanded_reading(const Xapian::Query& primary_reading) {
    const Xapian::Stem& primary = stemmers_.front();
    if (primary.is_none()) return std::nullopt;
    Alternatives alternatives;
    const std::string stem_prefix(schema::kPrefixStem);
    for (auto it = primary_reading.get_unique_terms_begin(); it != primary_reading.get_unique_terms_end(); ++it) {
        const std::string term = *it;
        if (!term.starts_with(stem_prefix)) continue;
        std::vector<std::string> forms;
        for (const auto& word : builders_.front()->unstemmed(term)) {
            const std::string stem = primary(word);
            if (term.size() < stem_prefix.size() + stem.size() || !term.ends_with(stem)) return std::nullopt;
            // The field's prefix (S for title:) sits between Z and the stem.
            const std::string field = term.substr(stem_prefix.size(), term.size() - stem_prefix.size() - stem.size());
            for (std::size_t i = 1; i < stemmers_.size(); ++i) {
                const std::string form = stemmers_[i].is_none() ? field + word : stem_prefix + field + stemmers_[i](word);
                // Forms no article holds would only make the query longer.
                if (form != term && std::find(forms.begin(), forms.end(), form) == forms.end() && db_.term_exists(form))
                    forms.push_back(form);
            }
        }
        if (!forms.empty()) alternatives.emplace(term, std::move(forms));
    }
    if (alternatives.empty()) return primary_reading;
    return with_alternatives(primary_reading, alternatives);
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

    if (auto expanded = expanded_reading(primary_reading)) {
        for (const auto& l : languages_) readings_[l.stemmer] = *expanded;
        return *expanded;
    }

    // Readings that serialise the same are one query over all their languages.
    struct Reading {
        Q query;
        std::string key;
        std::vector<std::string> codes;
        bool primary = false;
    };
    std::vector<Reading> readings{{primary_reading, primary_reading.serialise(), {}, true}};
    for (std::size_t i = 1; i < languages_.size(); ++i) {
        if (builders_.size() <= i)
            builders_.push_back(std::make_unique<QueryBuilder>(db_, languages_[i].stemmer, options_));
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
