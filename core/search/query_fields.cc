#include "core/search/query_fields.h"

#include <vector>

#include "core/search/date_filter.h"
#include "core/text/language.h"
#include "core/schema.h"

namespace newsdex {

namespace {

using Q = Xapian::Query;

/// A term no document holds: the prefix alone. Returned after a reported problem, and for
/// values that cannot match; an empty Query would instead erase the whole query.
Q no_match(std::string_view prefix) { return Q(std::string(prefix)); }

/// Base of our processors: a field name for messages and where to report problems.
class ReportingProcessor : public Xapian::FieldProcessor {
  public:
    ReportingProcessor(std::string_view name, std::string_view prefix, ParseProblems& problems)
        : name_(name), prefix_(prefix), problems_(problems) {}

  protected:
    Q fail(const std::string& value, const std::string& why) {
        problems_.report(name_ + ":" + value + ": " + why);
        return no_match(prefix_);
    }
    std::string name_;
    std::string prefix_;
    ParseProblems& problems_;
};

/// Most filter words an `author:Conn*` wildcard stands for: names are few and short.
constexpr Xapian::termcount kFilterWildcardLimit = 1000;

/// `author:Connolly`, `source:"The Guardian"`: every word of the value must be among the
/// field's lower-cased filter terms, so matching ignores case and word order.
class WordsProcessor : public ReportingProcessor {
  public:
    using ReportingProcessor::ReportingProcessor;
    Q operator()(const std::string& value) override {
        std::vector<Q> terms;
        for (const auto& word : schema::field_words(value)) terms.emplace_back(schema::make_term(prefix_, word));
        // `author:Conn*`: the last word as the start of a name word (its most frequent ones).
        if (!terms.empty() && value.back() == '*')
            terms.back() = Q(Q::OP_WILDCARD, terms.back().get_terms_begin() == terms.back().get_terms_end()
                                                 ? prefix_
                                                 : *terms.back().get_terms_begin(),
                             kFilterWildcardLimit, Q::WILDCARD_LIMIT_MOST_FREQUENT);
        if (terms.empty()) return fail(value, "has no words to look for");
        return Q(Q::OP_AND, terms.begin(), terms.end());
    }
};

/// `id:/path/a.txt`, `url:https://...`: the whole value, as stored.
class ExactProcessor : public ReportingProcessor {
  public:
    using ReportingProcessor::ReportingProcessor;
    Q operator()(const std::string& value) override { return Q(schema::make_term(prefix_, value)); }
};

/// `site:example.org` (or a pasted URL): the host and its subdomains.
class HostProcessor : public ReportingProcessor {
  public:
    using ReportingProcessor::ReportingProcessor;
    Q operator()(const std::string& value) override {
        std::string host = value;
        if (auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
        if (auto end = host.find_first_of("/?#"); end != std::string::npos) host.resize(end);
        if (auto at = host.rfind('@'); at != std::string::npos) host.erase(0, at + 1);
        if (auto colon = host.find(':'); colon != std::string::npos) host.resize(colon);
        const auto names = schema::host_and_parents(host);
        if (names.empty()) return fail(value, "is not a host name (write e.g. site:example.org)");
        return Q(schema::make_term(prefix_, names.front()));
    }
};

/// `lang:de`, `lang:German`: the ISO 639-1 code articles are filed under.
class LanguageProcessor : public ReportingProcessor {
  public:
    using ReportingProcessor::ReportingProcessor;
    Q operator()(const std::string& value) override {
        if (auto language = find_language(value); language && !language->code.empty())
            return Q(prefix_ + language->code);
        // Languages without a Xapian stemmer still have codes: accept any two or three letters.
        std::string code;
        for (char c : value) {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return fail(value, unknown());
            code += static_cast<char>(c | 0x20);
        }
        if (code.size() < 2 || code.size() > 3) return fail(value, unknown());
        return Q(prefix_ + code);
    }

  private:
    static std::string unknown() {
        return "unknown language (use an ISO 639-1 code such as en or de, or a name such as german)";
    }
};

/// `date:2024`, `date:2024-03`, `date:2024-03-05`, `date:7d`: the whole period.
class DateProcessor : public ReportingProcessor {
  public:
    DateProcessor(ParseProblems& problems, const Date& today, const Xapian::Database& db)
        : ReportingProcessor(schema::kDateField, "", problems), today_(today), db_(db) {}
    Q operator()(const std::string& value) override {
        try {
            return day_range_query(parse_day_range(value, today_), db_);
        } catch (const DateSpecError& e) {
            problems_.report(e.what());
            return Q::MatchNothing;
        }
    }

  private:
    Date today_;
    Xapian::Database db_;
};

/// `date:2024-02..2024-04`, `date:..2024-03-31`, `date:2024..`.
class DateRangeProcessor : public Xapian::RangeProcessor {
  public:
    DateRangeProcessor(ParseProblems& problems, const Date& today, const Xapian::Database& db)
        : Xapian::RangeProcessor(schema::kSlotDate, std::string(schema::kDateField) + ":"),
          problems_(problems),
          today_(today),
          db_(db) {}
    Q operator()(const std::string& begin, const std::string& end) override {
        try {
            return day_range_query(parse_day_range(begin + ".." + end, today_), db_);
        } catch (const DateSpecError& e) {
            problems_.report(e.what());
            return Q::MatchNothing;
        }
    }

  private:
    ParseProblems& problems_;
    Date today_;
    Xapian::Database db_;
};

/// Any other `a..b`: without this, Xapian throws "Unknown range operation".
class OtherRangeProcessor : public Xapian::RangeProcessor {
  public:
    explicit OtherRangeProcessor(ParseProblems& problems) : problems_(problems) {}
    Q operator()(const std::string& begin, const std::string& end) override {
        problems_.report("\"" + begin + ".." + end + "\": only dates can be ranges (write date:" + begin + ".." +
                         end + ")");
        return Q::MatchNothing;
    }

  private:
    ParseProblems& problems_;
};

}  // namespace

void add_query_fields(Xapian::QueryParser& parser, ParseProblems& problems, const Date& today,
                      const Xapian::Database& db) {
    for (const auto& field : schema::kQueryFields) {
        const std::string name(field.name);
        switch (field.kind) {
            case schema::FieldKind::Text:
                parser.add_prefix(name, std::string(field.prefix));
                break;
            case schema::FieldKind::Filter:
                parser.add_boolean_prefix(name, (new WordsProcessor(field.name, field.prefix, problems))->release());
                break;
            case schema::FieldKind::Exact:
                parser.add_boolean_prefix(name, (new ExactProcessor(field.name, field.prefix, problems))->release());
                break;
            case schema::FieldKind::Host:
                parser.add_boolean_prefix(name, (new HostProcessor(field.name, field.prefix, problems))->release());
                break;
            case schema::FieldKind::Language:
                parser.add_boolean_prefix(name,
                                          (new LanguageProcessor(field.name, field.prefix, problems))->release());
                break;
        }
    }
    parser.add_boolean_prefix(std::string(schema::kDateField), (new DateProcessor(problems, today, db))->release());
    parser.add_rangeprocessor((new DateRangeProcessor(problems, today, db))->release());
    parser.add_rangeprocessor((new OtherRangeProcessor(problems))->release());
}

}  // namespace newsdex
