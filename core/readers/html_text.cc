#include "core/readers/html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

#include "core/readers/html_bounds.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/text/utf8.h"

namespace newsdex::readers {

namespace {

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

/// Elements that never have content, so never nest.
bool is_void_tag(std::string_view name) {
    static constexpr std::array<std::string_view, 16> kVoid{
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "keygen", "!doctype"};
    return std::find(kVoid.begin(), kVoid.end(), name) != kVoid.end();
}

/// Tags kept when flattening: they carry the page's metadata, its paragraph breaks, or
/// content (scripts, styles) that must not turn into text.
bool kept_when_flattening(std::string_view name) {
    static constexpr std::array<std::string_view, 17> kKept{
        "html", "head", "body", "title", "meta", "link", "script", "style", "p", "br", "h1",
        "h2", "h3", "h4", "h5", "h6", "time"};
    return std::find(kKept.begin(), kKept.end(), name) != kKept.end();
}

struct Tag {
    std::size_t end = 0;  // one past '>'
    std::string name;     // lower-cased; "" for comments and other markup
    bool closing = false;
    bool self_closing = false;
};

/// The tag starting at html[pos] == '<'; end == 0 when it is not a tag.
Tag scan_tag(std::string_view html, std::size_t pos) {
    Tag tag;
    std::size_t i = pos + 1;
    if (html.substr(pos, 4) == "<!--") {
        const auto close = html.find("-->", pos + 4);
        tag.end = close == std::string_view::npos ? html.size() : close + 3;
        return tag;
    }
    if (i < html.size() && html[i] == '/') {
        tag.closing = true;
        ++i;
    }
    const std::size_t name_start = i;
    if (i < html.size() && html[i] == '!') ++i;
    while (i < html.size() && is_name_char(html[i])) ++i;
    if (i == name_start) return tag;  // "<" followed by text: not a tag
    tag.name = ascii_lower(html.substr(name_start, i - name_start));
    char quote = 0;
    for (; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            tag.self_closing = i > 0 && html[i - 1] == '/';
            tag.end = i + 1;
            return tag;
        }
    }
    tag.end = html.size();
    return tag;
}

/// Skips to the end of a script or style element's raw text.
std::size_t skip_raw_text(std::string_view html, std::size_t pos, const std::string& name) {
    const std::string low = ascii_lower(html.substr(pos, std::min<std::size_t>(html.size() - pos, 1 << 22)));
    const auto close = low.find("</" + name);
    return close == std::string::npos ? html.size() : pos + close;
}

/// Deepest element nesting a tokenizer-level scan sees (an upper bound for Gumbo's tree).
std::size_t nesting_depth(std::string_view html) {
    std::size_t depth = 0, max_depth = 0;
    for (std::size_t pos = html.find('<'); pos != std::string_view::npos; pos = html.find('<', pos)) {
        const Tag tag = scan_tag(html, pos);
        if (tag.end == 0) {
            ++pos;
            continue;
        }
        pos = tag.end;
        if (tag.name.empty() || is_void_tag(tag.name) || tag.self_closing) continue;
        if (tag.closing) {
            depth -= depth > 0;
        } else {
            max_depth = std::max(max_depth, ++depth);
            if (tag.name == "script" || tag.name == "style") pos = skip_raw_text(html, pos, tag.name);
        }
    }
    return max_depth;
}

/// The page with every tag removed but those kept_when_flattening: text and paragraph
/// breaks survive, the nesting does not.
std::string flatten(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t copied = 0;
    for (std::size_t pos = html.find('<'); pos != std::string_view::npos; pos = html.find('<', pos)) {
        const Tag tag = scan_tag(html, pos);
        if (tag.end == 0) {
            ++pos;
            continue;
        }
        out.append(html.substr(copied, pos - copied));
        std::size_t next = tag.end;
        if (!tag.name.empty() && kept_when_flattening(tag.name)) {
            if (!tag.closing && (tag.name == "script" || tag.name == "style"))
                next = skip_raw_text(html, next, tag.name);
            out.append(html.substr(pos, next - pos));
        } else if (!tag.name.empty()) {
            out += ' ';  // keep words on either side of a dropped tag apart
        }
        copied = pos = next;
    }
    out.append(html.substr(std::min(copied, html.size())));
    return out;
}

bool is_block(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
        case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
        case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
        case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
        case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
        case GUMBO_TAG_ASIDE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_BR:
        case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML: case GUMBO_TAG_TITLE:
        case GUMBO_TAG_CAPTION: case GUMBO_TAG_OPTION:
            return true;
        default:
            return false;
    }
}

