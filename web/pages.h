/** @file @brief The HTML pages: search results, an article, an error; all escaped. */
#pragma once

#include <string>

#include "core/search/search.h"
#include "web/params.h"

namespace newsdex::web {

/// The facets the search page counts, in sidebar order.
inline constexpr FacetKind kPageFacets[] = {FacetKind::Author, FacetKind::Source, FacetKind::Year,
                                            FacetKind::Language};

/// The start page: no query yet.
std::string home_page(Xapian::doccount articles);

/// The results of `query`, with its facets and timeline.
std::string search_page(const WebQuery& query, const SearchResults& results);

/// One article, the words of `query` marked.
std::string article_page(const ArticleView& view, const WebQuery& query);

/// An error page saying what went wrong; `query` refills the search box.
std::string error_page(int status, const std::string& message, const WebQuery& query);

/// The timeline as an inline SVG bar chart; each bar links to the search narrowed to its period.
std::string timeline_svg(const Timeline& timeline, const WebQuery& query);

}  // namespace newsdex::web
