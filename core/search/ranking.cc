#include "core/search/ranking.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/error.h"

namespace newsdex {

namespace {

using Q = Xapian::Query;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

/// A term of the free text (body, title and author words), stemmed (`Z...`) or not;
/// not a field's (`ZSstorm` of title:, `Aconnolly` of author:, ...).
bool is_free_text(const std::string& term) {
    if (term.empty()) return false;
    if (term[0] == 'Z') return term.size() > 1 && !is_upper(term[1]);
    return !is_upper(term[0]);
}

/// Feedback words: stemmed free-text words the query does not hold, of 3 letters or
/// more and not numbers (page numbers and years of the top articles say little).
class FeedbackWords : public Xapian::ExpandDecider {
  public:
    explicit FeedbackWords(const std::vector<std::string>& query_terms)
        : query_(query_terms.begin(), query_terms.end()) {}
    bool operator()(const std::string& term) const override {
        return term.size() >= 4 && term[0] == 'Z' && !is_upper(term[1]) && !query_.count(term) &&
               term.find_first_not_of("0123456789", 1) != std::string::npos;
    }

  private:
    std::set<std::string> query_;
};

}  // namespace

RankingOptions parse_ranking(std::string_view spec, RankingOptions base) {
    const std::string quoted = "--ranking \"" + std::string(spec) + "\"";
    std::string_view rest = spec;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        const std::string_view item = rest.substr(0, comma);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
        const auto eq = item.find('=');
        if (eq == std::string_view::npos)
            throw Error(ErrorKind::Usage, quoted + ": expected KEY=VALUE, got \"" + std::string(item) + "\"");
        const std::string_view key = item.substr(0, eq), value = item.substr(eq + 1);
        double x = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), x);
        if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(x) || x < 0)
            throw Error(ErrorKind::Usage, quoted + ": " + std::string(key) + " must be a number >= 0, not \"" +
                                              std::string(value) + "\"");
        const bool whole = x == std::floor(x) && x <= 1000;
        if (key == "coord") base.coordination = x;
        else if (key == "prox") base.proximity = x;
        else if (key == "short") base.short_coordination = x;
        else if (key == "expand") base.expansion = x, base.expand = x > 0;
        else if ((key == "window" || key == "fbdocs" || key == "fbterms") && !whole)
            throw Error(ErrorKind::Usage, quoted + ": " + std::string(key) + " must be a whole number up to 1000");
        else if (key == "window") base.window = static_cast<Xapian::termcount>(std::max(2.0, x));
        else if (key == "fbdocs") base.feedback_articles = static_cast<Xapian::doccount>(x);
        else if (key == "fbterms") base.feedback_words = static_cast<Xapian::termcount>(x);
        else
            throw Error(ErrorKind::Usage, quoted + ": unknown key \"" + std::string(key) +
                                              "\" (coord, short, prox, window, expand, fbdocs, fbterms)");
    }
    return base;
}

QueryWords query_words(const Xapian::Query& any_word, const std::function<std::string(const std::string&)>& unstem) {
    QueryWords words;
    for (auto it = any_word.get_terms_begin(); it != any_word.get_terms_end(); ++it) {
        const std::string term = *it;
        if (!is_free_text(term)) continue;
        if (std::find(words.terms.begin(), words.terms.end(), term) == words.terms.end()) words.terms.push_back(term);
        // Positions are stored for the unstemmed words only.
        std::string plain = term[0] == 'Z' ? unstem(term) : term;
        if (!plain.empty() && (words.positional.empty() || words.positional.back() != plain))
            words.positional.push_back(std::move(plain));
    }
    return words;
}

Xapian::Query soft_query(const Xapian::Query& any_word, const Xapian::Query& all_words, const QueryWords& words,
                         const RankingOptions& options) {
    std::vector<Q> bonuses;
    const std::size_t n = words.terms.size();
    if (n > 1 && all_words.serialise() != any_word.serialise()) {
        const double scale = n <= kDecisiveWords ? options.short_coordination : options.coordination;
        if (scale > 0) bonuses.emplace_back(Q::OP_SCALE_WEIGHT, all_words, scale);
    }
    if (options.proximity > 0)
        for (std::size_t i = 0; i + 1 < words.positional.size(); ++i) {
            const std::vector<Q> pair{Q(words.positional[i]), Q(words.positional[i + 1])};
            bonuses.emplace_back(Q::OP_SCALE_WEIGHT, Q(Q::OP_NEAR, pair.begin(), pair.end(), options.window),
                                 options.proximity);
        }
    if (bonuses.empty()) return any_word;
    return Q(Q::OP_AND_MAYBE, any_word, Q(Q::OP_OR, bonuses.begin(), bonuses.end()));
}

Xapian::Query with_feedback(const Xapian::Query& query, const QueryWords& words, const Xapian::Database& db,
                            const Xapian::Weight& weighting, const RankingOptions& options, const Xapian::Stem& stemmer) {
    if (!options.expand || options.expansion <= 0 || options.feedback_articles == 0 || options.feedback_words == 0 ||
        words.terms.empty())
        return query;
    Xapian::Enquire first(db);
    first.set_weighting_scheme(weighting);
    first.set_query(query);
    const Xapian::MSet top = first.get_mset(0, options.feedback_articles);
    if (top.empty()) return query;
    Xapian::RSet feedback;
    for (auto it = top.begin(); it != top.end(); ++it) feedback.add_document(*it);
    std::vector<std::string> known = words.terms;
    for (const auto& term : words.terms)
        if (term[0] != 'Z' && !stemmer.is_none()) known.push_back("Z" + stemmer(term));
    const FeedbackWords decider(known);
    const Xapian::ESet eset = first.get_eset(options.feedback_words, feedback, &decider);
    if (eset.empty()) return query;
    const double best = eset.begin().get_weight();
    if (!(best > 0)) return query;
    std::vector<Q> added;
    for (auto it = eset.begin(); it != eset.end(); ++it)
        added.emplace_back(Q::OP_SCALE_WEIGHT, Q(*it), options.expansion * it.get_weight() / best);
    return Q(Q::OP_AND_MAYBE, query, Q(Q::OP_OR, added.begin(), added.end()));
}

}  // namespace newsdex