/// Elements whose content is never article text.
bool is_never_text(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_MAP:
            return true;
        default:
            return false;
    }
}

/// Page furniture by element type: site navigation, side panels, page footers, forms.
bool is_furniture_tag(GumboTag tag) {
    switch (tag) {
        case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
        case GUMBO_TAG_MENU: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_INPUT: case GUMBO_TAG_LABEL:
            return true;
        default:
            return false;
    }
}

/// The words of a class or id value: split on spaces, '-', '_', ':' and camel case, lower-cased
/// ("content-with-sidebar-wrp" -> content, with, sidebar, wrp; "cookieBanner" -> cookie,
/// banner). WordPress's "category-..." and "tag-..." classes name a post's topics, not its
/// layout, and are left out.
std::vector<std::string> name_words(std::string_view value) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < value.size()) {
        std::size_t end = value.find_first_of(" \t\n\r\f", start);
        if (end == std::string_view::npos) end = value.size();
        const std::string_view token = value.substr(start, end - start);
        start = end + 1;
        if (token.starts_with("category-") || token.starts_with("tag-")) continue;
        std::string word;
        auto finish = [&] {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        };
        for (std::size_t i = 0; i < token.size(); ++i) {
            const auto c = static_cast<unsigned char>(token[i]);
            if (c == '-' || c == '_' || c == ':' || c == '.') {
                finish();
                continue;
            }
            const bool upper = std::isupper(c) != 0;
            if (upper && i > 0 && std::islower(static_cast<unsigned char>(token[i - 1]))) finish();
            word += static_cast<char>(std::tolower(c));
        }
        finish();
    }
    return words;
}

/// Furniture words, whole words only, weighed: 2 for what is never article text (comments,
/// share bars, ads, menus), 1 for layout words that also name wrappers of the article
/// ("sidebar", "widget", "modal"). Two adjacent words are tried joined too ("most read",
/// "sign up", "read more").
int furniture_word_weight(std::string_view w) {
    static constexpr std::array<std::string_view, 52> kStrong{
        "cookie", "cookies", "consent", "gdpr", "newsletter", "subscribe", "subscription", "signup",
        "share", "sharing", "shares", "sharebar", "social", "socials", "related", "recommend",
        "recommended", "recommendations", "mostread", "mostpopular", "popular", "trending", "promo",
        "advert", "advertisement", "advertising", "adverts", "sponsor", "sponsored", "comment",
        "comments", "breadcrumb", "breadcrumbs", "navigation", "navbar", "nav", "menu", "footer",
        "masthead", "toolbar", "byline", "authorbio", "taboola", "outbrain", "paywall", "skiplink",
        "visuallyhidden", "sronly", "ad", "ads", "tags", "disqus"};
    static constexpr std::array<std::string_view, 9> kWeak{
        "sidebar", "modal", "popup", "widget", "widgets", "banner", "readmore", "hidden", "teaser"};
    if (std::find(kStrong.begin(), kStrong.end(), w) != kStrong.end()) return 2;
    if (std::find(kWeak.begin(), kWeak.end(), w) != kWeak.end()) return 1;
    return 0;
}

/// Words that name the article's own container (Readability's positive class words).
bool is_content_word(std::string_view w) {
    static constexpr std::array<std::string_view, 14> kContent{
        "article", "body", "content", "entry", "hentry", "main", "post", "text", "blog", "story",
        "articlebody", "postbody", "entrycontent", "maincontent"};
    return std::find(kContent.begin(), kContent.end(), w) != kContent.end();
}

}  // namespace

int furniture_name_score(std::string_view value) {
    const std::vector<std::string> words = name_words(value);
    int furniture = 0;
    bool content = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        int weight = furniture_word_weight(words[i]);
        if (i + 1 < words.size()) weight = std::max(weight, furniture_word_weight(words[i] + words[i + 1]));
        furniture = std::max(furniture, weight);
        content = content || is_content_word(words[i]);
    }
    return furniture - (content ? 1 : 0);
}

