#include "core/snippets/query_patterns.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string_view>

#include "core/schema.h"

namespace newsdex::snippets {

namespace {

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// A WordTest for an index term: "taurus", "Zmissil", "Staurus", "ZSmissil"; nullopt for
/// terms of fields that never appear in the title or body text (author, source, ids...).
std::optional<WordTest> test_for_term(std::string_view term, WordTest::Kind kind) {
    WordTest test;
    test.kind = kind;
    if (kind == WordTest::Kind::Exact && term.starts_with(schema::kPrefixStem)) {
        test.kind = WordTest::Kind::Stem;
        term.remove_prefix(schema::kPrefixStem.size());
    }
    if (!term.empty() && is_ascii_upper(term.front())) {
        // Field prefixes are upper case; words never are (the index lower-cases them).
        const auto title = schema::kPrefixTitle;
        if (!term.starts_with(title) || (term.size() > title.size() && is_ascii_upper(term[title.size()])))
            return std::nullopt;
        test.title_only = true;
        term.remove_prefix(title.size());
    }
    if (term.empty()) return std::nullopt;
    test.text = std::string(term);
    return test;
}

/// "Query(X)" -> "X": the form subqueries take inside their parent's description.
std::string inner_description(const Xapian::Query& q) {
    std::string d = q.get_description();
    constexpr std::string_view kOpen = "Query(";
    if (d.starts_with(kOpen) && d.ends_with(')')) return d.substr(kOpen.size(), d.size() - kOpen.size() - 1);
    return d;
}

/// Xapian 1.4 has no public accessor for a wildcard's pattern; its description is
/// "Query(WILDCARD <combiner> <pattern>)".
std::optional<std::string> wildcard_pattern(const Xapian::Query& q) {
    const std::string d = inner_description(q);
    constexpr std::string_view kHead = "WILDCARD ";
    if (!d.starts_with(kHead)) return std::nullopt;
    const auto space = d.find(' ', kHead.size());
    if (space == std::string::npos || space + 1 >= d.size()) return std::nullopt;
    return d.substr(space + 1);
}

/// The window of a PHRASE or NEAR query, which 1.4 shows only in the description:
/// "Query((a@1 NEAR 11 b@2))". Falls back to Xapian's defaults when it cannot be read.
Xapian::termcount window_of(const Xapian::Query& q, std::string_view op_name) {
    const auto n = static_cast<Xapian::termcount>(q.get_num_subqueries());
    const std::string expected = "(" + inner_description(q.get_subquery(0)) + " " + std::string(op_name) + " ";
    const std::string d = inner_description(q);
    Xapian::termcount window = 0;
    if (d.starts_with(expected))
        for (std::size_t i = expected.size(); i < d.size() && d[i] >= '0' && d[i] <= '9'; ++i)
            window = window * 10 + static_cast<Xapian::termcount>(d[i] - '0');
    if (window < n) window = op_name == "NEAR" ? n + 9 : n;
    return window;
}

/// Gathers the word tests a subquery stands for (a term, a wildcard, or alternatives).
void collect_tests(const Xapian::Query& q, Slot& slot, std::vector<std::string>& index_terms) {
    const auto type = q.get_type();
    if (type == Xapian::Query::LEAF_TERM) {
        const std::string term = *q.get_terms_begin();
        if (auto t = test_for_term(term, WordTest::Kind::Exact)) {
            slot.push_back(std::move(*t));
            index_terms.push_back(term);
        }
        return;
    }
    if (type == Xapian::Query::OP_WILDCARD) {
        if (auto pattern = wildcard_pattern(q))
            if (auto t = test_for_term(*pattern, WordTest::Kind::Prefix)) {
                slot.push_back(std::move(*t));
                index_terms.push_back(*pattern);
            }
        return;
    }
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) collect_tests(q.get_subquery(i), slot, index_terms);
}

std::string test_label(const WordTest& t) {
    std::string s = t.title_only ? "title:" : "";
    s += t.text;
    if (t.kind == WordTest::Kind::Stem) s += "~";
    if (t.kind == WordTest::Kind::Prefix) s += "*";
    return s;
}

std::string slot_label(const Slot& slot) {
    std::string s;
    for (const auto& t : slot) s += (s.empty() ? "" : "|") + test_label(t);
    return s;
}

/// Statistics for weights: idf of a slot, its most frequent alternative counting.
class Rarity {
  public:
    explicit Rarity(const Xapian::Database* db) : db_(db), docs_(db ? db->get_doccount() : 0) {}

    double slot_weight(const std::vector<std::string>& index_terms, const Slot& slot) const {
        if (!db_ || docs_ == 0) return 1.0;
        Xapian::doccount freq = 0;
        for (std::size_t i = 0; i < slot.size(); ++i) freq = std::max(freq, term_freq(index_terms[i], slot[i].kind));
        const double n = docs_, f = std::min<double>(freq, docs_);
        return std::log(1.0 + (n - f + 0.5) / (f + 0.5));
    }

