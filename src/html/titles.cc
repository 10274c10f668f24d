#include "html/titles.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

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

// What separates a kicker from the headline: "Kicker: Headline".
constexpr std::array<std::string_view, 7> kKickerSeparators = {":", "-",      "\u2013", "\u2014",
                                                               "|", "\u00B7", "\u2022"};

// A kicker separator that only screen readers read ("<span
// class=sr-only>: </span>"): on screen the kicker stands on its own line.
bool IsHiddenSeparator(const xmlNode& node, const MetadataWords& words) {
  if (!words.IsHiddenClass(Lower(AttributeOf(node, "class")))) return false;
  const std::string text = BoundedText(node, 8);
  return std::find(kKickerSeparators.begin(), kKickerSeparators.end(), Trim(text)) !=
         kKickerSeparators.end();
}

}  // namespace

std::string HeadingText(const xmlNode& node, size_t limit, const MetadataWords& words) {
  std::string out;
  size_t headline_start = 0;  // after a hidden separator that follows a kicker
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      const std::string_view name = NameOf(*at);
      // <rt> and <rp>: the reading aids of ruby text (furigana), not its words.
      descend = at == &node || (name != "script" && name != "style" && name != "rt" &&
                                name != "rp" && !IsKicker(*at, words));
      if (at != &node && descend && IsHiddenSeparator(*at, words)) {
        descend = false;
        if (!Trim(out).empty()) headline_start = out.size();
      }
      if (at != &node && (name == "br" || name == "div" || name == "p") && !out.empty() &&
          out.back() != ' ')
        out.push_back(' ');
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  const std::string_view headline = Trim(std::string_view(out).substr(headline_start));
  return std::string(
      WithoutLeadingMarks(headline.empty() ? Trim(out) : headline, kKickerSeparators));
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

// Whether `text` is `site`'s name, not a longer text holding it: the same
// name (SameName) at most 3 bytes longer, spaces, dots, hyphens and
// underscores not counted ("Spiegel Online" for "SPIEGEL ONLINE", not
// "Harbour tours" for "Harbour").
bool NamesSite(std::string_view text, std::string_view site) {
  auto squeezed_size = [](std::string_view value) {
    size_t size = 0;
    for (char c : value) size += c != ' ' && c != '.' && c != '-' && c != '_';
    return size;
  };
  return SameName(text, site) && squeezed_size(text) <= squeezed_size(site) + 3;
}

}  // namespace

std::string CutSiteName(std::string_view title, std::string_view site, bool guess,
                        const MetadataWords& words) {
  // Where each separator occurs, in title order: a site's name may hold a
  // separator too ("Headline - Salsa-Figuren - Rueda in Berlin").
  std::vector<std::pair<size_t, size_t>> splits;  // (offset, size)
  for (std::string_view separator : words.title_separators()) {
    for (size_t at = title.find(separator); at != std::string_view::npos;
         at = title.find(separator, at + separator.size())) {
      splits.emplace_back(at, separator.size());
    }
  }
  // A title of many parts is no "Headline | Site": left whole, which also
  // bounds the work on a huge <title>.
  constexpr size_t kMaxParts = 16;
  if (splits.empty() || splits.size() >= kMaxParts) return std::string(title);
  std::sort(splits.begin(), splits.end());
  auto head = [&](const std::pair<size_t, size_t>& split) {
    return Trim(title.substr(0, split.first));
  };
  auto tail = [&](const std::pair<size_t, size_t>& split) {
    return Trim(title.substr(split.first + split.second));
  };
  if (!site.empty()) {
    // The longest end that names the site, then the longest start.
    for (const auto& split : splits) {
      if (NamesSite(tail(split), site)) return std::string(head(split));
    }
    for (auto split = splits.rbegin(); split != splits.rend(); ++split) {
      if (NamesSite(head(*split), site)) return std::string(tail(*split));
    }
    // A middle part, a tagline after it: "Headline - Site - Tagline" (not
    // "Section - Site - Headline": the part kept is the longer one).
    for (size_t first = 0; first < splits.size(); ++first) {
      const size_t start = splits[first].first + splits[first].second;
      for (size_t last = first + 1; last < splits.size(); ++last) {
        if (splits[last].first <= start) continue;
        if (NamesSite(Trim(title.substr(start, splits[last].first - start)), site) &&
            head(splits[first]).size() >= tail(splits[last]).size())
          return std::string(head(splits[first]));
      }
    }
    return std::string(title);
  }
  if (!guess) return std::string(title);
  const std::string_view last_head = head(splits.back()), last_tail = tail(splits.back());
  const size_t tail_words =
      1 + static_cast<size_t>(std::count(last_tail.begin(), last_tail.end(), ' '));
  if (last_tail.size() < last_head.size() && tail_words <= 5) return std::string(last_head);
  return std::string(title);
}

