#include "html/dom.h"

#include <cstring>

namespace storyline::html {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

}  // namespace

std::string_view AttributeOf(const xmlNode& node, std::string_view name) {
  for (const xmlAttr* attribute = node.properties; attribute; attribute = attribute->next) {
    // Compared without measuring each attribute's name first: this runs for
    // every element in several walks.
    const char* attribute_name = reinterpret_cast<const char*>(attribute->name);
    if (!attribute_name || std::strncmp(attribute_name, name.data(), name.size()) != 0 ||
        attribute_name[name.size()] != '\0') {
      continue;
    }
    const xmlNode* value = attribute->children;
    if (value && value->content) return reinterpret_cast<const char*>(value->content);
    return "";
  }
  return "";
}

void AppendCollapsed(std::string_view text, std::string& out) {
  size_t i = 0;
  while (i < text.size()) {
    // Runs without white space are copied whole.
    size_t end = i;
    while (end < text.size() && !IsSpace(static_cast<unsigned char>(text[end])) &&
           !(static_cast<unsigned char>(text[end]) == 0xC2 && end + 1 < text.size() &&
             static_cast<unsigned char>(text[end + 1]) == 0xA0)) {
      ++end;
    }
    out.append(text.data() + i, end - i);
    if (end == text.size()) break;
    // U+00A0 (C2 A0) is layout white space in pages as much as ' ' is.
    i = end + (static_cast<unsigned char>(text[end]) == 0xC2 ? 2 : 1);
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
  }
}

void AppendText(const xmlNode& node, std::string& out) {
  for (const xmlNode* at = &node; at; at = NextInWalk(at, &node)) {
    if (at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) {
      if (at->content) AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
  }
}

const xmlNode* NextInWalk(const xmlNode* node, const xmlNode* root, bool descend) {
  if (descend && node->children && node->type != XML_ENTITY_REF_NODE) return node->children;
  while (node && node != root) {
    if (node->next) return node->next;
    node = node->parent;
  }
  return nullptr;
}

std::string_view Trim(std::string_view text) {
  auto space_at_front = [&] {
    if (text.empty()) return size_t{0};
    if (IsSpace(text.front())) return size_t{1};
    if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xC2 &&
        static_cast<unsigned char>(text[1]) == 0xA0)
      return size_t{2};
    return size_t{0};
  };
  while (size_t n = space_at_front()) text.remove_prefix(n);
  while (!text.empty()) {
    if (IsSpace(text.back())) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && static_cast<unsigned char>(text[text.size() - 1]) == 0xA0 &&
               static_cast<unsigned char>(text[text.size() - 2]) == 0xC2) {
      text.remove_suffix(2);
    } else {
      break;
    }
  }
  return text;
}

}  // namespace storyline::html
