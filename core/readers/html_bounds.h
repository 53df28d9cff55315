/** @file @brief Bounds applied to HTML before Gumbo sees it. Gumbo checks each attribute
 *  of a tag against the ones before it (to drop duplicates), so one element with 60,000
 *  attributes costs it 1.8 billion comparisons: seconds per page, half an hour for a
 *  million. Attributes past a limit per tag are cut from the markup first, in one
 *  linear scan that copies nothing when no tag is over it. */
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsdex::readers {

/// Attributes a tag keeps; the rest are dropped (real pages stay far below it: class, id,
/// style, a dozen data-* and ARIA ones).
inline constexpr std::size_t kMaxHtmlAttributes = 256;

struct AttributeBound {
    std::string html;              ///< the markup with the excess attributes cut, when `cut`
    bool cut = false;              ///< some tag had more than kMaxHtmlAttributes
    std::size_t most = 0;          ///< the most attributes one tag had
};

/// Scans `html` as an HTML tokenizer would (comments, quoted values, the raw text of
/// script, style, textarea and title skipped) and cuts each tag's attributes after
/// kMaxHtmlAttributes, keeping the tag's name, its first attributes and its end.
AttributeBound bound_attributes(std::string_view html);

/// "an element with 60000 attributes (limit 256): the attributes past the limit dropped"
std::string attribute_bound_note(std::size_t most);

}  // namespace newsdex::readers
