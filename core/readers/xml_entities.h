/** @file @brief How much text a parsed XML document's entity references stand for.
 *  libxml2 keeps references to internal entities as nodes (we never substitute them
 *  while parsing), but reading the text back (xmlNodeGetContent, xmlGetProp) expands
 *  each one: a 50,000-character entity referenced 10,000 times turns an 80 KB feed into
 *  500 MB of text. libxml2 2.9 catches nested "billion laughs" entities, not this. */
#pragma once

#include <cstdint>

#include <libxml/tree.h>

namespace newsdex::readers {

/// The bytes of text the entity references in `doc` (in element content and attribute
/// values) expand to, counting nested references; stops counting once past `stop_at`.
std::uintmax_t entity_expansion_bytes(const xmlDoc* doc, std::uintmax_t stop_at);

}  // namespace newsdex::readers
