/** @file @brief How the query parser reads each field of schema.h: `title:` as ranked
 *  words; `author:`, `source:` as filter words; `url:`, `id:` exactly; `site:` by domain;
 *  `lang:` by language; `date:` as a validated day, month, year or range of them. */
#pragma once

#include <string>

#include <xapian.h>

#include "core/text/date.h"

namespace newsdex {

/// The first problem the field processors met during one parse. They record it rather than
/// throw, because an exception thrown from a FieldProcessor leaks memory inside Xapian
/// 1.4's parser (seen under LeakSanitizer).
class ParseProblems {
  public:
    void report(std::string problem) {
        if (first_.empty()) first_ = std::move(problem);
    }
    const std::string& first() const { return first_; }
    void clear() { first_.clear(); }

  private:
    std::string first_;
};

/// Registers the fields of schema::kQueryFields and `date:` on parser. Processors report
/// bad values (`date:2024-13-45`, `lang:klingon`, `1..2`) to problems, which must outlive
/// the parser; `today` anchors relative dates (`date:7d..`); date filters are shaped for
/// `db` (date_filter.h).
void add_query_fields(Xapian::QueryParser& parser, ParseProblems& problems, const Date& today,
                      const Xapian::Database& db);

}  // namespace newsdex
