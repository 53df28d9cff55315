#include "bench/snippets/oracle.h"

#include <algorithm>

namespace newsdex::bench {

namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// A term that can occur in body text: unprefixed words and their Z stems.
bool body_term(const std::string& term) {
    if (term.empty()) return false;
    if (term[0] == 'Z') return term.size() > 1 && !is_upper(term[1]);
    return !is_upper(term[0]);
}

std::string inner(const Xapian::Query& q) {
    std::string d = q.get_description();
    if (d.starts_with("Query(") && d.ends_with(")")) d = d.substr(6, d.size() - 7);
    return d;
}

/// "(a@1 NEAR 11 b@2)": the number after the operator name.
Xapian::termcount read_window(const Xapian::Query& q, const std::string& op) {
    const std::string d = inner(q);
    const auto at = d.find(" " + op + " ");
    Xapian::termcount w = 0;
    if (at != std::string::npos)
        for (std::size_t i = at + op.size() + 2; i < d.size() && d[i] >= '0' && d[i] <= '9'; ++i)
            w = w * 10 + static_cast<Xapian::termcount>(d[i] - '0');
    return w ? w : static_cast<Xapian::termcount>(q.get_num_subqueries());
}

void leaf_terms(const Xapian::Query& q, std::vector<std::string>& out) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) {
        out.push_back(*q.get_terms_begin());
        return;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) leaf_terms(q.get_subquery(i), out);
}

void walk(const Xapian::Query& q, bool excluded, QueryUnits& out) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM || type == Xapian::Query::OP_WILDCARD || type == Xapian::Query::OP_PHRASE ||
        type == Xapian::Query::OP_NEAR) {
        Unit u;
        if (type == Xapian::Query::LEAF_TERM) {
            u.terms = {*q.get_terms_begin()};
        } else if (type == Xapian::Query::OP_WILDCARD) {
            const std::string d = inner(q);  // "WILDCARD SYNONYM minist"
            const auto space = d.find(' ', 9);
            if (space == std::string::npos) return;
            u.kind = Unit::Kind::Wildcard;
            u.terms = {d.substr(space + 1)};
        } else {
            u.kind = type == Xapian::Query::OP_PHRASE ? Unit::Kind::Phrase : Unit::Kind::Near;
            u.window = read_window(q, type == Xapian::Query::OP_PHRASE ? "PHRASE" : "NEAR");
            leaf_terms(q, u.terms);
        }
        if (excluded) {
            // Only single excluded words are judged: a top-level NOT keeps a phrase out
            // of every hit anyway.
            if (u.kind == Unit::Kind::Term) out.excluded.insert(u.terms[0]);
            return;
        }
        for (const auto& t : u.terms)
            if (!body_term(t)) return;  // title:, author:, source: parts
        for (const auto& t : u.terms) u.label += (u.label.empty() ? "" : " ") + t;
        if (u.kind == Unit::Kind::Phrase) u.label = "\"" + u.label + "\"";
        if (u.kind == Unit::Kind::Wildcard) u.label += "*";
        if (u.kind == Unit::Kind::Near) u.label = "NEAR(" + u.label + ")";
        for (const auto& existing : out.positive)
            if (existing.label == u.label) return;
        out.positive.push_back(std::move(u));
        return;
    }
    if (type == Xapian::Query::OP_VALUE_RANGE || type == Xapian::Query::OP_VALUE_GE || type == Xapian::Query::OP_VALUE_LE)
        return;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        walk(q.get_subquery(i), excluded || (type == Xapian::Query::OP_AND_NOT && i > 0), out);
}

bool is_closer_at_end(std::string_view s, std::size_t& end) {
    for (std::string_view c : {"\"", "'", ")", "]", "\xE2\x80\x99", "\xE2\x80\x9D", "\xC2\xBB"})
        if (end >= c.size() && s.substr(end - c.size(), c.size()) == c) {
            end -= c.size();
            return true;
        }
    return false;
}

bool is_stop_at_end(std::string_view s, std::size_t end) {
    for (std::string_view c : {".", "!", "?", "\xE2\x80\xA6", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F"})
        if (end >= c.size() && s.substr(end - c.size(), c.size()) == c) return true;
    return false;
}

}  // namespace

bool QueryUnits::has_phrase() const {
    return std::any_of(positive.begin(), positive.end(), [](const Unit& u) { return u.kind == Unit::Kind::Phrase; });
}

QueryUnits read_units(const Xapian::Query& query) {
    QueryUnits out;
    if (!query.empty()) walk(query, false, out);
    return out;
}

Judge::Judge(QueryUnits units, Xapian::Stem stemmer) : units_(std::move(units)), stemmer_(std::move(stemmer)) {}

void Judge::set_body(const std::string& body) {
    body_ = body;
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    std::size_t start = 0;
    while (start <= body.size()) {
        const auto nl = body.find('\n', start);
        generator.index_text(body.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        generator.increase_termpos(10);  // as the indexer separates paragraphs
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    body_positions_.clear();
    body_terms_.clear();
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        body_terms_.insert(*t);
        auto& positions = body_positions_[*t];
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) positions.push_back(*p);
    }
}

std::vector<std::string> Judge::words_of(const std::string& text) const {
    Xapian::TermGenerator generator;
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(text);
    std::map<Xapian::termpos, std::string> ordered;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) ordered[*p] = *t;
    std::vector<std::string> out;
    for (auto& [pos, term] : ordered) out.push_back(term);
    return out;
}

std::string Judge::stem_term(const std::string& word) {
    if (auto it = stem_cache_.find(word); it != stem_cache_.end()) return it->second;
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer_);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(word);
    std::string stem;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if ((*t).starts_with("Z")) stem = *t;
    return stem_cache_[word] = stem;
}

