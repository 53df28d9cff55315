#include "core/query.h"

#include <iterator>
#include <vector>

#include "core/error.h"
#include "core/schema.h"

namespace newsdex {

namespace {

/// Function words dropped from English queries unless quoted, so that a question like
/// "what did the minister say about the call" ranks on its content words. The index keeps
/// them (with positions), so phrases containing them still match.
constexpr const char* kEnglishStopWords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
    "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
    "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
    "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
    "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
    "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your"};

/// `author:Connolly`, `source:"The Guardian"`: every word of the value must be among the
/// field's lower-cased filter terms, so matching ignores case and word order.
class WordsFieldProcessor : public Xapian::FieldProcessor {
  public:
    explicit WordsFieldProcessor(std::string_view prefix) : prefix_(prefix) {}
    Xapian::Query operator()(const std::string& value) override {
        std::vector<Xapian::Query> terms;
        for (const auto& word : schema::field_words(value))
            terms.emplace_back(schema::make_term(prefix_, word));
        if (terms.empty()) return Xapian::Query::MatchNothing;
        return Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }

  private:
    std::string prefix_;
};

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const std::string& stemmer_name)
    : stemmer_(stemmer_name == "none" || stemmer_name.empty() ? Xapian::Stem() : Xapian::Stem(stemmer_name)) {
    parser_.set_database(db);
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (stemmer_name == "english") {
        stopper_ = std::make_unique<Xapian::SimpleStopper>(std::begin(kEnglishStopWords), std::end(kEnglishStopWords));
        parser_.set_stopper(stopper_.get());
    }
    for (const auto& field : schema::kQueryFields) {
        const std::string name(field.name);
        if (field.kind == schema::FieldKind::Text)
            parser_.add_prefix(name, std::string(field.prefix));
        else
            parser_.add_boolean_prefix(name, (new WordsFieldProcessor(field.prefix))->release());
    }
    parser_.add_rangeprocessor(
        (new Xapian::DateRangeProcessor(schema::kSlotDate, "date:"))->release());
}

QueryBuilder::~QueryBuilder() = default;

Xapian::Query QueryBuilder::parse(const std::string& text, Xapian::Query::op default_op) {
    parser_.set_default_op(default_op);
    constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                Xapian::QueryParser::FLAG_LOVEHATE;
    try {
        return parser_.parse_query(text, kFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw Error(ErrorKind::Query, "malformed query \"" + text + "\": " + e.get_msg(),
                    "put quotes around words meant literally, e.g. \"AND\"");
    } catch (const Xapian::Error& e) {
        throw Error(ErrorKind::Query, "malformed query \"" + text + "\": " + e.get_msg());
    }
}

}  // namespace newsdex
