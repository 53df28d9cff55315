#include "core/search/more_like_this.h"

#include <filesystem>
#include <set>

#include "core/error.h"
#include "core/schema.h"
#include "core/text/stop_words.h"

namespace newsdex {

namespace {

/// Accepts the terms that carry an article's subject: with stemming, the Z-prefixed stems
/// of body and title words (not the title-only ZS... ones, nor any other prefix); without,
/// the unprefixed words. Stop words and pure numbers never qualify.
class SubjectTerms : public Xapian::ExpandDecider {
  public:
    explicit SubjectTerms(const Xapian::Stem& stemmer) : stemmed_(!stemmer.is_none()) {
        for (const char* word : english_stop_words()) stop_.insert(schema::stem_term(stemmer, word));
    }
    bool operator()(const std::string& term) const override {
        if (term.empty() || stop_.count(term)) return false;
        const std::string_view prefix = stemmed_ ? schema::kPrefixStem : std::string_view();
        if (!std::string_view(term).starts_with(prefix)) return false;
        const std::string_view word = std::string_view(term).substr(prefix.size());
        if (word.empty() || (word[0] >= 'A' && word[0] <= 'Z')) return false;  // a prefix, not a word
        return word.find_first_not_of("0123456789.,") != std::string_view::npos;
    }

  private:
    bool stemmed_;
    std::set<std::string> stop_;
};

/// The docid holding this id term, or 0.
Xapian::docid find(const Xapian::Database& db, const std::string& id) {
    const std::string term = schema::id_term(id);
    auto it = db.postlist_begin(term);
    return it == db.postlist_end(term) ? 0 : *it;
}

}  // namespace

LikeQuery more_like_this(const Xapian::Database& db, const std::string& id_or_path, const Xapian::Stem& stemmer,
                         std::size_t max_terms) {
    LikeQuery like;
    like.id = id_or_path;
    Xapian::docid docid = find(db, like.id);
    if (docid == 0) {
        // The indexer's ids are canonical paths: accept a relative path or one via a symlink.
        std::error_code ec;
        const auto canonical = std::filesystem::weakly_canonical(id_or_path, ec);
        if (!ec && canonical.string() != id_or_path) {
            like.id = canonical.string();
            docid = find(db, like.id);
        }
    }
    if (docid == 0)
        throw Error(ErrorKind::Usage, "--like " + id_or_path + ": no such article in the database",
                    "give an id as --ids prints it, or the path of an indexed file");

    Xapian::Enquire enquire(db);
    // Bo1 weighs a term by how often the article uses it against how common it is; the
    // default (TradEWeight) ignores the article's own counts and so favours words it
    // mentions once just because they are rare.
    enquire.set_expansion_scheme("bo1");
    Xapian::RSet relevant;
    relevant.add_document(docid);
    const SubjectTerms decider(stemmer);
    const Xapian::ESet eset = enquire.get_eset(static_cast<Xapian::termcount>(max_terms), relevant, &decider);
    std::vector<Xapian::Query> terms;
    for (auto it = eset.begin(); it != eset.end(); ++it) {
        terms.emplace_back(*it);
        like.words.push_back(stemmer.is_none() ? *it : (*it).substr(schema::kPrefixStem.size()));
    }
    const Xapian::Query self(schema::id_term(like.id));
    like.query = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()),
                               self);
    return like;
}

}  // namespace newsdex