  private:
    Xapian::doccount term_freq(const std::string& term, WordTest::Kind kind) const {
        if (kind != WordTest::Kind::Prefix) return db_->get_termfreq(term);
        // A wildcard is as common as its expansions together; the first few hundred tell.
        constexpr int kMaxExpansions = 200;
        Xapian::doccount sum = 0;
        int seen = 0;
        for (auto it = db_->allterms_begin(term); it != db_->allterms_end(term) && seen < kMaxExpansions; ++it, ++seen)
            sum += it.get_termfreq();
        return std::min(sum, docs_);
    }

    const Xapian::Database* db_;
    Xapian::doccount docs_;
};

bool all_single_words(const Xapian::Query& q) {
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        const auto type = q.get_subquery(i).get_type();
        if (type != Xapian::Query::LEAF_TERM && type != Xapian::Query::OP_WILDCARD) return false;
    }
    return true;
}

class Analyser {
  public:
    explicit Analyser(const Xapian::Database* db) : rarity_(db) {}

    void walk(const Xapian::Query& q, bool excluded) {
        switch (q.get_type()) {
            case Xapian::Query::LEAF_TERM:
            case Xapian::Query::OP_WILDCARD:
                add_word(q, excluded);
                return;
            case Xapian::Query::OP_SYNONYM:
                // Single-word synonyms are one thing to find; a multi-word one keeps its phrase.
                if (all_single_words(q)) {
                    add_word(q, excluded);
                } else {
                    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) walk(q.get_subquery(i), excluded);
                }
                return;
            case Xapian::Query::OP_PHRASE:
                add_sequence(q, Pattern::Kind::Phrase, window_of(q, "PHRASE"), excluded);
                return;
            case Xapian::Query::OP_NEAR:
                add_sequence(q, Pattern::Kind::Near, window_of(q, "NEAR"), excluded);
                return;
            case Xapian::Query::OP_AND_NOT:
                // Whatever follows the first subquery is what the user excluded.
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) walk(q.get_subquery(i), excluded || i > 0);
                return;
            case Xapian::Query::OP_VALUE_RANGE:
            case Xapian::Query::OP_VALUE_GE:
            case Xapian::Query::OP_VALUE_LE:
                return;  // dates and other values are not in the text
            default:
                // AND, OR, XOR, AND_MAYBE, FILTER, SCALE_WEIGHT, ELITE_SET, MAX: every part counts.
                for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) walk(q.get_subquery(i), excluded);
        }
    }

    std::vector<Pattern> take() {
        std::stable_partition(patterns_.begin(), patterns_.end(), [](const Pattern& p) { return !p.excluded; });
        return std::move(patterns_);
    }

  private:
    void add_word(const Xapian::Query& q, bool excluded) {
        Pattern p;
        Slot slot;
        std::vector<std::string> terms;
        collect_tests(q, slot, terms);
        if (slot.empty()) return;
        p.weight = rarity_.slot_weight(terms, slot);
        p.label = slot_label(slot);
        p.slots.push_back(std::move(slot));
        p.excluded = excluded;
        add(std::move(p));
    }

    void add_sequence(const Xapian::Query& q, Pattern::Kind kind, Xapian::termcount window, bool excluded) {
        Pattern p;
        p.kind = kind;
        p.window = window;
        p.excluded = excluded;
        p.weight = 0;
        for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
            Slot slot;
            std::vector<std::string> terms;
            collect_tests(q.get_subquery(i), slot, terms);
            // A part that cannot occur in the text (another field) makes the whole unmatchable.
            if (slot.empty()) return;
            p.weight += rarity_.slot_weight(terms, slot);
            p.slots.push_back(std::move(slot));
        }
        if (p.slots.empty()) return;
        if (p.slots.size() == 1) {
            p.kind = Pattern::Kind::Word;
            p.window = 1;
        }
        std::vector<std::string> labels;
        for (const auto& s : p.slots) labels.push_back(slot_label(s));
        if (p.kind == Pattern::Kind::Word) {
            p.label = labels[0];
        } else if (p.kind == Pattern::Kind::Phrase) {
            p.label = "\"";
            for (std::size_t i = 0; i < labels.size(); ++i) p.label += (i ? " " : "") + labels[i];
            p.label += "\"";
            if (window > p.slots.size()) p.label += "~" + std::to_string(window);
        } else {
            for (std::size_t i = 0; i < labels.size(); ++i)
                p.label += (i ? " NEAR/" + std::to_string(window) + " " : "") + labels[i];
        }
        add(std::move(p));
    }

    void add(Pattern p) {
        for (const auto& q : patterns_)
            if (q.kind == p.kind && q.slots == p.slots && q.window == p.window && q.excluded == p.excluded) return;
        patterns_.push_back(std::move(p));
    }

    Rarity rarity_;
    std::vector<Pattern> patterns_;
};

}  // namespace

bool Pattern::title_only() const {
    for (const auto& slot : slots)
        for (const auto& t : slot)
            if (!t.title_only) return false;
    return true;
}

std::vector<Pattern> analyse_query(const Xapian::Query& query, const Xapian::Database* db) {
    Analyser analyser(db);
    if (!query.empty()) analyser.walk(query, false);
    return analyser.take();
}

}  // namespace newsdex::snippets