std::string CutTitleTag(std::string_view raw_title, std::string_view site, std::string_view host,
                        const MetadataWords& words) {
  if (site.empty() && !host.empty()) {
    std::string cut = CutSiteName(raw_title, host, false, words);
    if (cut != raw_title) return cut;
  }
  return CutSiteName(raw_title, site, true, words);
}

std::string BestSiteName(const std::vector<Candidate>& candidates) {
  const Candidate* best = nullptr;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "site_name") continue;
    if (!best || candidate.rank < best->rank) best = &candidate;
  }
  return best ? best->field.value : std::string();
}

namespace {

// The archived page's URL of a web.archive.org capture, else `url`.
std::string_view OriginalUrl(std::string_view url) {
  url = Trim(url);
  static constexpr std::string_view kArchive = "web.archive.org/web/";
  const size_t archive = url.find(kArchive);
  if (archive == std::string_view::npos) return url;
  const size_t stamp_end = url.find('/', archive + kArchive.size());
  return stamp_end == std::string_view::npos ? url : url.substr(stamp_end + 1);
}

}  // namespace

std::string Host(std::string_view url) {
  url = OriginalUrl(url);
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = Lower(url.substr(start, end == std::string_view::npos ? end : end - start));
  if (host.substr(0, 4) == "www.") host.erase(0, 4);
  return host;
}

std::string_view PathOf(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  url = url.substr(path);
  return url.substr(0, url.find_first_of("?#"));
}

bool IsSiteName(std::string_view text, const std::vector<std::string>& site_names, bool exact) {
  for (const std::string& site : site_names) {
    if (exact ? Squeeze(text) == Squeeze(site) : NamesSite(text, site)) return true;
  }
  return false;
}

namespace {

// How the page's other titles confirm a heading; a lower value is a better
// confirmation.
enum class Confirmation {
  kEqualsStrong,   // equals a JSON-LD headline or a <meta> title
  kLeadPart,       // is the part of a title before its first separator
  kWeak,           // equals a page name or the <title>, or is most of a title
  kHoldsHeadline,  // holds a title and more: "Kicker Headline", "Headline | Site"
  kNone,
};

// A title of the page a heading is compared with, as a MatchKey.
struct Reference {
  std::string key;
  const Candidate* candidate = nullptr;  // nullptr: the <title> before its site-name cut
  bool strong = false;                   // a JSON-LD headline or a <meta> title
};

// The headline a heading is taken for, with how it was confirmed.
struct Confirmed {
  Confirmation how = Confirmation::kNone;
  const Candidate* headline = nullptr;  // the title to take instead of the heading, or nullptr
};

constexpr std::string_view kSoftHyphen = "\xC2\xAD";

// Typographic characters a page's titles write plainly or not, each with its
// plain form: a heading's „quotes“ and dashes – as typeset, og:title "as
// typed" - or the other way. A soft hyphen (U+00AD), put in the long words
// of a heading to hyphenate it on screen, has none.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kPlainForms = {{
    {kSoftHyphen, ""},
    {"\u2013", "-"},    // en dash
    {"\u2014", "-"},    // em dash
    {"\u2018", "'"},    // left single quotation mark
    {"\u2019", "'"},    // right single quotation mark, apostrophe
    {"\u201A", "'"},    // single low-9 quotation mark
    {"\u201C", "\""},   // left double quotation mark
    {"\u201D", "\""},   // right double quotation mark
    {"\u201E", "\""},   // double low-9 quotation mark
    {"\u00AB", "\""},   // left-pointing double angle quotation mark
    {"\u00BB", "\""},   // right-pointing double angle quotation mark
    {"\u2026", "..."},  // horizontal ellipsis
}};

