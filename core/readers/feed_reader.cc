#include "core/readers/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

#include "core/text/date.h"
#include "core/text/encoding.h"
#include "core/text/language.h"
#include "core/readers/html_text.h"
#include "core/readers/paragraphs.h"
#include "core/readers/text_reader.h"
#include "core/readers/xml_entities.h"

namespace newsdex::readers {

namespace {

// libxml2 reports errors through per-thread handlers; keep the first one for our message
// and let nothing reach stderr.
thread_local std::string t_first_error;

void ignore_generic_error(void*, const char*, ...) {}

void keep_structured_error(void*, xmlErrorPtr error) {
    if (t_first_error.empty() && error && error->message) {
        t_first_error = error->message;
        while (!t_first_error.empty() && (t_first_error.back() == '\n' || t_first_error.back() == ' '))
            t_first_error.pop_back();
        if (error->line > 0) t_first_error = "line " + std::to_string(error->line) + ": " + t_first_error;
    }
}

struct DocFree {
    void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};

std::string local_name(const xmlNode* node) {
    return node && node->name ? reinterpret_cast<const char*>(node->name) : "";
}

bool is(const xmlNode* node, const char* name) {
    return node && node->type == XML_ELEMENT_NODE && local_name(node) == name;
}

std::string content_of(const xmlNode* node) {
    xmlChar* text = xmlNodeGetContent(node);
    if (!text) return {};
    std::string out(reinterpret_cast<const char*>(text));
    xmlFree(text);
    return out;
}

std::string attr(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::string xml_lang(const xmlNode* node) {
    xmlChar* value = xmlNodeGetLang(node);
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

const xmlNode* child(const xmlNode* node, const char* name) {
    for (const xmlNode* c = node ? node->children : nullptr; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

/// The markup inside an element, as a string (Atom's type="xhtml" content).
std::string inner_xml(const xmlNode* node) {
    std::unique_ptr<xmlBuffer, void (*)(xmlBufferPtr)> buffer(xmlBufferCreate(), xmlBufferFree);
    if (!buffer) return {};
    for (xmlNode* c = node->children; c; c = c->next) xmlNodeDump(buffer.get(), node->doc, c, 0, 0);
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer.get())));
}

/// A text construct (title, summary, content): plain text, or HTML to turn into text.
std::vector<std::string> text_construct(const xmlNode* node) {
    const std::string type = attr(node, "type");
    if (type == "xhtml") return html_fragment_paragraphs(inner_xml(node));
    const std::string text = content_of(node);
    if (type == "html" || type == "text/html" || looks_like_html(text)) return html_fragment_paragraphs(text);
    return split_paragraphs(text);
}

std::string one_line(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const auto& p : paragraphs) out += (out.empty() ? "" : " ") + p;
    return out;
}

std::string channel_title(const xmlNode* channel) {
    const xmlNode* title = child(channel, "title");
    return title ? one_line(text_construct(title)) : std::string();
}

std::string item_link(const xmlNode* item) {
    std::string fallback;
    for (const xmlNode* c = item->children; c; c = c->next) {
        if (!is(c, "link")) continue;
        const std::string href = attr(c, "href");
        if (href.empty()) {
            const std::string text = squeeze_whitespace(content_of(c));  // RSS
            if (!text.empty()) return text;
            continue;
        }
        const std::string rel = attr(c, "rel");
        if (rel.empty() || rel == "alternate") return href;
        if (fallback.empty() && rel != "self" && rel != "enclosure" && rel != "replies") fallback = href;
    }
    if (const xmlNode* guid = child(item, "guid")) {
        const std::string text = squeeze_whitespace(content_of(guid));
        if (text.starts_with("http://") || text.starts_with("https://")) return text;
    }
    if (const xmlNode* id = child(item, "id")) {  // Atom ids are often the URL
        const std::string text = squeeze_whitespace(content_of(id));
        if (text.starts_with("http://") || text.starts_with("https://")) return fallback.empty() ? text : fallback;
    }
    return fallback;
}

struct FeedContext {
    std::string source;
    std::string language;  // ISO code
};

void read_item(const xmlNode* item, const FeedContext& feed, std::size_t n, Emitter& emitter) {
    Article a;
    std::vector<std::string> warnings;
    if (const xmlNode* title = child(item, "title")) a.title = one_line(text_construct(title));
    a.url = item_link(item);
    for (const char* name : {"pubDate", "date", "published", "issued", "updated", "modified"}) {
        const xmlNode* d = child(item, name);
        if (!d) continue;
        const std::string text = squeeze_whitespace(content_of(d));
        if (auto date = parse_date(text)) {
            a.date = date;
            a.date_origin = DateOrigin::Header;
            break;
        }
        if (!text.empty()) warnings.push_back("unrecognised date \"" + text.substr(0, 40) + "\"");
    }
    if (a.date) warnings.clear();
    for (const xmlNode* c = item->children; c; c = c->next) {
        if (is(c, "creator")) {
            for (auto& name : parse_author_list(squeeze_whitespace(content_of(c)))) a.authors.push_back(std::move(name));
        } else if (is(c, "author")) {
            const xmlNode* name = child(c, "name");  // Atom
            for (auto& who : parse_author_list(squeeze_whitespace(content_of(name ? name : c))))
                a.authors.push_back(std::move(who));
        }
    }
    for (const char* name : {"encoded", "content", "description", "summary"}) {
        const xmlNode* body = child(item, name);
        if (!body) continue;
        a.paragraphs = text_construct(body);
        if (!a.paragraphs.empty()) break;
    }
    if (const xmlNode* source = child(item, "source")) a.source = squeeze_whitespace(content_of(source));
    if (a.source.empty()) a.source = feed.source;
    for (const std::string& lang : {xml_lang(item), feed.language}) {
        if (lang.empty()) continue;
        if (auto l = find_language(lang); l && !l->code.empty()) {
            a.language = l->code;
            break;
        }
    }
    const std::string key = std::to_string(n);
    emitter.article(std::move(a), key, "#" + key, warnings);
}

/// What entity references may add to a feed's text: the amplification newer libxml2
/// allows by default (its xmlCtxtSetMaxAmplification is not in 2.9), with room for the
/// HTML entities a small feed may declare, and never more than --max-size.
std::uintmax_t entity_expansion_limit(std::size_t file_size, const ReadOptions& options) {
    const std::uintmax_t amplified = std::max<std::uintmax_t>(std::uintmax_t{10} * file_size, 1u << 20);
    return std::min(amplified, options.max_file_bytes);
}

}  // namespace

void read_feed(const Input& input, Emitter& emitter) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    DecodedText decoded = decode_text(input.bytes, sniff_declared_charset(input.bytes));
    t_first_error.clear();
    xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
    xmlSetStructuredErrorFunc(nullptr, keep_structured_error);
    // No external entities or network (XXE), recovery from the usual feed breakage, and
    // libxml2's default depth and size limits (no XML_PARSE_HUGE).
    const int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;
    std::unique_ptr<xmlDoc, DocFree> doc(xmlReadMemory(decoded.text.data(), static_cast<int>(decoded.text.size()),
                                                       nullptr, "UTF-8", options));
    const std::string parse_error = t_first_error;
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    xmlSetGenericErrorFunc(nullptr, nullptr);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (!root) {
        emitter.problem(Problem::Level::Failed, "",
                        "not well-formed XML" + (parse_error.empty() ? std::string() : ": " + parse_error));
        return;
    }
    // Entity references are expanded when the text is read back: bound what they add
    // before reading any of it.
    const std::uintmax_t entity_limit = entity_expansion_limit(input.bytes.size(), emitter.options());
    if (const std::uintmax_t expanded = entity_expansion_bytes(doc.get(), entity_limit); expanded > entity_limit) {
        emitter.problem(Problem::Level::Skipped, "",
                        "XML entity references expand to over " + human_size(entity_limit) +
                            " of text (the limit is 10 times the file's size, at least 1 MiB): not read");
        return;
    }
    const std::string root_name = local_name(root);
    FeedContext feed;
    const xmlNode* items_parent = nullptr;
    const char* item_name = "item";
    if (root_name == "rss") {
        items_parent = child(root, "channel");
        feed.source = channel_title(items_parent);
        if (const xmlNode* lang = child(items_parent, "language")) feed.language = squeeze_whitespace(content_of(lang));
    } else if (root_name == "RDF") {  // RSS 1.0: items are siblings of the channel
        items_parent = root;
        feed.source = channel_title(child(root, "channel"));
    } else if (root_name == "feed") {
        items_parent = root;
        item_name = "entry";
        feed.source = channel_title(root);
        feed.language = xml_lang(root);
    } else {
        emitter.problem(Problem::Level::Skipped, "", "XML, but not an RSS or Atom feed (its root element is <" +
                                                         root_name.substr(0, 40) + ">)");
        return;
    }
    if (feed.language.empty() && items_parent) feed.language = xml_lang(items_parent);
    std::size_t n = 0, items = 0;
    for (const xmlNode* c = items_parent ? items_parent->children : nullptr; c; c = c->next)
        if (is(c, item_name)) ++items;
    for (const xmlNode* c = items_parent ? items_parent->children : nullptr; c; c = c->next)
        if (is(c, item_name)) {
            emitter.reached(n, items);  // the tree is parsed whole: progress by items
            read_item(c, feed, ++n, emitter);
        }
    if (n == 0) emitter.problem(Problem::Level::Skipped, "", "a feed with no items");
    std::vector<std::string> notes = std::move(decoded.warnings);
    if (!parse_error.empty()) notes.push_back("malformed XML, read as far as possible (" + parse_error + ")");
    if (!notes.empty() && n > 0) emitter.problem(Problem::Level::Repaired, "", join_warnings(notes));
}

}  // namespace newsdex::readers
