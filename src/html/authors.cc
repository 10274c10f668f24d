// Author names: the name in a byline or an author value (candidates.h).
#include <algorithm>
#include <array>

#include "html/candidates.h"
#include "html/dom.h"
#include "html/meta_text.h"
#include "html/metadata_words.h"

namespace storyline::html {
namespace {

constexpr size_t kMaxNameBytes = 80;
constexpr size_t kMaxNameWords = 8;
// Marks a byline may start with, before or after its prefix ("» By: Jane").
constexpr std::array<std::string_view, 7> kLeadingMarks = {":", "|", "»", ">", "-", "–", ","};

}  // namespace

// Values that are URLs or e-mail addresses name no one. A date and what
// follows it, a part after " | " and the like, byline prefixes ("By ",
// "View all posts by"), and a stamp word or name end with what follows
// ("Jane Doe am Samstag") are cut; what is left must be a name: not listed
// as naming no one, 2 to 80 bytes, at most 8 words, with a letter.
std::optional<std::string> Collector::CleanAuthor(std::string_view raw) const {
  std::string text = Collapse(raw);
  std::string_view view = text;
  const std::string lower = Lower(view);
  if (ContainsAny(lower, {"http://", "https://", "www.", "@", "[at]", ".com/", "/"}))
    return std::nullopt;
  // A date and what follows it are not part of the name.
  if (std::optional<DateWords::Found> found = FindDate(view)) {
    view = view.substr(0, found->offset);
  }
  static constexpr std::array<std::string_view, 8> kCuts = {" | ", " - ", " – ", " — ",
                                                            "\n",  " / ", " • ", " · "};
  for (std::string_view cut : kCuts) {
    size_t at = view.find(cut);
    if (at != std::string_view::npos && at > 0) view = view.substr(0, at);
  }
  for (bool again = true; again;) {
    again = false;
    view = Trim(view);
    view = WithoutLeadingMarks(view, kLeadingMarks);
    for (std::string_view prefix : page_words_.byline_prefixes()) {
      if (!StartsWithNoCase(view, prefix)) continue;
      // "AuthorJane Doe" and "By: Jane" as well as "By Jane"; not "Bystrom".
      const std::string_view rest = view.substr(prefix.size());
      const unsigned char next = rest.empty() ? ' ' : static_cast<unsigned char>(rest.front());
      if (next == ' ' || next == ':' || (next >= 'A' && next <= 'Z') || next >= 0x80 ||
          prefix.back() == ':') {
        view = rest;
        again = true;
        break;
      }
    }
  }
  // Cut at a stamp word or a joiner: "Jane Doe Stand", "Jane Doe am Samstag".
  for (size_t at = view.find(' '); at != std::string_view::npos; at = view.find(' ', at + 1)) {
    size_t end = view.find(' ', at + 1);
    std::string_view word = view.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    const std::string key = Lower(word);
    if (words_.IsStamp(word) || page_words_.IsNameEnd(key)) {
      view = view.substr(0, at);
      break;
    }
  }
  // Trailing punctuation left by a cut.
  view = Trim(view);
  while (!view.empty() &&
         std::string_view(",;:|-–(»").find(view.back()) != std::string_view::npos) {
    view.remove_suffix(1);
    view = Trim(view);
  }
  for (std::string_view arrow : {"→", "»", "›"}) {
    if (view.size() > arrow.size() && view.substr(view.size() - arrow.size()) == arrow)
      view = Trim(view.substr(0, view.size() - arrow.size()));
  }
  if (page_words_.IsNotName(Lower(view)) || words_.IsStamp(view)) return std::nullopt;
  view = Trim(view);
  if (view.size() < 2 || view.size() > kMaxNameBytes) return std::nullopt;
  size_t words = 1 + static_cast<size_t>(std::count(view.begin(), view.end(), ' '));
  if (words > kMaxNameWords) return std::nullopt;
  bool has_letter = false;
  for (char c : view) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
      has_letter = true;
  }
  if (!has_letter) return std::nullopt;
  return std::string(view);
}

}  // namespace storyline::html
