#include "core/readers/xml_entities.h"

#include <libxml/entities.h>
#include <libxml/xmlstring.h>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace newsdex::readers {

namespace {

/// Sums the text below a list of nodes, each entity reference counted at its expanded
/// size. Walks with an explicit stack (the tree may be deep); an entity's own size is
/// computed once and remembered, so each reference costs one look-up.
class ExpansionCounter {
  public:
    explicit ExpansionCounter(std::uintmax_t stop_at) : stop_at_(stop_at) {}

    /// `references_only`: count only what entity references add (the document's own text
    /// is already in memory); inside an entity, its text counts too.
    std::uintmax_t below(const xmlNode* first, bool references_only, int entity_depth) {
        std::uintmax_t total = 0;
        std::vector<const xmlNode*> stack;
        for (const xmlNode* n = first; n; n = n->next) stack.push_back(n);
        while (!stack.empty() && total <= stop_at_) {
            const xmlNode* node = stack.back();
            stack.pop_back();
            switch (node->type) {
                case XML_TEXT_NODE:
                case XML_CDATA_SECTION_NODE:
                    if (!references_only && node->content) total += static_cast<std::uintmax_t>(xmlStrlen(node->content));
                    break;
                case XML_ENTITY_REF_NODE:
                    total += entity_size(reinterpret_cast<const xmlEntity*>(node->children), entity_depth);
                    break;
                case XML_DTD_NODE:  // declarations count where they are referenced
                case XML_ENTITY_DECL:
                    break;
                case XML_ELEMENT_NODE:
                    for (const xmlAttr* a = node->properties; a; a = a->next)
                        for (const xmlNode* c = a->children; c; c = c->next) stack.push_back(c);
                    [[fallthrough]];
                default:
                    for (const xmlNode* c = node->children; c; c = c->next) stack.push_back(c);
                    break;
            }
        }
        return total;
    }

  private:
    std::uintmax_t entity_size(const xmlEntity* entity, int depth) {
        if (!entity || entity->type != XML_ENTITY_DECL) return 0;
        if (auto it = sizes_.find(entity); it != sizes_.end()) return it->second;
        // libxml2 refuses entities nested over 40 deep; deeper here is a loop: count it as too much.
        std::uintmax_t size = stop_at_ + 1;
        if (depth < 64) {
            sizes_[entity] = stop_at_ + 1;  // a reference to itself, met while counting, is too much
            size = entity->children ? below(entity->children, false, depth + 1)
                                    : static_cast<std::uintmax_t>(entity->length > 0 ? entity->length : 0);
        }
        size = std::min(size, stop_at_ + 1);  // saturate: nesting cannot overflow the count
        sizes_[entity] = size;
        return size;
    }

    std::uintmax_t stop_at_;
    std::unordered_map<const xmlEntity*, std::uintmax_t> sizes_;
};

}  // namespace

std::uintmax_t entity_expansion_bytes(const xmlDoc* doc, std::uintmax_t stop_at) {
    if (!doc) return 0;
    return ExpansionCounter(stop_at).below(doc->children, true, 0);
}

}  // namespace newsdex::readers
