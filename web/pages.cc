#include "web/pages.h"

#include <algorithm>

#include "searcher/output.h"
#include "web/html.h"
#include "web/templates.h"

namespace newsdex::web {

namespace {

constexpr std::pair<const char*, const char*> kSorts[] = {
    {"", "Best match"}, {"newest", "Newest"}, {"oldest", "Oldest"}, {"recent", "Recent and relevant"}};

std::string sort_options(const std::string& chosen) {
    std::string out;
    for (const auto& [value, label] : kSorts)
        out += std::string("<option value=\"") + value + "\"" + (chosen == value ? " selected" : "") + ">" + label +
               "</option>";
    return out;
}

/// The filters ride along with a new query typed into the box.
std::string hidden_filters(const WebQuery& query) {
    std::string out;
    for (const auto& f : query.filters)
        out += "<input type=\"hidden\" name=\"" + escape(f.field) + "\" value=\"" + escape(f.value) + "\">";
    return out;
}

std::string page(const std::string& title, const WebQuery& query, const std::string& body) {
    return render("page.html", {{"title", title},
                                {"q", query.q},
                                {"since", query.since},
                                {"until", query.until},
                                {"hidden", hidden_filters(query)},
                                {"sort_options", sort_options(query.sort)},
                                {"body", body}});
}

std::string link(const std::string& href, const std::string& text_html, const std::string& cls = {}) {
    return "<a " + (cls.empty() ? std::string() : "class=\"" + cls + "\" ") + "href=\"" + escape(href) + "\">" +
           text_html + "</a>";
}

/// Byline · date · source · URL, each escaped; the URL a link only when it is http(s).
std::string meta_html(const Article& a) {
    std::vector<std::string> parts;
    if (!a.author_line().empty()) parts.push_back("<span class=\"byline\">" + escape(a.author_line()) + "</span>");
    if (const std::string date = display_date(a); !date.empty())
        parts.push_back("<span class=\"date\">" + escape(date) + "</span>");
    if (!a.source.empty()) parts.push_back("<span class=\"source\">" + escape(a.source) + "</span>");
    if (!a.url.empty()) {
        const std::string href = safe_link(a.url);
        parts.push_back(href.empty() ? "<span class=\"url\">" + escape(a.url) + "</span>"
                                     : "<a class=\"url\" rel=\"noopener noreferrer nofollow\" href=\"" + escape(href) +
                                           "\">" + escape(a.url) + "</a>");
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : " &middot; ") + p;
    return out;
}

WebQuery first_page(WebQuery q) {
    q.offset = 0;
    return q;
}

std::string article_link(const std::string& id, const WebQuery& query) {
    // The page's state rides along, so that the article page's "back" returns here.
    const std::string state = query.url("");
    return "/article" + query_string({{"id", id}}) + (state.empty() ? "" : "&" + state.substr(1));
}

std::string hit_html(const Hit& hit, const WebQuery& query) {
    const Article& a = hit.article;
    std::string similar;
    if (hit.similar > 0) {
        WebQuery group = first_page(query);
        group.group = a.id;
        similar = link(group.url(), "+" + std::to_string(hit.similar) + " similar", "similar");
    }
    WebQuery like;
    like.like = a.id;
    return render("hit.html", {{"article_url", article_link(a.id, query)},
                               {"title", a.title.empty() ? escape(a.id) : to_html(hit.title)},
                               {"meta", meta_html(a) + (hit.all_words ? "" : " &middot; <em>some of the words</em>")},
                               {"snippet", to_html(hit.snippet)},
                               {"similar", similar},
                               {"like_url", like.url()}});
}

std::string facets_html(const WebQuery& query, const SearchResults& r) {
    std::string out;
    for (const auto& facet : r.facets) {
        if (facet.values.empty()) continue;
        const std::string field = facet.kind == FacetKind::Language ? "lang" : std::string(facet_name(facet.kind));
        out += "<section class=\"facet\" data-facet=\"" + field + "\"><h3>" + escape(field) + "</h3><ul>";
        for (const auto& v : facet.values) {
            WebQuery narrowed = first_page(query);
            const Filter filter{field, v.value};
            const bool active = std::find(query.filters.begin(), query.filters.end(), filter) != query.filters.end();
            if (!active) narrowed.filters.push_back(filter);
            out += "<li>" + (active ? "<strong>" + escape(v.value) + "</strong>" : link(narrowed.url(), escape(v.value))) +
                   " <span class=\"count\">" + std::to_string(v.count) + "</span></li>";
        }
        out += "</ul></section>";
    }
    return out;
}

std::string filters_html(const WebQuery& query) {
    if (query.filters.empty() && query.since.empty() && query.until.empty() && query.group.empty() &&
        query.like.empty())
        return {};
    std::string out = "<section class=\"filters\"><h3>Filters</h3><ul>";
    for (std::size_t i = 0; i < query.filters.size(); ++i) {
        WebQuery without = first_page(query);
        without.filters.erase(without.filters.begin() + static_cast<std::ptrdiff_t>(i));
        out += "<li>" + link(without.url(), "&times; " + escape(query.filters[i].field) + ": " +
                                                escape(query.filters[i].value), "remove") + "</li>";
    }
    if (!query.since.empty() || !query.until.empty()) {
        WebQuery without = first_page(query);
        without.since.clear();
        without.until.clear();
        out += "<li>" + link(without.url(), "&times; dates: " + escape(query.since) + " &ndash; " + escape(query.until),
                             "remove") + "</li>";
    }
    if (!query.group.empty()) {
        WebQuery without = first_page(query);
        without.group.clear();
        out += "<li>" + link(without.url(), "&times; copies of " + escape(query.group), "remove") + "</li>";
    }
    if (!query.like.empty()) {
        WebQuery without = first_page(query);
        without.like.clear();
        out += "<li>" + link(without.url(), "&times; like " + escape(query.like), "remove") + "</li>";
    }
    return out + "</ul></section>";
}

std::string notices_html(const WebQuery& query, const SearchResults& r) {
    std::string out;
    for (const auto& note : r.notes) out += "<p class=\"notice\">" + escape(note) + ".</p>";
    if (!r.corrected_from.empty())
        out += "<p class=\"notice corrected\">Showing results for <strong>" + escape(r.query) +
               "</strong>: no article holds every word of &ldquo;" + escape(r.corrected_from) + "&rdquo;.</p>";
    if (!r.suggestion.empty()) {
        WebQuery suggested = first_page(query);
        suggested.q = r.suggestion;
        suggested.filters.clear();  // the suggestion spells out the whole query, filters included
        out += "<p class=\"notice suggestion\">Did you mean " +
               link(suggested.url(), "<em>" + escape(r.suggestion) + "</em>", "suggestion") + "?</p>";
    }
    if (!r.like_id.empty()) {
        std::string words;
        for (const auto& w : r.like_words) words += (words.empty() ? "" : ", ") + w;
        out += "<p class=\"notice\">Articles like " + escape(r.like_id) + " (by its terms: " + escape(words) + ").</p>";
    }
    return out;
}

std::string summary_html(const WebQuery& query, const SearchResults& r) {
    const bool exact = r.total_lower == r.total_upper;
    std::string out = "<span class=\"total\">" + std::string(exact ? "" : "About ") + std::to_string(r.total) +
                      (r.total == 1 ? " match" : " matches") + "</span>";
    if (!query.q.empty()) out += " for &ldquo;" + escape(query.q) + "&rdquo;";
    if (!r.hits.empty())
        out += ", showing " + std::to_string(r.hits.front().rank) + "&ndash;" + std::to_string(r.hits.back().rank);
    return out + ".";
}

std::string pager_html(const WebQuery& query, const SearchResults& r) {
    std::string out;
    if (query.offset > 0) {
        WebQuery prev = query;
        prev.offset = query.offset > query.limit ? query.offset - query.limit : 0;
        out += link(prev.url(), "&larr; Previous", "prev");
    }
    const std::uint64_t next_offset = std::uint64_t{query.offset} + query.limit;
    if (query.limit > 0 && next_offset < r.total && !r.hits.empty()) {
        WebQuery next = query;
        next.offset = static_cast<Xapian::doccount>(next_offset);
        out += link(next.url(), "Next &rarr;", "next");
    }
    return out.empty() ? std::string() : "<nav class=\"pager\">" + out + "</nav>";
}

}  // namespace

std::string timeline_svg(const Timeline& t, const WebQuery& query) {
    if (t.bars.size() < 2) return {};
    constexpr double kWidth = 800, kHeight = 90, kChart = 72;
    Xapian::doccount most = 1;
    for (const auto& bar : t.bars) most = std::max(most, bar.count);
    const double step = kWidth / static_cast<double>(t.bars.size());
    const double width = std::max(1.0, step * 0.85);
    auto num = [](double v) { return std::to_string(static_cast<long long>(v * 10) / 10.0).substr(0, 8); };
    std::string out = "<svg class=\"timeline\" role=\"img\" aria-label=\"Matches by " +
                      std::string(timeline_unit_name(t.unit)) + "\" viewBox=\"0 0 " + num(kWidth) + " " +
                      num(kHeight) + "\" preserveAspectRatio=\"none\">";
    for (std::size_t i = 0; i < t.bars.size(); ++i) {
        const auto& bar = t.bars[i];
        const double h = bar.count == 0 ? 1 : std::max(2.0, kChart * static_cast<double>(bar.count) / most);
        WebQuery narrowed = first_page(query);
        narrowed.since = bar.period;
        narrowed.until = bar.period;
        const std::string label = bar.period + ": " + std::to_string(bar.count);
        out += "<a class=\"bar\" href=\"" + escape(narrowed.url()) + "\" data-period=\"" + escape(bar.period) +
               "\"><rect" + std::string(bar.count == 0 ? " class=\"empty\"" : "") + " x=\"" +
               num(static_cast<double>(i) * step) + "\" y=\"" + num(kChart - h) + "\" width=\"" + num(width) +
               "\" height=\"" + num(h) + "\"><title>" + escape(label) + "</title></rect></a>";
    }
    out += "<text x=\"0\" y=\"86\">" + escape(t.bars.front().period) + "</text>";
    out += "<text x=\"" + num(kWidth) + "\" y=\"86\" text-anchor=\"end\">" + escape(t.bars.back().period) + "</text>";
    return out + "</svg>";
}

std::string home_page(Xapian::doccount articles) {
    return page("Newsdex", WebQuery{}, render("home.html", {{"articles", std::to_string(articles)}}));
}

std::string search_page(const WebQuery& query, const SearchResults& r) {
    std::string hits;
    for (const auto& hit : r.hits) hits += hit_html(hit, query);
    const std::string body =
        render("results.html", {{"filters", filters_html(query)},
                                {"facets", facets_html(query, r)},
                                {"notices", notices_html(query, r)},
                                {"summary", summary_html(query, r)},
                                {"timeline", r.timeline ? timeline_svg(*r.timeline, query) : std::string()},
                                {"start", std::to_string(std::uint64_t{query.offset} + 1)},
                                {"hits", hits},
                                {"pager", pager_html(query, r)}});
    return page((query.q.empty() ? std::string("Search") : query.q) + " - Newsdex", query, body);
}

std::string article_page(const ArticleView& view, const WebQuery& query) {
    WebQuery like;
    like.like = view.article.id;
    const std::string title = view.article.title.empty() ? view.article.id : view.article.title;
    return page(title + " - Newsdex", query,
                render("article.html", {{"back_url", query.url()},
                                        {"title", view.article.title.empty() ? escape(view.article.id)
                                                                             : to_html(view.title)},
                                        {"meta", meta_html(view.article)},
                                        {"body", to_html(view.body)},
                                        {"like_url", like.url()}}));
}

std::string error_page(int status, const std::string& message, const WebQuery& query) {
    const std::string heading = status == 400   ? "That query cannot be searched"
                                : status == 404 ? "Not found"
                                : status == 503 ? "The archive is not available"
                                                : "Something went wrong";
    return page(heading + " - Newsdex", query, render("error.html", {{"heading", heading}, {"message", message}}));
}

}  // namespace newsdex::web
