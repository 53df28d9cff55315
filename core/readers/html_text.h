/** @file @brief HTML parsed with Gumbo (a conforming HTML5 parser) and the text in it:
 *  paragraphs from block elements, with scripts, navigation, asides, footers, cookie
 *  banners, share bars and link lists left out. Shared by the page, feed, WARC and
 *  JSON readers. */
#pragma once

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsdex::readers {

/// A parsed document; owns Gumbo's tree.
class HtmlDocument {
  public:
    /// Parses UTF-8 HTML. Markup nested deeper than Gumbo can safely hold (see
    /// kMaxHtmlDepth) is flattened first, and `flattened` says so.
    explicit HtmlDocument(std::string_view utf8_html);
    ~HtmlDocument();
    HtmlDocument(const HtmlDocument&) = delete;
    HtmlDocument& operator=(const HtmlDocument&) = delete;

    const GumboNode* root() const { return output_ ? output_->root : nullptr; }
    bool flattened() const { return flattened_; }
    std::size_t depth() const { return depth_; }
    /// Some tag had more attributes than Gumbo can take in reasonable time: those past
    /// kMaxHtmlAttributes were cut before parsing (core/readers/html_bounds.h).
    bool attributes_cut() const { return attributes_cut_; }
    std::size_t most_attributes() const { return most_attributes_; }

  private:
    std::string html_;  // Gumbo points into it
    GumboOutput* output_ = nullptr;
    bool flattened_ = false;
    std::size_t depth_ = 0;
    bool attributes_cut_ = false;
    std::size_t most_attributes_ = 0;
};

/// Deeper nesting than this is flattened before parsing: Gumbo frees its tree recursively,
/// and real pages stay far below it.
inline constexpr std::size_t kMaxHtmlDepth = 400;

/// Element helpers (nullptr-safe).
bool is_element(const GumboNode* node, GumboTag tag);
const char* attribute(const GumboNode* node, const char* name);
const GumboVector* children_of(const GumboNode* node);

/// Every element below `node` (itself included) in document order, without recursion.
std::vector<const GumboNode*> elements_below(const GumboNode* node);

/// The first element of `tag` below `node`, or nullptr.
const GumboNode* find_first(const GumboNode* node, GumboTag tag);

/// All text below `node`, white space squeezed (scripts and styles left out).
std::string text_of(const GumboNode* node);

/// True for page furniture: nav/aside/footer/form/script..., hidden elements, ARIA
/// navigation roles, and class or id names of menus, share bars, cookie banners,
/// newsletters, comments, "related"/"most read" lists and ads (see furniture_name_score).
bool is_furniture_element(const GumboNode* node);

/// The evidence a class/id value gives, by whole words (split on spaces, '-', '_' and
/// camel case): above 0 furniture, 0 or less not. A word that never names text counts 2
/// ("comments", "share", "ads"), a layout word 1 ("sidebar", "widget", "modal"), and a
/// content word ("content", "post", "entry", "article", ...) takes 1 off:
/// "content-with-sidebar-wrp" is 0, "sidebar" 1, "comment-content" 1.
int furniture_name_score(std::string_view class_and_id);

/// Text (bytes outside links, scripts and styles) below each element, and the page
/// body's total: the evidence that a block is the article whatever its name.
struct TextMass {
    std::unordered_map<const GumboNode*, std::size_t> below;
    std::size_t total = 0;
    /// True when `node` holds more than half of the page's text, and 200 bytes at least.
    bool holds_most(const GumboNode* node) const;
};
TextMass measure_text_mass(const GumboNode* root);

struct ExtractOptions {
    bool skip_furniture = true;       ///< leave out what is_furniture_element matches
    bool drop_link_lists = true;      ///< leave out short paragraphs that are mostly links
    bool skip_headings = false;       ///< leave out h1 (the title) from the body
    /// When set, furniture that holds most of the page's text is read all the same.
    const TextMass* mass = nullptr;
};

/// The paragraphs of the text below `node`: each block element (p, div, li, h2, ...) and
/// each <br> ends one; white space squeezed; empty ones dropped.
std::vector<std::string> paragraphs_of(const GumboNode* node, const ExtractOptions& options = {});

/// Paragraphs of an HTML fragment, e.g. a feed item's description or a JSON body field.
std::vector<std::string> html_fragment_paragraphs(std::string_view html);

}  // namespace newsdex::readers
