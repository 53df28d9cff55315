/** @file @brief Query text -> Xapian::Query, with the fields and analysis of schema.h and
 *  the checks of query_syntax.h. */
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/text/date.h"
#include "core/search/date_filter.h"
#include "core/search/query_fields.h"

namespace newsdex {

/// When the synonyms the indexer loaded (newsdex-index --synonyms) are used.
enum class SynonymMode {
    Tilde,   ///< only for words written ~word
    Always,  ///< for every word, and for word sequences that are synonym keys
    Never,   ///< not at all; ~word is the word
};

struct QueryOptions {
    SynonymMode synonyms = SynonymMode::Tilde;
    /// Reads the last word as the start of a word too (`--partial`, for search-as-you-type).
    bool complete_last_word = false;
    /// A wildcard (`inter*`) expanding to more words than this is an error.
    Xapian::termcount wildcard_limit = 1000;
    /// Anchors relative dates (`date:7d..`).
    Date today = today_local();
};

class QueryBuilder {
  public:
    /// stemmer_name as recorded in the database ("english", or "none").
    QueryBuilder(const Xapian::Database& db, const std::string& stemmer_name, QueryOptions options = {});
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// Parses user query text. default_op joins words not joined by an operator
    /// (OP_AND: every word must match; OP_OR: any). Throws Error(Query) naming the
    /// problem and where it is, for malformed queries (see query_syntax.h) and bad field
    /// values (`date:2024-13-45`). A query of excluded words only (`-car`) matches every
    /// article without them.
    Xapian::Query parse(const std::string& text, Xapian::Query::op default_op);

    const Xapian::Stem& stemmer() const { return stemmer_; }
    /// The words of the last parsed query that were stemmed to `term` (lower-case, without
    /// field prefix), as Xapian's QueryParser::unstem_begin gives them.
    std::vector<std::string> unstemmed(const std::string& term) const {
        return {parser_.unstem_begin(term), parser_.unstem_end(term)};
    }
    /// The word of the last query parsed that a stemmed term came from ("" if none).
    std::string unstem(const std::string& term) const {
        const auto it = parser_.unstem_begin(term);
        return it == parser_.unstem_end(term) ? std::string() : *it;
    }
    /// How the queries parsed so far were read, for the user (e.g. a lower-case operator).
    const std::vector<std::string>& notes() const { return notes_; }

  private:
    Xapian::Query parse_text(const std::string& original, const std::string& text, Xapian::Query::op default_op);

    QueryOptions options_;
    Xapian::Stem stemmer_;
    std::unique_ptr<Xapian::Stopper> stopper_;
    ParseProblems problems_;  // declared before parser_: its field processors point here
    Xapian::QueryParser parser_;
    std::vector<std::string> notes_;
};

}  // namespace newsdex
