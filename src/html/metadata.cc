// The metadata reader's candidates and their choice (see metadata.h): the
// Collector's cleaning, the gathering of all sources of a page, and the
// choice per field.
#include "html/metadata.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <utility>

#include "html/candidates.h"
#include "html/dom.h"
#include "html/json_ld.h"
#include "html/markup.h"
#include "html/meta_text.h"
#include "html/titles.h"

namespace storyline::html {
namespace {

constexpr int kMinYear = 1995;
constexpr long kShownDateSlack = 7;  // days a shown date may differ from markup
constexpr long kUrlDateSlack = 7;    // days markup may come after the URL's date

const std::array<std::string_view, 7> kFieldOrder = {
    "title", "published", "modified", "author", "site_name", "canonical_url", "language"};

}  // namespace

// ---------------------------------------------------------------------------
// The Collector.

void Collector::SetLanguage(std::string_view language) {
  const std::string lower = Lower(Trim(language));
  slash_month_first_ =
      lower == "en" || lower.substr(0, 5) == "en-us" || lower.substr(0, 5) == "en_us";
}

void Collector::Add(std::string_view field, std::string_view value, std::string_view how,
                    std::string evidence, int rank, int group, int text_offset) {
  std::string clean = Collapse(how == "json-ld" ? DecodeEntities(value) : std::string(value));
  if (clean.empty()) return;
  candidates_.push_back(
      {{std::string(field), std::move(clean), std::string(how), std::move(evidence)},
       rank,
       static_cast<int>(candidates_.size()),
       group ? group : NewGroup(),
       text_offset});
}

void Collector::AddDate(std::string_view field, std::string_view raw, std::string_view how,
                        std::string evidence, int rank) {
  std::optional<std::string> date = NormalizeDate(raw);
  if (date) Add(field, *date, how, std::move(evidence), rank);
}

std::optional<std::string> Collector::NormalizeDate(std::string_view raw) const {
  raw = Trim(raw);
  std::optional<std::string> date = ParseIsoLike(raw);
  if (!date) {
    std::optional<DateWords::Found> found = FindDate(raw);
    if (found) date = found->date;
  }
  if (!date || !Acceptable(*date)) return std::nullopt;
  return date;
}

bool Collector::Acceptable(std::string_view date) const {
  if (YearOf(date) < kMinYear) return false;
  if (context_.captured && context_.captured->size() >= 10 &&
      date.substr(0, 10) > std::string_view(*context_.captured).substr(0, 10))
    return false;
  return true;
}

bool Collector::AddAuthor(std::string_view raw, std::string_view how, std::string evidence,
                          int rank, int group) {
  std::optional<std::string> name = CleanAuthor(raw);
  if (!name) return false;
  Add("author", *name, how, std::move(evidence), rank, group);
  return true;
}

// ---------------------------------------------------------------------------
// Gathering and choosing.

namespace {

// `title` without a date before its first separator ("23.01.2022 - Headline"):
// the date tells when, the headline what.
std::string WithoutLeadingDate(const std::string& title, const Collector& collector) {
  const std::optional<DateWords::Found> date = collector.FindDate(title);
  if (!date || date->offset != 0) return title;
  const std::string_view rest = std::string_view(title).substr(date->end);
  for (std::string_view separator : collector.page_words().title_separators()) {
    if (rest.substr(0, separator.size()) != separator) continue;
    const std::string_view headline = Trim(rest.substr(separator.size()));
    if (!headline.empty()) return std::string(headline);
  }
  return title;
}

// All candidates of a page, the title chosen, and dates read from the page's
// text around the chosen headline.
struct Gathered {
  std::vector<Candidate> candidates;
  std::optional<MetadataField> title;
  std::vector<std::string> site_names;  // the site's names and host name
};

// Date elements of one class that give different days are a list (teasers,
// events, comments), not the page's date: they rank below every other
// date.
void DemoteListedDates(std::vector<Candidate>& candidates) {
  auto is_element_date = [](const Candidate& candidate) {
    return candidate.rank == rank::kTextDate && candidate.field.how == "byline";
  };
  std::map<std::string, std::set<std::string>> days_of_class;
  for (const Candidate& candidate : candidates) {
    if (is_element_date(candidate))
      days_of_class[candidate.field.evidence].insert(candidate.field.value.substr(0, 10));
  }
  for (Candidate& candidate : candidates) {
    if (is_element_date(candidate) && days_of_class[candidate.field.evidence].size() > 1)
      candidate.rank = rank::kListedDate;
  }
}

Gathered Gather(const xmlDoc& doc, const PageContext& context, const DateWords& words,
                const MetadataWords& page_words, std::optional<std::string>& body) {
  Collector collector(context, words, page_words);
  const PageMarkup markup = ReadMarkup(doc, collector, body);
  // The URL's date: the first full date in it that is acceptable.
  if (!context.url.empty()) {
    for (const UrlDate& found : DatesInUrl(context.url)) {
      if (!collector.Acceptable(found.date)) continue;
      collector.Add("published", found.date, "url", "URL " + found.text, rank::kUrl);
      break;
    }
  }
  std::vector<Candidate>& candidates = collector.candidates();
  const std::string site = BestSiteName(candidates);
  const std::string host = Host(context.url);
  if (!markup.raw_title.empty()) {
    collector.Add("title", CutTitleTag(markup.raw_title, site, host, page_words), "title-tag",
                  "<title>", rank::kTitleTag);
  }
  for (Candidate& candidate : candidates) {
    if (candidate.field.field == "title" && candidate.field.how != "title-tag") {
      candidate.field.value = CutSiteName(candidate.field.value, site, false, page_words);
    }
    if (candidate.field.field == "title")
      candidate.field.value = WithoutLeadingDate(candidate.field.value, collector);
  }
  std::vector<std::string> site_names;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field == "site_name") site_names.push_back(candidate.field.value);
  }
  if (!host.empty()) {
    site_names.push_back(host);
    site_names.push_back(host.substr(0, host.find('.')));
  }
  Gathered gathered;
  std::optional<size_t> headline_at;
  const ChosenTitle title =
      ChooseTitle(candidates, site_names, {markup.raw_title, context.url}, page_words);
  if (title.field) {
    gathered.title = *title.field;
    if (title.text_offset >= 0) headline_at = static_cast<size_t>(title.text_offset);
  }
  if (!headline_at) headline_at = markup.first_h1_offset;
  AddTextDates(markup.text, markup.modified_text, headline_at, collector);
  AddScriptDate(markup.scripts, collector);
  DemoteListedDates(candidates);
  gathered.candidates = std::move(candidates);
  gathered.site_names = std::move(site_names);
  return gathered;
}

