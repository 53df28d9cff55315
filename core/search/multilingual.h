/** @file @brief Queries over articles stemmed in several languages.
 *
 *  The indexer stems each article in its own language (its L term, schema.h), so a
 *  lower-case query word stemmed in the database's language alone misses the articles of
 *  every other language (`verträge` is Zvertrag in a German article, Zverträg in English).
 *  Here each stemmed word of the query (Z<stem> in the database's language) becomes the
 *  OP_SYNONYM of its stems in every other stemming language the database holds (those some
 *  article holds), weighted as one word: a German article is found by its German stem. Only
 *  when the parsed query cannot be rebuilt that way (a stemmed word under an operator whose
 *  parameters Xapian 1.4 does not give back) is it parsed once per language instead, each
 *  reading restricted to its languages' articles, and the readings ORed. The expansion can
 *  let an article match another language's stem of a query word (a rare collision); the
 *  whole readings are exact but evaluate shared parts (date ranges) once per language,
 *  several times slower (bench/README.md). */
#pragma once

#include <map>
#include <memory>
#include <optional>
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

    /// With one stemming language: QueryBuilder::parse. With several: the primary reading
    /// with other languages' stems as synonyms; failing that, the OR of the query as each
    /// language reads it, each restricted to that language's articles (the primary reading
    /// to the articles of no other language); readings that come out the same
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
    /// The primary reading with each stemmed word's stems in the other languages (those
    /// some article holds) as its synonyms; nullopt when the reading cannot be rebuilt.
    std::optional<Xapian::Query> expanded_reading(const Xapian::Query& primary_reading);

    Xapian::Database db_;
    std::vector<StemmingLanguage> languages_;
    std::vector<Xapian::Stem> stemmers_;  // as languages_
    QueryOptions options_;
    std::vector<std::unique_ptr<QueryBuilder>> builders_;  // as languages_; past the first, made when needed
    std::map<std::string, Xapian::Query> readings_;
};

/// Every stemmer of `languages`, made.
std::vector<Xapian::Stem> stemmers_of(const std::vector<StemmingLanguage>& languages);

/// The stemmer name an article of language `code` was stemmed with.
std::string stemmer_for_code(const std::vector<StemmingLanguage>& languages, const std::string& code);

}  // namespace newsdex
