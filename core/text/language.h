/** @file @brief Language names and codes, and the Xapian stemmer each one selects. */
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsdex {

struct Language {
    std::string code;     ///< ISO 639-1, e.g. "de"; what L terms and `lang:` use
    std::string stemmer;  ///< Xapian stemmer name, e.g. "german"; "none" for no stemming
};

/// Resolves "de", "de-AT", "German" or "german" (any case) to a language; nullopt when
/// Xapian 1.4 has no stemmer for it. "none" selects no stemming.
std::optional<Language> find_language(std::string_view name);

/// Comma-separated list of what find_language accepts, for error messages.
std::string known_languages();

}  // namespace newsdex
