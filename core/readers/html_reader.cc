#include "core/readers/html_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/text/date.h"
#include "core/text/encoding.h"
#include "core/text/language.h"
#include "core/readers/html_bounds.h"
#include "core/readers/html_text.h"
#include "core/readers/json_bounded.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

using nlohmann::json;

bool iequals(std::string_view a, std::string_view b) { return ascii_lower(a) == ascii_lower(b); }

std::size_t word_count(std::string_view s) {
    std::size_t n = 0;
    bool in_word = false;
    for (char c : s) {
        const bool space = c == ' ';
        if (!space && !in_word) ++n;
        in_word = !space;
    }
    return n;
}

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//"); }

bool digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<Date> date_in_url(std::string_view url) {
    // Path segments /YYYY/MM/DD/ (or /YYYY/MM/); the host and query are not the path.
    const auto scheme = url.find("://");
    std::string_view path = url.substr(scheme == std::string_view::npos ? 0 : scheme + 3);
    path = path.substr(std::min(path.find('/'), path.size()));
    path = path.substr(0, std::min(path.find_first_of("?#"), path.size()));
    std::vector<std::string_view> parts;
    for (std::size_t start = 0; start < path.size();) {
        const auto end = std::min(path.find('/', start), path.size());
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i].size() != 4 || !digits(parts[i]) || parts[i + 1].size() != 2 || !digits(parts[i + 1])) continue;
        const int year = std::stoi(std::string(parts[i]));
        const int month = std::stoi(std::string(parts[i + 1]));
        int day = 1;
        if (i + 2 < parts.size() && parts[i + 2].size() == 2 && digits(parts[i + 2])) day = std::stoi(std::string(parts[i + 2]));
        if (year < 1990 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
        char iso[11];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
        if (auto d = parse_date(iso)) return d;
    }
    return std::nullopt;
}

