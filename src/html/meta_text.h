// meta_text.h (internal): text helpers shared by the parts of the metadata
// reader (metadata.h). Case folding is ICU's simple lower case, for the
// words compared: lower-case data-file entries, class names and markup keys.
#pragma once

#include <libxml/tree.h>

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

namespace storyline::html {

// `text` with each letter in its simple lower case (ICU's u_tolower: "Ä" to
// "ä", "О" to "о"), where that takes as many UTF-8 bytes, so that an offset
// into the result is one into `text`; other bytes, and invalid UTF-8,
// unchanged.
std::string Lower(std::string_view text);

inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles);

// `text` without the `marks` at its start ("» ", ": – "), each cut whole
// (not byte by byte: "–" shares lead bytes with "►") with the white space
// after it, as long as one is there.
std::string_view WithoutLeadingMarks(std::string_view text,
                                     std::span<const std::string_view> marks);

inline bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Whether `text` starts with `prefix` (lower case), ignoring ASCII case.
bool StartsWithNoCase(std::string_view text, std::string_view prefix);

// `text` with white space collapsed and trimmed.
std::string Collapse(std::string_view text);

// At most `limit` bytes of `text` (cut at a UTF-8 boundary) and "...".
std::string Shorten(std::string_view text, size_t limit = 40);

// The text under `node` without scripts and styles, collapsed, stopping once
// it is longer than `limit`.
std::string BoundedText(const xmlNode& node, size_t limit);

// The text under `node` with a space at every element boundary (bylines
// put names and labels in separate elements), bounded as BoundedText.
std::string SpacedText(const xmlNode& node, size_t limit);

}  // namespace storyline::html
