#include "html/titles.h"

#include <algorithm>
#include <array>

#include "html/dom.h"
#include "html/meta_text.h"
#include "html/metadata_words.h"

namespace storyline::html {
namespace {

// A kicker or roof line above a headline, inside the heading element.
bool IsKicker(const xmlNode& node, const MetadataWords& words) {
  if (NameOf(node) == "small") return true;
  return words.IsKickerClass(Lower(AttributeOf(node, "class")));
}

}  // namespace

std::string HeadingText(const xmlNode& node, size_t limit, const MetadataWords& words) {
  std::string out;
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      const std::string_view name = NameOf(*at);
      descend = at == &node || (name != "script" && name != "style" && !IsKicker(*at, words));
      if (at != &node && (name == "br" || name == "div" || name == "p") && !out.empty() &&
          out.back() != ' ')
        out.push_back(' ');
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  // What separated a removed kicker from the headline: "Kicker: Headline".
  std::string_view text = Trim(out);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view separator : {":", "-", "–", "—", "|", "·", "•"}) {
      if (text.substr(0, separator.size()) == separator) {
        text = Trim(text.substr(separator.size()));
        again = true;
      }
    }
  }
  return std::string(text);
}

namespace {

// Lower case without spaces, dots, hyphens and underscores.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : Lower(Trim(text))) {
    if (c != ' ' && c != '.' && c != '-' && c != '_') out.push_back(c);
  }
  return out;
}

bool SameName(std::string_view a, std::string_view b) {
  std::string x = Lower(Trim(a)), y = Lower(Trim(b));
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  // "Spiegel Online" vs "SPIEGEL ONLINE", "example.com" vs "Example".
  auto squeeze = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c != ' ' && c != '.' && c != '-' && c != '_') out.push_back(c);
    }
    return out;
  };
  x = squeeze(x);
  y = squeeze(y);
  if (x.empty() || y.empty()) return false;
  return x == y || (x.size() >= 4 && Contains(y, x)) || (y.size() >= 4 && Contains(x, y));
}

}  // namespace

std::string CutSiteName(std::string_view title, std::string_view site, bool guess) {
  static constexpr std::array<std::string_view, 9> kSeparators = {
      " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " • "};
  // Last separator: "Headline | Section | Site".
  size_t last = std::string_view::npos, last_size = 0;
  size_t first = std::string_view::npos, first_size = 0;
  for (std::string_view separator : kSeparators) {
    size_t at = title.rfind(separator);
    if (at != std::string_view::npos && (last == std::string_view::npos || at > last)) {
      last = at;
      last_size = separator.size();
    }
    at = title.find(separator);
    if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) {
      first = at;
      first_size = separator.size();
    }
  }
  if (last == std::string_view::npos) return std::string(title);
  std::string_view head = Trim(title.substr(0, last));
  std::string_view tail = Trim(title.substr(last + last_size));
  if (!site.empty()) {
    if (SameName(tail, site)) return std::string(head);
    std::string_view lead = Trim(title.substr(0, first));
    if (SameName(lead, site)) return std::string(Trim(title.substr(first + first_size)));
    return std::string(title);
  }
  if (!guess) return std::string(title);
  const size_t tail_words = 1 + static_cast<size_t>(std::count(tail.begin(), tail.end(), ' '));
  if (tail.size() < head.size() && tail_words <= 5) return std::string(head);
  return std::string(title);
}

std::string BestSiteName(const std::vector<Candidate>& candidates) {
  const Candidate* best = nullptr;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "site_name") continue;
    if (!best || candidate.rank < best->rank) best = &candidate;
  }
  return best ? best->field.value : std::string();
}

std::string Host(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = Lower(url.substr(start, end == std::string_view::npos ? end : end - start));
  if (host.substr(0, 4) == "www.") host.erase(0, 4);
  return host;
}

bool IsSiteName(std::string_view text, const std::vector<std::string>& site_names, bool exact) {
  auto squeezed_size = [](std::string_view value) {
    size_t size = 0;
    for (char c : value) size += c != ' ' && c != '.' && c != '-' && c != '_';
    return size;
  };
  for (const std::string& site : site_names) {
    if (exact ? Squeeze(text) == Squeeze(site)
              : SameName(text, site) && squeezed_size(text) <= squeezed_size(site) + 3)
      return true;
  }
  return false;
}

const MetadataField* ChooseTitle(const std::vector<Candidate>& candidates,
                                 const std::vector<std::string>& site_names) {
  auto is_site = [&](std::string_view text) { return IsSiteName(text, site_names); };
  std::vector<const Candidate*> references, headings;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "title") continue;
    if (candidate.field.how == "heading") {
      if (candidate.field.value.size() >= 3 && !is_site(candidate.field.value))
        headings.push_back(&candidate);
    } else {
      references.push_back(&candidate);
    }
  }
  std::stable_sort(headings.begin(), headings.end(), [](const Candidate* a, const Candidate* b) {
    return a->rank < b->rank;  // <h1> before <h2>, page order within
  });
  for (const Candidate* heading : headings) {
    const std::string text = Lower(heading->field.value);
    for (const Candidate* reference : references) {
      const std::string other = Lower(reference->field.value);
      if (text == other || (Contains(other, text) && text.size() * 10 >= other.size() * 3))
        return &heading->field;
    }
  }
  if (!headings.empty() && headings.front()->field.evidence == "<h1>")
    return &headings.front()->field;
  const Candidate* best = nullptr;
  for (const Candidate* reference : references) {
    if (!best || reference->rank < best->rank) best = reference;
  }
  return best ? &best->field : nullptr;
}

}  // namespace storyline::html