namespace {

/// What the page says about itself, gathered in one pass over its elements.
struct PageFacts {
    std::map<std::string, std::string> meta;  // lower-cased name/property/itemprop -> content (first wins)
    std::string title_tag, canonical, html_lang, h1;
    std::vector<std::string> rel_authors, byline_texts, itemprop_authors, time_datetimes;
    std::vector<const GumboNode*> article_bodies, articles, mains, paragraphs;
    std::vector<const GumboNode*> text_blocks;  // blocks holding bare text (lines split by <br>)
    const GumboNode* h1_node = nullptr;
    std::vector<json> ld_articles;  // JSON-LD objects of an Article type
    std::vector<json> ld_works;     // other JSON-LD objects with a date, author or headline
    std::string ld_publisher;       // publisher.name from any JSON-LD object
};

std::string meta_value(const PageFacts& f, std::initializer_list<std::string_view> names) {
    for (auto name : names)
        if (auto it = f.meta.find(std::string(name)); it != f.meta.end() && !it->second.empty()) return it->second;
    return {};
}

bool is_article_type(const json& type) {
    auto matches = [](const std::string& t) {
        return t.ends_with("Article") || t == "BlogPosting" || t == "LiveBlogPosting" || t == "Report" ||
               t == "SocialMediaPosting" || t == "Posting";
    };
    if (type.is_string()) return matches(type.get<std::string>());
    if (type.is_array())
        for (const auto& t : type)
            if (t.is_string() && matches(t.get<std::string>())) return true;
    return false;
}

std::string json_string(const json& j, const char* key) {
    if (!j.is_object()) return {};
    auto it = j.find(key);
    if (it == j.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_object()) {
        for (const char* inner : {"name", "@id", "url", "@value"}) {
            auto in = it->find(inner);
            if (in != it->end() && in->is_string()) return in->get<std::string>();
        }
    }
    if (it->is_array() && !it->empty() && it->front().is_string()) return it->front().get<std::string>();
    return {};
}

/// Names in a JSON-LD author value: "A", {"name": "A"}, or a list of either.
std::vector<std::string> json_names(const json& value) {
    std::vector<std::string> out;
    auto add = [&](const json& v) {
        std::string name;
        if (v.is_string()) name = v.get<std::string>();
        else if (v.is_object() && v.contains("name") && v["name"].is_string()) name = v["name"].get<std::string>();
        name = squeeze_whitespace(name);
        if (!name.empty() && !is_url(name))
            for (auto& n : parse_author_list(name)) out.push_back(std::move(n));
    };
    if (value.is_array()) {
        for (const auto& v : value) add(v);
    } else {
        add(value);
    }
    return out;
}

/// True for a schema.org CreativeWork of any type (WebPage, MedicalWebPage, Recipe, ...)
/// that says something about the article: a date, an author or a headline.
bool describes_work(const json& j) {
    for (const char* key : {"datePublished", "dateModified", "dateCreated", "author", "headline"})
        if (j.contains(key)) return true;
    return false;
}

/// Collects Article-typed objects, and other typed objects that describe a work, from a
/// JSON-LD block: top level, lists, @graph and any nesting (mainEntity, hasPart, ...).
void collect_ld(const json& j, PageFacts& facts, int depth = 0) {
    if (depth > 8) return;
    if (j.is_array()) {
        for (const auto& item : j) collect_ld(item, facts, depth + 1);
        return;
    }
    if (!j.is_object()) return;
    if (auto type = j.find("@type"); type != j.end()) {
        if (is_article_type(*type)) facts.ld_articles.push_back(j);
        else if (describes_work(j)) facts.ld_works.push_back(j);
    }
    for (const auto& [key, value] : j.items())
        if ((value.is_object() || value.is_array()) && key != "author" && key != "publisher")
            collect_ld(value, facts, depth + 1);
    if (facts.ld_publisher.empty()) {
        if (auto pub = j.find("publisher"); pub != j.end()) {
            if (pub->is_object() && pub->contains("name") && (*pub)["name"].is_string())
                facts.ld_publisher = (*pub)["name"].get<std::string>();
        }
    }
}

bool has_class_word(const GumboNode* node, std::string_view word) {
    for (const char* name : {"class", "id"})
        if (const char* v = attribute(node, name); v && ascii_lower(v).find(word) != std::string::npos) return true;
    return false;
}

PageFacts gather(const GumboNode* root) {
    PageFacts f;
    for (const GumboNode* n : elements_below(root)) {
        const GumboTag tag = n->v.element.tag;
        switch (tag) {
            case GUMBO_TAG_HTML:
                if (const char* lang = attribute(n, "lang"); lang && f.html_lang.empty()) f.html_lang = lang;
                break;
            case GUMBO_TAG_TITLE:
                if (f.title_tag.empty()) f.title_tag = text_of(n);
                break;
            case GUMBO_TAG_META: {
                const char* content = attribute(n, "content");
                if (!content) break;
                for (const char* key : {"property", "name", "itemprop", "http-equiv"})
                    if (const char* name = attribute(n, key)) f.meta.emplace(ascii_lower(name), squeeze_whitespace(content));
                break;
            }
            case GUMBO_TAG_LINK: {
                const char* rel = attribute(n, "rel");
                const char* href = attribute(n, "href");
                if (rel && href && iequals(rel, "canonical") && f.canonical.empty()) f.canonical = href;
                break;
            }
            case GUMBO_TAG_SCRIPT: {
                const char* type = attribute(n, "type");
                if (!type || !iequals(type, "application/ld+json")) break;
                const GumboVector* kids = children_of(n);
                if (!kids || kids->length == 0) break;
                const auto* text = static_cast<const GumboNode*>(kids->data[0]);
                if (text->type != GUMBO_NODE_TEXT && text->type != GUMBO_NODE_CDATA) break;
                json j = parse_json_bounded(text->v.text.text, /*allow_exceptions=*/false).value;  // copied below
                if (!j.is_discarded()) collect_ld(j, f);
                break;
            }
            case GUMBO_TAG_H1:
                if (f.h1.empty()) f.h1 = text_of(n), f.h1_node = n;
                break;
            case GUMBO_TAG_TIME:
                if (const char* dt = attribute(n, "datetime")) f.time_datetimes.emplace_back(dt);
                break;
            case GUMBO_TAG_ARTICLE: f.articles.push_back(n); break;
            case GUMBO_TAG_MAIN: f.mains.push_back(n); break;
            case GUMBO_TAG_P: f.paragraphs.push_back(n); break;
            case GUMBO_TAG_DIV: case GUMBO_TAG_TD: case GUMBO_TAG_SECTION: case GUMBO_TAG_BLOCKQUOTE:
            case GUMBO_TAG_CENTER: case GUMBO_TAG_FONT: case GUMBO_TAG_BODY: {
                // A body written as text split by <br><br>, without <p>: its own text runs.
                std::size_t own = 0;
                const GumboVector& kids = n->v.element.children;
                for (unsigned i = 0; i < kids.length; ++i)
                    if (const auto* k = static_cast<const GumboNode*>(kids.data[i]); k->type == GUMBO_NODE_TEXT)
                        own += std::strlen(k->v.text.text);
                if (own >= 100) f.text_blocks.push_back(n);
                break;
            }
            case GUMBO_TAG_A:
                if (const char* rel = attribute(n, "rel"); rel && ascii_lower(rel).find("author") != std::string::npos)
                    if (auto t = text_of(n); !t.empty()) f.rel_authors.push_back(t);
                break;
            default: break;
        }
        if (const char* role = attribute(n, "role"); role && iequals(role, "main")) f.mains.push_back(n);
        if (const char* prop = attribute(n, "itemprop")) {
            const std::string p = ascii_lower(prop);
            if (p == "articlebody") f.article_bodies.push_back(n);
            if (p == "author") {
                // <span itemprop="author"><span itemprop="name">A</span></span>, or the text itself.
                std::string name;
                for (const GumboNode* k : elements_below(n))
                    if (const char* kp = attribute(k, "itemprop"); k != n && kp && iequals(kp, "name")) {
                        name = attribute(k, "content") ? attribute(k, "content") : text_of(k);
                        break;
                    }
                if (name.empty()) name = attribute(n, "content") ? attribute(n, "content") : text_of(n);
                if (!name.empty()) f.itemprop_authors.push_back(name);
            }
            if (p == "datepublished") {
                const char* v = attribute(n, "content") ? attribute(n, "content") : attribute(n, "datetime");
                if (v) f.meta.emplace("datepublished", v);
            }
        }
        if (tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML && tag != GUMBO_TAG_META &&
            (has_class_word(n, "byline") || has_class_word(n, "author-name") || has_class_word(n, "article-author"))) {
            if (auto t = text_of(n); !t.empty() && t.size() < 200) f.byline_texts.push_back(t);
        }
    }
    return f;
}

std::size_t total_size(const std::vector<std::string>& paragraphs) {
    std::size_t n = 0;
    for (const auto& p : paragraphs) n += p.size();
    return n;
}

bool inside_furniture(const GumboNode* node, const TextMass& mass) {
    for (const GumboNode* p = node ? node->parent : nullptr; p; p = p->parent)
        if (is_furniture_element(p) && !mass.holds_most(p)) return true;
    return false;
}

/// A paragraph's score (Readability's idea): one, plus its commas, plus a point per 100
/// characters up to three.
double paragraph_score(std::string_view text) {
    return 1.0 + static_cast<double>(std::count(text.begin(), text.end(), ',')) +
           std::min(static_cast<double>(text.size()) / 100.0, 3.0);
}

/// The own text of a block (its text children, not its elements').
std::string own_text(const GumboNode* n) {
    std::string out;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i)
        if (const auto* k = static_cast<const GumboNode*>(kids.data[i]); k->type == GUMBO_NODE_TEXT)
            out.append(k->v.text.text).push_back(' ');
    return squeeze_whitespace(out);
}

