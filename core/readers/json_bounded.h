/** @file @brief JSON parsed with its nesting bounded. nlohmann's parser is iterative, but
 *  copying a value, dump() and every walk over it recurse once per level: a 200 KB line
 *  nested 100,000 deep overflows the stack there. Values nested past the limit are
 *  dropped while parsing, so nothing later can recurse deeper. */
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace newsdex::readers {

/// Arrays and objects nested deeper than this are dropped (real articles stay below 20).
inline constexpr int kMaxJsonDepth = 256;

struct BoundedJson {
    nlohmann::json value;
    bool too_deep = false;  ///< something nested past kMaxJsonDepth was dropped
};

/// json::parse(text), except that arrays and objects nested past kMaxJsonDepth are left
/// out of the result (an object loses the key holding one). Throws json::parse_error as
/// json::parse does; with `allow_exceptions` false the value is discarded instead.
BoundedJson parse_json_bounded(std::string_view text, bool allow_exceptions = true);

/// "nested more than 256 levels deep": for messages.
std::string too_deep_note();

}  // namespace newsdex::readers