bool Judge::present(const Unit& u) const {
    auto positions = [&](const std::string& t) -> const std::vector<Xapian::termpos>* {
        auto it = body_positions_.find(t);
        return it == body_positions_.end() ? nullptr : &it->second;
    };
    switch (u.kind) {
        case Unit::Kind::Term:
            return body_terms_.count(u.terms[0]) > 0;
        case Unit::Kind::Wildcard: {
            auto it = body_terms_.lower_bound(u.terms[0]);
            return it != body_terms_.end() && it->starts_with(u.terms[0]);
        }
        case Unit::Kind::Phrase:
        case Unit::Kind::Near: {
            const auto* first = positions(u.terms[0]);
            if (!first) return false;
            for (Xapian::termpos p : *first) {
                bool all = true;
                Xapian::termpos prev = p;
                for (std::size_t i = 1; i < u.terms.size() && all; ++i) {
                    const auto* ps = positions(u.terms[i]);
                    bool found = false;
                    if (ps)
                        for (Xapian::termpos q : *ps) {
                            if (u.kind == Unit::Kind::Phrase ? (q > prev && q < p + u.window)
                                                            : (q + u.window > p && q < p + u.window)) {
                                found = true;
                                prev = q;
                                break;
                            }
                        }
                    all = found;
                }
                if (all) return true;
            }
            return false;
        }
    }
    return false;
}

bool Judge::starts_sentence(std::size_t pos) const {
    std::size_t j = pos;
    while (j > 0 && (body_[j - 1] == ' ' || body_[j - 1] == '\t')) --j;
    if (j == 0 || body_[j - 1] == '\n') return true;
    const std::string_view before(body_.data(), j);
    std::size_t end = j;
    while (is_closer_at_end(before, end)) {
    }
    if (!is_stop_at_end(before, end)) return false;
    // Latin stops need white space after them; CJK ones do not.
    return j < pos || static_cast<unsigned char>(before[end - 1]) >= 0x80;
}

bool Judge::ends_sentence(std::size_t pos) const {
    std::size_t k = pos;
    while (k < body_.size() && (body_[k] == ' ' || body_[k] == '\t')) ++k;
    if (k >= body_.size() || body_[k] == '\n') return true;
    std::size_t end = pos;
    const std::string_view upto(body_.data(), pos);
    while (is_closer_at_end(upto, end)) {
    }
    return is_stop_at_end(upto, end) && (k > pos || static_cast<unsigned char>(upto[end - 1]) >= 0x80);
}

Verdict Judge::judge(const JudgedText& snippet) {
    Verdict v;
    std::set<std::size_t> shown;
    std::map<std::size_t, std::set<std::string>> near_seen;
    for (const auto& marked : snippet.marked)
        for (const auto& span : marked) {
            if (!span.match) continue;
            const auto words = words_of(span.text);
            v.highlighted_words += words.size();
            bool whole_phrase = false;
            for (std::size_t i = 0; i < units_.positive.size(); ++i)
                if (units_.positive[i].kind == Unit::Kind::Phrase && words.size() > 1 && units_.positive[i].terms == words) {
                    shown.insert(i);
                    whole_phrase = true;
                }
            if (whole_phrase) continue;
            for (const auto& w : words) {
                const std::string z = stem_term(w);
                bool ok = false;
                for (std::size_t i = 0; i < units_.positive.size(); ++i) {
                    const Unit& u = units_.positive[i];
                    if (u.kind == Unit::Kind::Term && (u.terms[0] == w || (!z.empty() && u.terms[0] == z))) {
                        ok = true;
                        shown.insert(i);
                    } else if (u.kind == Unit::Kind::Wildcard && w.starts_with(u.terms[0])) {
                        ok = true;
                        shown.insert(i);
                    } else if (u.kind == Unit::Kind::Near) {
                        for (const auto& t : u.terms)
                            if (t == w || (!z.empty() && t == z)) {
                                ok = true;
                                near_seen[i].insert(t);
                            }
                    }
                }
                if (units_.excluded.count(w) || (!z.empty() && units_.excluded.count(z))) ok = false;
                if (!ok) {
                    ++v.false_words;
                    if (v.false_examples.size() < 3) v.false_examples.push_back(span.text);
                }
            }
        }
    for (const auto& [i, seen] : near_seen)
        if (seen.size() == std::set<std::string>(units_.positive[i].terms.begin(), units_.positive[i].terms.end()).size())
            shown.insert(i);
    for (std::size_t i = 0; i < units_.positive.size(); ++i) {
        if (!present(units_.positive[i])) continue;
        ++v.units_present;
        v.units_shown += shown.count(i);
        if (units_.positive[i].kind == Unit::Kind::Phrase) {
            ++v.phrases_present;
            v.phrases_shown += shown.count(i);
        }
    }
    v.fragments = snippet.fragments.size() + snippet.unlocated;
    for (const auto& [b, e] : snippet.fragments) v.aligned_fragments += starts_sentence(b) && ends_sentence(e);
    return v;
}

JudgedText locate(const std::string& body, const std::vector<MarkedText>& fragments) {
    JudgedText out;
    out.marked = fragments;
    for (const auto& f : fragments) {
        std::string text = plain_text(f);
        while (text.starts_with(kEllipsis)) text.erase(0, kEllipsis.size());
        while (text.ends_with(kEllipsis)) text.erase(text.size() - kEllipsis.size());
        while (!text.empty() && text.front() == ' ') text.erase(0, 1);
        while (!text.empty() && text.back() == ' ') text.pop_back();
        const auto at = text.empty() ? std::string::npos : body.find(text);
        if (at == std::string::npos)
            ++out.unlocated;
        else
            out.fragments.emplace_back(at, at + text.size());
    }
    return out;
}

}  // namespace newsdex::bench