/// The element holding the densest run of real paragraphs (Readability's idea): each
/// paragraph of 25+ characters scores its parent, and half as much its grandparent; a
/// block's own text split by <br> scores the block itself, and half its parent.
const GumboNode* densest_block(const PageFacts& facts, const TextMass& mass) {
    std::map<const GumboNode*, double> score;
    auto add = [&](const GumboNode* container, const std::string& text) {
        if (!container) return;
        const double s = paragraph_score(text);
        score[container] += s;
        if (const GumboNode* up = container->parent) score[up] += s / 2;
    };
    for (const GumboNode* p : facts.paragraphs) {
        const std::string text = text_of(p);
        if (text.size() < 25 || inside_furniture(p, mass)) continue;
        add(p->parent, text);
    }
    for (const GumboNode* b : facts.text_blocks) {
        if (is_furniture_element(b) && !mass.holds_most(b)) continue;
        if (inside_furniture(b, mass)) continue;
        add(b, own_text(b));
    }
    const GumboNode* best = nullptr;
    double best_score = 0;
    for (const auto& [node, s] : score)
        if (s > best_score) best = node, best_score = s;
    return best;
}

bool contains(const GumboNode* outer, const GumboNode* inner) {
    for (const GumboNode* n = inner; n; n = n->parent)
        if (n == outer) return true;
    return false;
}

