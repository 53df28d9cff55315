/** @file @brief Guessing the language of an article's text (CLD2), for articles that do
 *  not name theirs, so each is stemmed with its own language's stemmer. */
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

/// The ISO 639-1 code of the language `text` (valid UTF-8) is written in, or "" when the
/// text is too short or too mixed for a reliable answer. Looks at most at the first
/// 64 KiB. Thread-safe.
std::string detect_language(std::string_view text);

}  // namespace newsdex
