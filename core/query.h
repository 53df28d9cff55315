/** @file @brief Query text -> Xapian::Query, with the fields and analysis of schema.h. */
#pragma once

#include <memory>
#include <string>

#include <xapian.h>

namespace newsdex {

class QueryBuilder {
  public:
    /// stemmer_name as recorded in the database ("english", or "none").
    QueryBuilder(const Xapian::Database& db, const std::string& stemmer_name);
    ~QueryBuilder();
    QueryBuilder(const QueryBuilder&) = delete;
    QueryBuilder& operator=(const QueryBuilder&) = delete;

    /// Parses user query text. default_op joins words not joined by an operator
    /// (OP_AND: every word must match; OP_OR: any). Throws Error(Query) with the
    /// parser's explanation for malformed queries.
    Xapian::Query parse(const std::string& text, Xapian::Query::op default_op);

    const Xapian::Stem& stemmer() const { return stemmer_; }

  private:
    Xapian::Stem stemmer_;
    std::unique_ptr<Xapian::Stopper> stopper_;
    Xapian::QueryParser parser_;
};

}  // namespace newsdex