/// The candidate that is the article, and its text: of the outermost candidates (one
/// inside another holds no more text than it, so nested <article>s cost one pass), the
/// one holding the page's <h1> when it has text enough, else the one with the most text.
/// A page of several <article>s is often a post and teasers of others.
std::pair<const GumboNode*, std::vector<std::string>> best_of(const std::vector<const GumboNode*>& nodes,
                                                              const ExtractOptions& options,
                                                              const GumboNode* h1, std::size_t enough) {
    const std::set<const GumboNode*> all(nodes.begin(), nodes.end());
    std::pair<const GumboNode*, std::vector<std::string>> best{nullptr, {}};
    std::size_t best_size = 0;
    bool best_has_h1 = false;
    for (const GumboNode* n : nodes) {
        bool nested = false;
        for (const GumboNode* up = n->parent; up && !nested; up = up->parent) nested = all.count(up) > 0;
        if (nested) continue;
        auto paragraphs = paragraphs_of(n, options);
        const std::size_t size = total_size(paragraphs);
        const bool has_h1 = h1 && size >= enough && contains(n, h1);
        if ((has_h1 && !best_has_h1) || (has_h1 == best_has_h1 && size > best_size))
            best = {n, std::move(paragraphs)}, best_size = size, best_has_h1 = has_h1;
    }
    return best;
}

/// The main text: schema.org articleBody, else <article>, else <main>, each taken when it
/// holds text enough and not much less than the densest block (a teaser <article> or a
/// <main> around a caption is not the story); else the densest block; else the body.
/// As a last resort, a page whose structure names no text keeps its longest prose,
/// furniture or not, with a warning, rather than being skipped.
std::vector<std::string> extract_body(const PageFacts& facts, const GumboNode* root, std::vector<std::string>& warnings) {
    const TextMass mass = measure_text_mass(root);
    ExtractOptions options;
    options.skip_headings = true;
    options.mass = &mass;
    constexpr std::size_t kEnough = 200;  // characters that make a candidate the article
    const GumboNode* dense = densest_block(facts, mass);
    std::vector<std::string> dense_text = dense ? paragraphs_of(dense, options) : std::vector<std::string>{};
    const std::size_t dense_size = total_size(dense_text);
    for (const auto* candidates : {&facts.article_bodies, &facts.articles, &facts.mains}) {
        auto [node, text] = best_of(*candidates, options, facts.h1_node, kEnough);
        const std::size_t size = total_size(text);
        // The densest block inside the candidate is part of it; one elsewhere must not
        // outweigh it more than 2.5 times, or 5 times when the candidate holds the headline.
        const std::size_t share = node && facts.h1_node && contains(node, facts.h1_node) ? 1 : 2;
        if (size >= kEnough && (contains(node, dense) || size * 5 >= dense_size * share)) return std::move(text);
    }
    if (dense_size >= kEnough) return dense_text;
    std::vector<std::string> best = std::move(dense_text);
    for (const auto* candidates : {&facts.article_bodies, &facts.articles, &facts.mains}) {
        auto text = best_of(*candidates, options, facts.h1_node, kEnough).second;
        if (total_size(text) > total_size(best)) best = std::move(text);
    }
    const GumboNode* body = find_first(root, GUMBO_TAG_BODY);
    if (body && total_size(best) < kEnough)
        if (auto text = paragraphs_of(body, options); total_size(text) > total_size(best)) best = std::move(text);
    if (body && best.empty()) {
        ExtractOptions everything = options;
        everything.skip_furniture = false;
        auto text = paragraphs_of(body, everything);
        std::size_t prose = 0;  // lines long enough to be sentences, not menu entries
        for (const auto& line : text)
            if (word_count(line) >= 8) prose += line.size();
        if (prose >= 100) {
            warnings.emplace_back("no main text found by the page's structure: its text read with the page furniture");
            best = std::move(text);
        }
    }
    return best;
}