// `text` lower case (ASCII) with typographic characters in their plain
// form, for comparing titles.
std::string MatchKey(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (size_t at = 0; at < text.size();) {
    const auto plain =
        static_cast<unsigned char>(text[at]) < 0x80
            ? kPlainForms.end()
            : std::find_if(kPlainForms.begin(), kPlainForms.end(), [&](const auto& form) {
                return text.substr(at, form.first.size()) == form.first;
              });
    if (plain == kPlainForms.end()) {
      key.push_back(text[at] >= 'A' && text[at] <= 'Z' ? static_cast<char>(text[at] - 'A' + 'a')
                                                       : text[at]);
      ++at;
    } else {
      key += plain->second;
      at += plain->first.size();
    }
  }
  return key;
}

// A headline inside a heading is taken from at least this many bytes: shorter
// titles ("News") are sections.
constexpr size_t kMinHeldHeadline = 10;

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

// Whether `heading` is `reference`, or inside it, at least 30% of it and
// not shorter than a held headline.
bool WithinReference(std::string_view heading, std::string_view reference) {
  return heading == reference ||
         (heading.size() >= kMinHeldHeadline && Contains(reference, heading) &&
          heading.size() * 10 >= reference.size() * 3);
}

// Whether `heading` is the part of `reference` before its first separator,
// a headline before its subtitle ("Headline - Subtitle : Site"), not shorter
// than a held headline.
bool IsLeadPart(std::string_view heading, std::string_view reference,
                const std::vector<std::string>& separators) {
  if (heading.size() < kMinHeldHeadline || heading.size() >= reference.size() ||
      reference.substr(0, heading.size()) != heading)
    return false;
  size_t first = std::string_view::npos;
  for (std::string_view separator : separators) first = std::min(first, reference.find(separator));
  return first == heading.size();
}

// Whether `heading` ends with `reference` after a kicker, section or date
// ("Politics | Headline", "Kicker Headline"), or starts with it before a
// separator ("Headline | Site").
bool HoldsHeadline(std::string_view heading, std::string_view reference,
                   const std::vector<std::string>& separators) {
  if (reference.size() < kMinHeldHeadline || reference.size() >= heading.size()) return false;
  if (EndsWith(heading, reference)) {
    const unsigned char before = heading[heading.size() - reference.size() - 1];
    if (before < 0x80 && !std::isalnum(before)) return true;
  }
  if (heading.substr(0, reference.size()) != reference) return false;
  const std::string_view rest = heading.substr(reference.size());
  return std::any_of(separators.begin(), separators.end(), [&](std::string_view separator) {
    return rest.substr(0, separator.size()) == separator;
  });
}

// How `heading` is confirmed by `references`, split at `separators` (as
// MatchKeys). A heading hyphenated for the screen is taken as the title it
// equals writes it. Only an <h1> is taken for the part before a title's
// first separator: an <h2> there is a section ("Politics - Headline").
Confirmed Confirm(const Candidate& heading, const std::vector<Reference>& references,
                  const std::vector<std::string>& separators) {
  const std::string key = MatchKey(heading.field.value);
  const bool hyphenated = Contains(heading.field.value, kSoftHyphen);
  Confirmed confirmed;
  for (const Reference& reference : references) {
    if (reference.strong && key == reference.key)
      return {Confirmation::kEqualsStrong, hyphenated ? reference.candidate : nullptr};
    if (heading.field.evidence == "<h1>" && IsLeadPart(key, reference.key, separators))
      confirmed.how = Confirmation::kLeadPart;
    else if (WithinReference(key, reference.key) && confirmed.how == Confirmation::kNone)
      confirmed.how = Confirmation::kWeak;
  }
  if (confirmed.how != Confirmation::kNone) return confirmed;
  for (const Reference& reference : references) {
    if (!reference.candidate || !HoldsHeadline(key, reference.key, separators)) continue;
    if (!confirmed.headline || reference.candidate->rank < confirmed.headline->rank)
      confirmed = {Confirmation::kHoldsHeadline, reference.candidate};
  }
  return confirmed;
}

