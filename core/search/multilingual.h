/** @file @brief Queries over articles stemmed in several languages.
 *
 *  The indexer stems each article in its own language (its L term, schema.h), so a
 *  lower-case query word stemmed in the database's language alone misses the articles of
 *  every other language (`verträge` is Zvertrag in a German article, Zverträg in English).
 *  Here the query is parsed once per stemming language the database holds, each reading
 *  restricted to the articles of its languages, and the readings ORed: every article is
 *  matched (and weighted) by its own language's stemming, and only by that. */
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "core/search/query.h"

namespace newsdex {

/// Articles of some languages, all stemmed by one stemmer.
struct StemmingLanguage {
    std::string stemmer;             ///< Xapian stemmer name, "none" for no stemming
    std::vector<std::string> codes;  ///< their ISO 639-1 codes (L terms)
};

/// The stemming languages the articles of db were stemmed in, read from its L terms (so
/// it holds for shards, remote parts and databases built before this): `primary` first
/// (the database's recorded stemmer, which articles without an L term were stemmed in),
/// then the others by name. A code without a stemmer of its own counts as `primary`'s.
std::vector<StemmingLanguage> stemming_languages(const Xapian::Database& db, const std::string& primary);

/// QueryBuilder's interface, over every language of a database.
class MultilingualQueryBuilder {
  public:
    /// `languages` as stemming_languages() gives them (the first is the primary one).
    MultilingualQueryBuilder(const Xapian::Database& db, const std::vector<StemmingLanguage>& languages,
                             QueryOptions options = {});

    /// With one stemming language: QueryBuilder::parse. With several: the OR of the query
    /// as each language reads it, each restricted to that language's articles (the primary
    /// reading to the articles of no other language); readings that come out the same
    /// (capitalised words, phrases, filters) are run once, over all their languages.
    Xapian::Query parse(const std::string& text, Xapian::Query::op default_op);

    /// The reading of the last parse() in one stemmer's terms (for snippets of its articles);
    /// has_readings() is false before the first parse().
    const Xapian::Query& reading(const std::string& stemmer) const;
    bool has_readings() const { return !readings_.empty(); }

    /// The primary language's.
    const Xapian::Stem& stemmer() const { return builders_.front()->stemmer(); }
    const std::vector<std::string>& notes() const { return builders_.front()->notes(); }
    QueryBuilder& primary() { return *builders_.front(); }
    const std::vector<StemmingLanguage>& languages() const { return languages_; }

  private:
    std::vector<StemmingLanguage> languages_;
    std::vector<std::unique_ptr<QueryBuilder>> builders_;  // one per language, same order
    std::map<std::string, Xapian::Query> readings_;
};

/// Every stemmer of `languages`, made.
std::vector<Xapian::Stem> stemmers_of(const std::vector<StemmingLanguage>& languages);

/// The stemmer name an article of language `code` was stemmed with.
std::string stemmer_for_code(const std::vector<StemmingLanguage>& languages, const std::string& code);

}  // namespace newsdex