std::string first_non_empty(std::initializer_list<std::string> values) {
    for (const auto& v : values)
        if (!v.empty()) return v;
    return {};
}

}  // namespace

std::string strip_site_name(std::string_view title_in, std::string_view site) {
    std::string title = squeeze_whitespace(title_in);
    static constexpr std::array<std::string_view, 8> kSeparators{
        " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " // "};
    const std::string site_l = ascii_lower(squeeze_whitespace(site));
    if (!site_l.empty()) {
        for (auto sep : kSeparators) {
            const std::string tail = std::string(sep) + site_l;
            const std::string low = ascii_lower(title);
            if (low.size() > tail.size() && low.ends_with(tail)) return title.substr(0, title.size() - tail.size());
            const std::string head = site_l + std::string(sep);
            if (low.size() > head.size() && low.starts_with(head)) return title.substr(head.size());
        }
    }
    // No known site name: a short last part after a strong separator is the site or section.
    for (int round = 0; round < 2; ++round) {
        bool cut = false;
        for (auto sep : kSeparators) {
            const auto pos = title.rfind(sep);
            if (pos == std::string::npos || pos == 0) continue;
            const std::string_view head(title.data(), pos);
            const std::string_view tail = std::string_view(title).substr(pos + sep.size());
            const std::size_t tail_words = word_count(tail);
            bool site_like = tail_words >= 1 && tail_words <= 4 && word_count(head) >= 3 && head.size() > tail.size();
            if (sep == " - ") {
                // A hyphen also joins headline clauses: only a capitalised name counts as a site.
                site_like = site_like && tail_words <= 3 && std::isupper(static_cast<unsigned char>(tail.front()));
            }
            if (site_like) {
                title.resize(pos);
                cut = true;
                break;
            }
        }
        if (!cut) break;
    }
    return title;
}

HtmlPage parse_html_page(std::string_view bytes, std::string_view transport_charset) {
    HtmlPage page;
    const std::string declared =
        transport_charset.empty() ? sniff_declared_charset(bytes) : std::string(transport_charset);
    DecodedText decoded = decode_text(bytes, declared);
    page.warnings = std::move(decoded.warnings);
    HtmlDocument doc(decoded.text);
    if (doc.flattened())
        page.warnings.push_back("markup nested " + std::to_string(doc.depth()) + " elements deep (limit " +
                                std::to_string(kMaxHtmlDepth) + "): read with its structure flattened");
    if (doc.attributes_cut()) page.warnings.push_back(attribute_bound_note(doc.most_attributes()));
    const GumboNode* root = doc.root();
    if (!root) return page;
    const PageFacts facts = gather(root);
    Article& a = page.article;
    const json* ld = !facts.ld_articles.empty() ? &facts.ld_articles.front()
                     : !facts.ld_works.empty()  ? &facts.ld_works.front()
                                                : nullptr;
    static const json kEmpty = json::object();
    const json& article_ld = ld ? *ld : kEmpty;

    a.source = squeeze_whitespace(first_non_empty(
        {meta_value(facts, {"og:site_name"}), json_string(article_ld, "publisher"), facts.ld_publisher,
         meta_value(facts, {"application-name", "publisher", "dc.publisher"})}));

    std::string title = first_non_empty({meta_value(facts, {"og:title"}), json_string(article_ld, "headline"),
                                         meta_value(facts, {"twitter:title"}), facts.h1, facts.title_tag});
    a.title = strip_site_name(title, a.source);

    if (ld && ld->contains("author")) a.authors = json_names((*ld)["author"]);
    if (a.authors.empty()) {
        std::string meta_author = meta_value(facts, {"author", "article:author", "dc.creator", "byl",
                                                     "sailthru.author", "parsely-author", "dcterms.creator"});
        if (!meta_author.empty() && !is_url(meta_author)) a.authors = parse_author_list(meta_author);
    }
    for (const auto* list : {&facts.itemprop_authors, &facts.rel_authors}) {
        if (!a.authors.empty()) break;
        for (const auto& name : *list)
            for (auto& n : parse_author_list(name))
                if (std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end()) a.authors.push_back(n);
    }
    if (a.authors.empty())
        for (const auto& text : facts.byline_texts)
            if (auto names = parse_byline(text)) {
                a.authors = std::move(*names);
                break;
            }

    std::vector<std::string> dates = {json_string(article_ld, "datePublished"),
                                      meta_value(facts, {"article:published_time", "og:published_time",
                                                         "datepublished", "pubdate", "publishdate", "publish-date",
                                                         "date", "dc.date", "dc.date.issued", "dcterms.created",
                                                         "dcterms.date", "sailthru.date", "parsely-pub-date",
                                                         "article.published"})};
    dates.insert(dates.end(), facts.time_datetimes.begin(), facts.time_datetimes.end());
    dates.push_back(json_string(article_ld, "dateCreated"));
    for (const json& work : facts.ld_works) dates.push_back(json_string(work, "datePublished"));
    dates.push_back(json_string(article_ld, "dateModified"));
    dates.push_back(meta_value(facts, {"article:modified_time", "og:updated_time", "datemodified",
                                       "dc.date.modified", "dcterms.modified", "last-modified"}));
    for (const auto& d : dates) {
        if (d.empty()) continue;
        if (auto parsed = parse_date(d)) {
            a.date = parsed;
            a.date_origin = DateOrigin::Header;
            break;
        }
    }

    a.url = first_non_empty({facts.canonical, meta_value(facts, {"og:url"}), json_string(article_ld, "url"),
                             json_string(article_ld, "mainEntityOfPage")});
    if (!is_url(a.url)) a.url.clear();  // relative canonicals say nothing without the page's address
    if (!a.date) {
        for (const std::string& address : {a.url, meta_value(facts, {"og:url"}), facts.canonical})
            if (auto d = date_in_url(address)) {
                a.date = d;
                a.date_origin = DateOrigin::UrlPath;
                break;
            }
    }

    for (const std::string& lang : {facts.html_lang, meta_value(facts, {"content-language", "language", "dc.language"}),
                                    meta_value(facts, {"og:locale"}), json_string(article_ld, "inLanguage")}) {
        if (lang.empty()) continue;
        if (auto l = find_language(lang); l && !l->code.empty()) {
            a.language = l->code;
            break;
        }
    }

    a.paragraphs = extract_body(facts, root, page.warnings);
    // schema.org articleBody holds the full text on pages that render it with scripts.
    const std::string ld_body = json_string(article_ld, "articleBody");
    if (ld_body.size() * 2 > total_size(a.paragraphs) * 3) a.paragraphs = split_paragraphs(ld_body);
    // A byline that opens the text ("By Kate Connolly") is metadata, not body.
    if (!a.paragraphs.empty()) {
        if (auto names = parse_byline(a.paragraphs.front()); names && a.paragraphs.front().size() < 80) {
            if (a.authors.empty()) a.authors = std::move(*names);
            a.paragraphs.erase(a.paragraphs.begin());
        }
    }
    if (!a.paragraphs.empty() && a.paragraphs.front() == a.title) a.paragraphs.erase(a.paragraphs.begin());
    while (!a.paragraphs.empty() && is_boilerplate_line(a.paragraphs.back())) a.paragraphs.pop_back();
    a.title = squeeze_whitespace(a.title);
    return page;
}

void read_html(const Input& input, Emitter& emitter) {
    HtmlPage page = parse_html_page(input.bytes);
    if (page.article.paragraphs.empty()) {
        emitter.problem(Problem::Level::Skipped, "",
                        "no article text in the page (nothing but markup, scripts or page furniture)");
        return;
    }
    emitter.article(std::move(page.article), "", "", page.warnings);
}

}  // namespace newsdex::readers
