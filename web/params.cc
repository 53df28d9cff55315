#include "web/params.h"

#include <algorithm>
#include <charconv>

#include "core/error.h"
#include "web/html.h"

namespace newsdex::web {

namespace {

constexpr const char* kFilterFields[] = {"author", "source", "year", "lang"};

std::string one(const ParamGetter& params, const std::string& name) {
    const auto values = params(name);
    return values.empty() ? std::string() : values.front();
}

Xapian::doccount number(const ParamGetter& params, const std::string& name, Xapian::doccount fallback,
                        Xapian::doccount max) {
    const std::string text = one(params, name);
    if (text.empty()) return fallback;
    Xapian::doccount n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size())
        throw Error(ErrorKind::Usage, name + " must be a whole number, not \"" + text + "\"");
    if (n > max) throw Error(ErrorKind::Usage, name + " must be at most " + std::to_string(max));
    return n;
}

/// A filter value inside a quoted query value: quotes would end it, so they go.
std::string quoted(std::string value) {
    std::erase(value, '"');
    return "\"" + value + "\"";
}

}  // namespace

std::string WebQuery::core_query() const {
    std::string out = q;
    for (const auto& f : filters) {
        std::string term;
        if (f.field == "year") term = "date:" + f.value;
        else if (f.field == "lang") term = "lang:" + quoted(f.value);
        else term = f.field + ":" + quoted(f.value);
        out += (out.empty() ? "" : " ") + term;
    }
    return out;
}

std::string WebQuery::url(const std::string& path) const {
    std::vector<std::pair<std::string, std::string>> p{{"q", q}};
    for (const auto& f : filters) p.emplace_back(f.field, f.value);
    p.emplace_back("sort", sort);
    p.emplace_back("since", since);
    p.emplace_back("until", until);
    p.emplace_back("like", like);
    p.emplace_back("group", group);
    p.emplace_back("all", all ? "1" : "");
    if (limit != 10) p.emplace_back("limit", std::to_string(limit));
    if (offset > 0) p.emplace_back("offset", std::to_string(offset));
    return path + query_string(p);
}

WebQuery read_query(const ParamGetter& params, const Limits& limits) {
    WebQuery w;
    w.q = one(params, "q");
    if (w.q.size() > limits.max_query_bytes)
        throw Error(ErrorKind::Query, "the query is longer than " + std::to_string(limits.max_query_bytes) + " bytes");
    w.limit = number(params, "limit", 10, limits.max_limit);
    w.offset = number(params, "offset", 0, limits.max_offset);
    w.sort = one(params, "sort");
    if (!w.sort.empty() && w.sort != "relevance" && w.sort != "newest" && w.sort != "oldest" && w.sort != "recent")
        throw Error(ErrorKind::Usage, "sort must be relevance, newest, oldest or recent");
    w.since = one(params, "since");
    w.until = one(params, "until");
    for (const char* field : kFilterFields)
        for (auto& value : params(field))
            if (!value.empty()) w.filters.push_back({field, std::move(value)});
    if (w.filters.size() > limits.max_filters)
        throw Error(ErrorKind::Usage, "at most " + std::to_string(limits.max_filters) + " filters");
    w.like = one(params, "like");
    w.group = one(params, "group");
    w.all = one(params, "all") == "1";
    w.facets = params("facet");
    if (w.facets.size() > limits.max_facets)
        throw Error(ErrorKind::Usage, "at most " + std::to_string(limits.max_facets) + " facets");
    w.facet_limit = number(params, "facet_limit", 10, static_cast<Xapian::doccount>(limits.max_facet_limit));
    w.timeline = one(params, "timeline");
    if (!w.timeline.empty() && w.timeline != "auto" && !parse_timeline_unit(w.timeline))
        throw Error(ErrorKind::Usage, "timeline must be auto, day, month or year");
    return w;
}

SearchRequest to_request(const WebQuery& w, const Limits& limits) {
    SearchRequest r;
    r.query = w.core_query();
    if (r.query.find_first_not_of(" \t\r\n") == std::string::npos) r.query.clear();
    r.offset = w.offset;
    r.limit = w.limit;
    if (w.sort == "relevance") r.sort = SortOrder::Relevance;
    if (w.sort == "newest") r.sort = SortOrder::Newest;
    if (w.sort == "oldest") r.sort = SortOrder::Oldest;
    if (w.sort == "recent") r.sort = SortOrder::Recent;
    const Date& today = r.query_options.today;
    try {
        if (!w.since.empty()) r.dates.from = day_bound(w.since, Bound::First, today);
        if (!w.until.empty()) r.dates.to = day_bound(w.until, Bound::Last, today);
    } catch (const DateSpecError& e) {
        throw Error(ErrorKind::Usage, e.what());
    }
    if (!r.dates.from.empty() && !r.dates.to.empty() && r.dates.from > r.dates.to)
        throw Error(ErrorKind::Usage, "since " + w.since + " is after until " + w.until);
    for (const auto& name : w.facets) {
        const auto kind = parse_facet(name);
        if (!kind) throw Error(ErrorKind::Usage, "unknown facet \"" + name + "\" (use " + facet_names() + ")");
        r.facets.push_back(*kind);
    }
    r.facet_limit = w.facet_limit;
    if (!w.timeline.empty()) {
        r.timeline = true;
        r.timeline_unit = parse_timeline_unit(w.timeline);
    }
    r.like_id = w.like;
    r.group_of = w.group;
    r.collapse = !w.all && w.group.empty();
    r.time_limit = limits.time_limit;
    return r;
}

}  // namespace newsdex::web