namespace {

bool has_furniture_name(const GumboNode* node) {
    const char* cls = attribute(node, "class");
    const char* id = attribute(node, "id");
    if ((!cls || !*cls) && (!id || !*id)) return false;
    std::string both = cls ? cls : "";
    if (id) both.append(" ").append(id);
    return furniture_name_score(both) > 0;
}

void append_text(std::string& out, std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
            if (nbsp) ++i;
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
}

struct Paragraph {
    std::string text;
    std::size_t link_chars = 0;
    std::size_t time_chars = 0;
};

class ParagraphBuilder {
  public:
    explicit ParagraphBuilder(const ExtractOptions& options) : options_(options) {}

    void text(std::string_view t, bool in_link, bool in_time) {
        const std::size_t before = current_.text.size();
        append_text(current_.text, t);
        if (in_link) current_.link_chars += current_.text.size() - before;
        if (in_time) current_.time_chars += current_.text.size() - before;
    }

    void flush() {
        std::string p = squeeze_whitespace(current_.text);
        const std::size_t links = current_.link_chars;
        const std::size_t times = current_.time_chars;
        current_ = {};
        if (p.empty()) return;
        // A <time> standing alone is the dateline, which the article's date already holds.
        if (times >= p.size()) return;
        // Menus, "Read more: ..." and "most read" lists: short blocks that are mostly links.
        if (options_.drop_link_lists && p.size() < 300 && links * 10 >= p.size() * 6) return;
        if (is_furniture_anywhere(p)) return;  // "Share this story", "Advertisement": never text
        paragraphs_.push_back(std::move(p));
    }

    std::vector<std::string> take() {
        flush();
        return std::move(paragraphs_);
    }

  private:
    const ExtractOptions& options_;
    Paragraph current_;
    std::vector<std::string> paragraphs_;
};

}  // namespace

HtmlDocument::HtmlDocument(std::string_view markup) {
    AttributeBound bounded = bound_attributes(markup);  // before anything else reads the tags
    most_attributes_ = bounded.most;
    attributes_cut_ = bounded.cut;
    const std::string_view utf8_html = bounded.cut ? std::string_view(bounded.html) : markup;
    depth_ = nesting_depth(utf8_html);
    if (depth_ > kMaxHtmlDepth) {
        html_ = flatten(utf8_html);
        flattened_ = true;
    } else {
        html_.assign(utf8_html);
    }
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // nobody reads them, and a broken page would fill memory with them
    output_ = gumbo_parse_with_options(&options, html_.data(), html_.size());
}

