#include "core/search/query.h"

#include <algorithm>

#include "core/error.h"
#include "core/search/query_syntax.h"
#include "core/text/stop_words.h"

namespace newsdex {

namespace {

/// `--partial` completes the last word to at most this many of its most frequent words:
/// enough for search-as-you-type, and never an error for a short prefix.
constexpr Xapian::termcount kCompletionLimit = 100;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const std::string& stemmer_name, QueryOptions options)
    : options_(options),
      stemmer_(stemmer_name == "none" || stemmer_name.empty() ? Xapian::Stem() : Xapian::Stem(stemmer_name)) {
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (stemmer_name == "english") {
        const auto words = english_stop_words();
        stopper_ = std::make_unique<Xapian::SimpleStopper>(words.begin(), words.end());
        parser_.set_stopper(stopper_.get());
    }
    add_query_fields(parser_, problems_, options_.today, db);
    parser_.set_max_expansion(options_.wildcard_limit, Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::QueryParser::FLAG_WILDCARD);
    parser_.set_max_expansion(kCompletionLimit, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT,
                              Xapian::QueryParser::FLAG_PARTIAL);
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::parse(const std::string& text, Xapian::Query::op default_op) {
    const CheckedQuery checked = check_query(text);
    for (const auto& note : checked.notes)
        if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(note);
    if (!checked.only_excluded) return parse_text(text, checked.text, default_op);
    // Xapian reads a query of -words alone as a search *for* them.
    return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
                         parse_text(text, checked.excluded, Xapian::Query::OP_OR));
}

Xapian::Query QueryBuilder::parse_text(const std::string& original, const std::string& text,
                                       Xapian::Query::op default_op) {
    using QP = Xapian::QueryParser;
    unsigned flags = QP::FLAG_PHRASE | QP::FLAG_BOOLEAN | QP::FLAG_LOVEHATE | QP::FLAG_WILDCARD | QP::FLAG_PURE_NOT;
    if (options_.synonyms != SynonymMode::Never) flags |= QP::FLAG_SYNONYM;
    if (options_.synonyms == SynonymMode::Always) flags |= QP::FLAG_AUTO_SYNONYMS | QP::FLAG_AUTO_MULTIWORD_SYNONYMS;
    if (options_.complete_last_word) flags |= QP::FLAG_PARTIAL;
    parser_.set_default_op(default_op);
    problems_.clear();
    Xapian::Query query;
    try {
        query = parser_.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
        throw query_error(original, e.get_msg() + " (put quotes around words meant literally, e.g. \"AND\")");
    } catch (const Xapian::Error& e) {
        throw query_error(original, e.get_msg());
    }
    if (!problems_.first().empty()) throw query_error(original, problems_.first());
    return query;
}

}  // namespace newsdex
