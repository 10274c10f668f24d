#include "html/dom.h"

#include <array>

namespace storyline::html {
namespace {

bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The bytes of the white space at text[i]: 1 for ASCII white space, 2 for
// U+00A0 (C2 A0, layout white space in pages as much as ' ' is), else 0. One
// table look-up for the bytes that start neither.
size_t SpaceAt(std::string_view text, size_t i) {
  static constexpr std::array<bool, 256> kMayStartSpace = [] {
    std::array<bool, 256> may{};
    for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'}) may[c] = true;
    may[0xC2] = true;
    return may;
  }();
  const auto c = static_cast<unsigned char>(text[i]);
  if (!kMayStartSpace[c]) return 0;
  if (c != 0xC2) return 1;
  return i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0 ? 2 : 0;
}

}  // namespace

std::string_view AttributeOf(const xmlNode& node, std::string_view name) {
  for (const xmlAttr* attribute = node.properties; attribute; attribute = attribute->next) {
    // Compared in place, without measuring each attribute's name or calling
    // strncmp: this runs for every element in several walks. The name's NUL
    // ends the loop, as `name` holds none.
    const char* attribute_name = reinterpret_cast<const char*>(attribute->name);
    if (!attribute_name) continue;
    size_t i = 0;
    while (i < name.size() && attribute_name[i] == name[i]) ++i;
    if (i != name.size() || attribute_name[i] != '\0') continue;
    const xmlNode* value = attribute->children;
    if (value && value->content) return reinterpret_cast<const char*>(value->content);
    return "";
  }
  return "";
}

void AppendCollapsed(std::string_view text, std::string& out) {
  // Runs without white space are copied whole.
  size_t run = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t space = SpaceAt(text, i);
    if (space == 0) {
      ++i;
      continue;
    }
    out.append(text.data() + run, i - run);
    i += space;
    run = i;
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out.push_back(' ');
  }
  out.append(text.data() + run, text.size() - run);
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
