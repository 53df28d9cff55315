/** @file @brief A search as the page's URL states it, read and checked, and turned into the
 *  core's SearchRequest; and the URL of the same search with one thing changed. */
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/search/search.h"

namespace newsdex::web {

/// Limits on what one request may ask, so that no request costs without bound.
struct Limits {
    Xapian::doccount max_limit = 100;     ///< hits per page
    Xapian::doccount max_offset = 10000;  ///< how deep paging goes
    std::size_t max_query_bytes = 4096;   ///< q (the core also stops at 2000 characters)
    std::size_t max_facets = 5;           ///< facet= values (author, source, year, month, lang)
    std::size_t max_facet_limit = 100;    ///< values per facet
    std::size_t max_filters = 20;         ///< facet filters (author=, source=, year=, lang=)
    double time_limit = 2.0;              ///< seconds the matcher may spend on one ranking
};

/// A facet value the user clicked: kept apart from q in the URL, so it can be removed.
struct Filter {
    std::string field;  ///< "author", "source", "year", "lang"
    std::string value;
    bool operator==(const Filter&) const = default;
};

/// Every state of the page, as its URL carries it.
struct WebQuery {
    std::string q;
    Xapian::doccount offset = 0;
    Xapian::doccount limit = 10;
    std::string sort;    ///< "", relevance, newest, oldest, recent
    std::string since;   ///< as typed: 2024, 2024-03, 2024-03-05, 7d
    std::string until;
    std::vector<Filter> filters;
    std::string like;    ///< more like this article id
    std::string group;   ///< the duplicate group of this article id
    bool all = false;    ///< every copy, no collapsing
    std::vector<std::string> facets;   ///< /api/search: facets to count
    std::size_t facet_limit = 10;
    std::string timeline;              ///< /api/search: "", auto, day, month, year

    /// The query the core searches: q and the filters as query terms.
    std::string core_query() const;
    /// The URL path + query string of this search (the page's state), for links.
    std::string url(const std::string& path = "/") const;
};

/// A parameter of the request's query string; nullopt when absent.
using ParamGetter = std::function<std::vector<std::string>(const std::string& name)>;

/// Reads the request's parameters. Throws Error(Usage) with a message for the user when a
/// value is malformed or past a limit.
WebQuery read_query(const ParamGetter& params, const Limits& limits);

/// The core's request for it; throws Error(Usage) for bad dates.
SearchRequest to_request(const WebQuery& query, const Limits& limits);

}  // namespace newsdex::web