// The best candidate of `field` (lowest rank, then page order); nullptr
// when there is none.
const Candidate* BestOf(const std::vector<Candidate>& candidates, std::string_view field) {
  const Candidate* best = nullptr;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field == field &&
        (!best || candidate.rank < best->rank ||
         (candidate.rank == best->rank && candidate.order < best->order)))
      best = &candidate;
  }
  return best;
}

// The date in the URL, when there is one.
const Candidate* UrlDate(const std::vector<Candidate>& candidates) {
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field == "published" && candidate.rank == rank::kUrl) return &candidate;
  }
  return nullptr;
}

// Days from `earlier` to `later`; nullopt when either is not a date.
std::optional<long> DaysBetween(std::string_view earlier, std::string_view later) {
  std::optional<long> from = DayNumber(earlier), to = DayNumber(later);
  if (!from || !to) return std::nullopt;
  return *to - *from;
}

// Whether the markup, not the text, gives a date of `field` on the day of
// `shown`.
bool MarkupGives(const std::vector<Candidate>& candidates, std::string_view field,
                 const Candidate& shown) {
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field == field && candidate.rank < rank::kNearHeadline &&
        candidate.field.how != "byline" &&
        candidate.field.value.compare(0, 10, shown.field.value, 0, 10) == 0)
      return true;
  }
  return false;
}

// The date shown over or under the headline when it is a few days off the
// better-ranked `best` of markup (time zones, re-publication): it is the
// date readers see. Further off, when other markup (a <time datetime>, a
// weaker <meta>) gives the shown day as published and none as modified: the
// markup disagrees with itself, and the page shows which is right. A date
// in the URL that differs from the shown one settles it for the markup.
const Candidate* ShownDateOver(const std::vector<Candidate>& candidates, const Candidate& best) {
  const Candidate* url_date = UrlDate(candidates);
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "published" ||
        (candidate.rank != rank::kNearHeadline && candidate.rank != rank::kAboveHeadline))
      continue;
    if (best.rank >= candidate.rank) return &best;
    std::optional<long> days = DaysBetween(best.field.value, candidate.field.value);
    const bool url_disagrees =
        url_date && url_date->field.value.substr(0, 10) != candidate.field.value.substr(0, 10);
    if (url_disagrees) break;
    if (days && std::labs(*days) <= kShownDateSlack) return &candidate;
    if (MarkupGives(candidates, "published", candidate) &&
        !MarkupGives(candidates, "modified", candidate))
      return &candidate;
    break;
  }
  return &best;
}