HtmlDocument::~HtmlDocument() {
    if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

bool is_element(const GumboNode* node, GumboTag tag) {
    return node && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

const char* attribute(const GumboNode* node, const char* name) {
    if (!node || node->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
    return attr ? attr->value : nullptr;
}

const GumboVector* children_of(const GumboNode* node) {
    if (!node) return nullptr;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) return &node->v.element.children;
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    return nullptr;
}

std::vector<const GumboNode*> elements_below(const GumboNode* node) {
    std::vector<const GumboNode*> out;
    std::vector<const GumboNode*> stack;
    if (node) stack.push_back(node);
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_ELEMENT) out.push_back(n);
        if (const GumboVector* kids = children_of(n))
            for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return out;
}

const GumboNode* find_first(const GumboNode* node, GumboTag tag) {
    std::vector<const GumboNode*> stack;
    if (node) stack.push_back(node);
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (is_element(n, tag)) return n;
        if (const GumboVector* kids = children_of(n))
            for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return nullptr;
}

std::string text_of(const GumboNode* node) {
    std::string out;
    std::vector<const GumboNode*> stack;
    if (node) stack.push_back(node);
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            append_text(out, n->v.text.text);
            continue;
        }
        if (n->type == GUMBO_NODE_ELEMENT && n != node && is_never_text(n->v.element.tag)) continue;
        if (n->type == GUMBO_NODE_ELEMENT && is_block(n->v.element.tag)) append_text(out, " ");
        if (const GumboVector* kids = children_of(n))
            for (unsigned i = kids->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
    return squeeze_whitespace(out);
}

bool is_furniture_element(const GumboNode* node) {
    if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node->v.element.tag;
    if (is_never_text(tag) || is_furniture_tag(tag)) return true;
    if (attribute(node, "hidden")) return true;
    if (const char* aria = attribute(node, "aria-hidden"); aria && std::strcmp(aria, "true") == 0) return true;
    if (const char* role = attribute(node, "role")) {
        const std::string r = ascii_lower(role);
        for (std::string_view furniture : {"navigation", "banner", "contentinfo", "complementary", "search",
                                           "dialog", "alertdialog", "menu", "menubar", "toolbar"})
            if (r == furniture) return true;
    }
    if (const char* style = attribute(node, "style")) {
        std::string s = ascii_lower(style);
        std::erase(s, ' ');
        if (s.find("display:none") != std::string::npos || s.find("visibility:hidden") != std::string::npos)
            return true;
    }
    return has_furniture_name(node);
}

bool TextMass::holds_most(const GumboNode* node) const {
    const auto it = below.find(node);
    // A few words are no evidence: a footer's "Contact us" is all the text of a menu page.
    return it != below.end() && it->second >= 200 && it->second * 2 > total;
}

TextMass measure_text_mass(const GumboNode* root) {
    TextMass mass;
    const std::vector<const GumboNode*> elements = elements_below(root);
    mass.below.reserve(elements.size());
    // Children come after their parent in document order: walking it backwards sums each
    // element's text before its parent needs it.
    for (auto it = elements.rbegin(); it != elements.rend(); ++it) {
        const GumboNode* n = *it;
        const GumboTag tag = n->v.element.tag;
        std::size_t sum = 0;
        if (!is_never_text(tag) && tag != GUMBO_TAG_A) {
            const GumboVector& kids = n->v.element.children;
            for (unsigned i = 0; i < kids.length; ++i) {
                const auto* k = static_cast<const GumboNode*>(kids.data[i]);
                if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_CDATA) sum += std::strlen(k->v.text.text);
                else if (k->type == GUMBO_NODE_ELEMENT) sum += mass.below[k];
            }
        }
        mass.below[n] = sum;
    }
    if (const GumboNode* body = find_first(root, GUMBO_TAG_BODY)) mass.total = mass.below[body];
    return mass;
}

std::vector<std::string> paragraphs_of(const GumboNode* node, const ExtractOptions& options) {
    ParagraphBuilder builder(options);
    // Explicit stack: (node, leaving?) so closing a block element ends its paragraph.
    struct Frame {
        const GumboNode* node;
        bool leaving;
        bool in_link;
        bool in_time;
    };
    std::vector<Frame> stack;
    if (node) stack.push_back({node, false, false, false});
    while (!stack.empty()) {
        const Frame f = stack.back();
        stack.pop_back();
        const GumboNode* n = f.node;
        if (f.leaving) {
            builder.flush();
            continue;
        }
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            builder.text(n->v.text.text, f.in_link, f.in_time);
            continue;
        }
        if (n->type == GUMBO_NODE_ELEMENT && n != node) {
            const GumboTag tag = n->v.element.tag;
            if (is_never_text(tag)) continue;
            // Furniture by tag or name, unless it holds most of the page's text: then the
            // name is a wrapper's ("content-with-sidebar"), and dropping it loses the article.
            if (options.skip_furniture && is_furniture_element(n) && !(options.mass && options.mass->holds_most(n)))
                continue;
            if (options.skip_headings && tag == GUMBO_TAG_H1) continue;
        }
        const bool block = n->type == GUMBO_NODE_ELEMENT && is_block(n->v.element.tag);
        const bool in_link = f.in_link || is_element(n, GUMBO_TAG_A);
        const bool in_time = f.in_time || is_element(n, GUMBO_TAG_TIME);
        if (block) {
            builder.flush();
            stack.push_back({n, true, in_link, in_time});
        }
        if (const GumboVector* kids = children_of(n))
            for (unsigned i = kids->length; i-- > 0;)
                stack.push_back({static_cast<const GumboNode*>(kids->data[i]), false, in_link, in_time});
    }
    return builder.take();
}

std::vector<std::string> html_fragment_paragraphs(std::string_view html) {
    HtmlDocument doc(html);
    ExtractOptions options;
    // A fragment is what its author chose to publish: keep its lists of links and its
    // figures; drop only scripts and the like.
    options.skip_furniture = false;
    options.drop_link_lists = false;
    return paragraphs_of(doc.root(), options);
}

}  // namespace newsdex::readers