// The lower-case runs of ASCII letters and digits of `text`.
std::vector<std::string> AsciiWords(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c > 0 && std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The words of the path of `url` (of the archived page's URL for a capture):
// many sites write the headline there ("/2020/05/the-headline-words/").
std::vector<std::string> PathWords(std::string_view url) {
  return AsciiWords(PathOf(OriginalUrl(url)));
}

// Tenths of the words of `heading` that are words of the URL's path.
int PathShare(std::string_view heading, const std::vector<std::string>& path_words) {
  const std::vector<std::string> words = AsciiWords(heading);
  if (words.empty() || path_words.empty()) return 0;
  const auto found = std::count_if(words.begin(), words.end(), [&](const std::string& word) {
    return std::find(path_words.begin(), path_words.end(), word) != path_words.end();
  });
  return static_cast<int>((found * 10 + static_cast<long>(words.size()) / 2) /
                          static_cast<long>(words.size()));
}

// A page's headings that may be its title, <h1> before <h2> and in page
// order within, and the titles they are compared with.
struct TitleSources {
  std::vector<const Candidate*> headings;
  std::vector<Reference> references;
};

TitleSources SplitTitles(const std::vector<Candidate>& candidates,
                         const std::vector<std::string>& site_names, std::string_view raw_title) {
  TitleSources sources;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "title") continue;
    const std::string& value = candidate.field.value;
    if (candidate.field.how != "heading") {
      sources.references.push_back(
          {MatchKey(value), &candidate, candidate.rank < rank::kJsonPageTitle});
    } else if (value.size() >= 3 && std::any_of(value.begin(), value.end(), IsWordByte) &&
               !IsSiteName(value, site_names)) {
      sources.headings.push_back(&candidate);
    }
  }
  // The <title> as written: its site-name cut may have kept the wrong part.
  if (!raw_title.empty()) sources.references.push_back({MatchKey(Collapse(raw_title))});
  std::stable_sort(sources.headings.begin(), sources.headings.end(),
                   [](const Candidate* a, const Candidate* b) { return a->rank < b->rank; });
  return sources;
}

// The best confirmed heading; among weakly confirmed ones, the one whose
// words the URL repeats most (a site's name in a heading is confirmed by the
// <title> too), then <h1> before <h2>, then page order.
ChosenTitle BestConfirmed(const TitleSources& sources, std::string_view url,
                          const MetadataWords& words) {
  const std::vector<std::string> path_words = PathWords(url);
  // The separators as the references are written: " » " reads ' " '.
  std::vector<std::string> separators;
  for (const std::string& separator : words.title_separators())
    separators.push_back(MatchKey(separator));
  ChosenTitle chosen;
  std::pair<Confirmation, int> best{Confirmation::kNone, 0};
  for (const Candidate* heading : sources.headings) {
    const Confirmed confirmed = Confirm(*heading, sources.references, separators);
    if (confirmed.how == Confirmation::kNone) continue;
    const int path_share =
        confirmed.how == Confirmation::kWeak ? PathShare(heading->field.value, path_words) : 0;
    const std::pair<Confirmation, int> key{confirmed.how, -path_share};
    if (chosen.field && key >= best) continue;
    best = key;
    chosen = {confirmed.headline ? &confirmed.headline->field : &heading->field,
              heading->text_offset};
  }
  return chosen;
}

}  // namespace

ChosenTitle ChooseTitle(const std::vector<Candidate>& candidates,
                        const std::vector<std::string>& site_names, const TitlePage& page,
                        const MetadataWords& words) {
  const TitleSources sources = SplitTitles(candidates, site_names, page.raw_title);
  ChosenTitle chosen = BestConfirmed(sources, page.url, words);
  if (chosen.field) return chosen;
  if (!sources.headings.empty() && sources.headings.front()->field.evidence == "<h1>")
    return {&sources.headings.front()->field, sources.headings.front()->text_offset};
  const Candidate* most_trusted = nullptr;
  for (const Reference& reference : sources.references) {
    if (reference.candidate && (!most_trusted || reference.candidate->rank < most_trusted->rank))
      most_trusted = reference.candidate;
  }
  if (most_trusted) chosen.field = &most_trusted->field;
  return chosen;
}

}  // namespace storyline::html