// A URL's date is fixed when the page is made: markup dates weeks later are
// those of a re-publication or a later save.
const Candidate* UrlDateOver(const std::vector<Candidate>& candidates, const Candidate& best) {
  const Candidate* url_date = UrlDate(candidates);
  if (!url_date || best.rank >= rank::kUrl) return &best;
  std::optional<long> days = DaysBetween(url_date->field.value, best.field.value);
  return days && *days > kUrlDateSlack ? url_date : &best;
}

// The published date. A page that gives only a modified date, or beside it
// no published date but the first date of its text (no cue says what that
// date is), was published no later than that: the modified date stands for
// it, as htmldate falls back to it. A modified date merely written after the
// headline does not, as it may be a later mention.
std::optional<MetadataField> ChoosePublished(const std::vector<Candidate>& candidates,
                                             const Candidate* best) {
  if (best && best->rank < rank::kFirstTextDate)
    return ShownDateOver(candidates, *UrlDateOver(candidates, *best))->field;
  const Candidate* modified = BestOf(candidates, "modified");
  const bool modified_has_cue = modified && modified->rank < rank::kNearHeadline;
  if (modified && (!best || modified_has_cue)) {
    MetadataField published = modified->field;
    published.field = "published";
    published.evidence = "the modified date, for want of a published one: " + published.evidence;
    return published;
  }
  if (best) return best->field;
  return std::nullopt;
}

}  // namespace

std::vector<MetadataField> MetadataCandidates(const xmlDoc& doc, const PageContext& context,
                                              const DateWords& words,
                                              const MetadataWords& page_words) {
  std::optional<std::string> body;
  Gathered gathered = Gather(doc, context, words, page_words, body);
  std::vector<Candidate>& candidates = gathered.candidates;
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        auto field_index = [](const std::string& field) {
          return std::find(kFieldOrder.begin(), kFieldOrder.end(), field) - kFieldOrder.begin();
        };
        auto x = field_index(a.field.field), y = field_index(b.field.field);
        if (x != y) return x < y;
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.order < b.order;
      });
  std::vector<MetadataField> fields;
  for (Candidate& candidate : candidates) fields.push_back(std::move(candidate.field));
  return fields;
}

Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context, const DateWords& words,
                      const MetadataWords& page_words) {
  Metadata metadata;
  Gathered gathered = Gather(doc, context, words, page_words, metadata.json_ld_body);
  const std::vector<Candidate>& candidates = gathered.candidates;
  for (std::string_view field : kFieldOrder) {
    if (field == "title") {
      if (gathered.title) metadata.fields.push_back(*gathered.title);
      continue;
    }
    if (field == "published") {
      if (std::optional<MetadataField> published =
              ChoosePublished(candidates, BestOf(candidates, "published")))
        metadata.fields.push_back(std::move(*published));
      continue;
    }
    // A site or publisher named as the author is taken only when nothing
    // else names one.
    auto rank_of = [&](const Candidate& candidate) {
      if (field == "author" && IsSiteName(candidate.field.value, gathered.site_names, true))
        return candidate.rank + rank::kSiteAsAuthor;
      return candidate.rank;
    };
    const Candidate* best = nullptr;
    for (const Candidate& candidate : candidates) {
      if (candidate.field.field != field) continue;
      if (!best || rank_of(candidate) < rank_of(*best) ||
          (rank_of(candidate) == rank_of(*best) && candidate.order < best->order))
        best = &candidate;
    }
    if (!best) continue;
    if (field == "author" && best->rank == rank::kByline) {
      // A byline element holds the name and more ("Jane Doe Staff writer");
      // the name's own element, inside it, comes later.
      for (const Candidate& candidate : candidates) {
        if (candidate.field.field != "author" || candidate.rank != rank::kByline ||
            candidate.order <= best->order)
          continue;
        const std::string& outer = best->field.value;
        const std::string& inner = candidate.field.value;
        if (inner.size() < outer.size() && outer.compare(0, inner.size(), inner) == 0 &&
            outer[inner.size()] == ' ') {
          best = &candidate;
        }
      }
    }
    if (field != "author") {
      metadata.fields.push_back(best->field);
      continue;
    }
    std::vector<std::string> seen;
    for (const Candidate& candidate : candidates) {
      if (candidate.field.field != "author" || candidate.group != best->group) continue;
      std::string key = Lower(candidate.field.value);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      metadata.fields.push_back(candidate.field);
    }
  }
  return metadata;
}

Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context) {
  return ReadMetadata(doc, context, DateWords::Default(), MetadataWords::Default());
}

}  // namespace storyline::html
