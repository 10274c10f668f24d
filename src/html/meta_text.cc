#include "html/meta_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "html/dom.h"

namespace storyline::html {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size();) {
    const auto byte = static_cast<unsigned char>(out[i]);
    if (byte < 0x80) {
      if (byte >= 'A' && byte <= 'Z') out[i] = static_cast<char>(byte - 'A' + 'a');
      ++i;
      continue;
    }
    // ICU's simple lower case of one code point, kept only when its UTF-8
    // is as long as the letter's, so offsets into `text` stay valid.
    const size_t start = i;
    UChar32 letter = 0;
    U8_NEXT(out.data(), i, out.size(), letter);
    const UChar32 lower = letter < 0 ? letter : u_tolower(letter);
    if (lower != letter && U8_LENGTH(lower) == static_cast<int>(i - start)) {
      size_t at = start;
      U8_APPEND_UNSAFE(out.data(), at, lower);
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

std::string_view WithoutLeadingMarks(std::string_view text,
                                     std::span<const std::string_view> marks) {
  for (bool cut = true; cut;) {
    cut = false;
    for (std::string_view mark : marks) {
      if (text.substr(0, mark.size()) != mark) continue;
      text = Trim(text.substr(mark.size()));
      cut = true;
    }
  }
  return text;
}

}  // namespace storyline::html
