#include "core/readers/json_bounded.h"

#include <string>

namespace newsdex::readers {

BoundedJson parse_json_bounded(std::string_view text, bool allow_exceptions) {
    using json = nlohmann::json;
    BoundedJson out;
    // The callback parser keeps no part of a container the callback refuses at its
    // start (it only keeps a flag per open level), so the deep part costs no memory.
    const json::parser_callback_t keep = [&out](int depth, json::parse_event_t event, json&) {
        const bool opens = event == json::parse_event_t::object_start || event == json::parse_event_t::array_start;
        if (!opens || depth < kMaxJsonDepth) return true;
        out.too_deep = true;
        return false;
    };
    out.value = json::parse(text, keep, allow_exceptions);
    return out;
}

std::string too_deep_note() { return "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"; }

}  // namespace newsdex::readers
