#include "html/meta_text.h"

#include "html/dom.h"

namespace storyline::html {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const char c = out[i];
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < out.size()) {
      // U+00C0-U+00DE are C3 80-9E in UTF-8; their lower case is 0x20 on.
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    } else if (c == '\xD0' && i + 1 < out.size()) {
      // Cyrillic U+0400-U+042F (D0 80-AF): lower case U+0450-U+045F (D1
      // 90-9F), U+0430-U+043F (D0 B0-BF) and U+0440-U+044F (D1 80-8F).
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x8F) {
        out[i] = '\xD1';
        out[i + 1] = static_cast<char>(next + 0x10);
      } else if (next >= 0x90 && next <= 0x9F) {
        out[i + 1] = static_cast<char>(next + 0x20);
      } else if (next >= 0xA0 && next <= 0xAF) {
        out[i] = '\xD1';
        out[i + 1] = static_cast<char>(next - 0x20);
      }
      ++i;
    }
  }
  return out;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (Contains(haystack, needle)) return true;
  }
  return false;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && Lower(text.substr(0, prefix.size())) == prefix;
}

std::string Collapse(std::string_view text) {
  std::string out;
  AppendCollapsed(text, out);
  return std::string(Trim(out));
}

std::string Shorten(std::string_view text, size_t limit) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

namespace {

// The collapsed text under `node` (script and style left out), read until it
// exceeds `limit` bytes; with a space at each element boundary when
// `space_elements`.
std::string WalkText(const xmlNode& node, size_t limit, bool space_elements) {
  std::string out;
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      descend = NameOf(*at) != "script" && NameOf(*at) != "style";
      if (space_elements && !out.empty() && out.back() != ' ') out.push_back(' ');
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  return std::string(Trim(out));
}

}  // namespace

std::string BoundedText(const xmlNode& node, size_t limit) {
  return WalkText(node, limit, /*space_elements=*/false);
}

std::string SpacedText(const xmlNode& node, size_t limit) {
  return WalkText(node, limit, /*space_elements=*/true);
}

}  // namespace storyline::html
