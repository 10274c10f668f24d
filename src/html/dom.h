// dom.h (internal): small helpers over libxml2's tree, shared by the content
// and metadata readers. Element names from libxml2's HTML parser are already
// lowercase.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>

namespace storyline::html {

inline std::string_view NameOf(const xmlNode& node) {
  return node.name ? std::string_view(reinterpret_cast<const char*>(node.name))
                   : std::string_view();
}

inline bool IsElement(const xmlNode& node) { return node.type == XML_ELEMENT_NODE; }

// The value of attribute `name` (lowercase), or "" when absent.
std::string_view AttributeOf(const xmlNode& node, std::string_view name);

// Appends the text under `node`, runs of white space collapsed to one space
// (no leading space when `out` is empty or ends in one). Iterative.
void AppendText(const xmlNode& node, std::string& out);

// Appends `text` with white space collapsed, as AppendText does.
void AppendCollapsed(std::string_view text, std::string& out);

// The next node of a preorder walk under `root` after `node`; with
// `descend` false the walk skips `node`'s children. nullptr at the end.
const xmlNode* NextInWalk(const xmlNode* node, const xmlNode* root, bool descend = true);

// Walks the tree under `root` in document order without recursion, calling
// enter(node) before a node's children (return false to skip them) and
// leave(node) after them, also for nodes whose children were skipped.
template <typename Enter, typename Leave>
void WalkTree(const xmlNode& root, Enter&& enter, Leave&& leave) {
  const xmlNode* at = &root;
  while (at) {
    if (enter(*at) && at->children && at->type != XML_ENTITY_REF_NODE) {
      at = at->children;
      continue;
    }
    while (at) {
      leave(*at);
      if (at == &root) return;
      if (at->next) {
        at = at->next;
        break;
      }
      at = at->parent;
    }
  }
}

// `text` without white space at either end (ASCII and U+00A0).
std::string_view Trim(std::string_view text);

}  // namespace storyline::html
