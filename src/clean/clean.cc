#include "clean/clean.h"

#include <cstring>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "clean/cues.h"
#include "clean/dates.h"
#include "clean/language.h"
#include "clean/lines.h"
#include "clean/title.h"
#include "html/html.h"

namespace storyline::clean {
namespace {

// Reason codes the cleaner assigns itself; cue reasons come from the cue file.
constexpr std::string_view kReasonHeadline = "headline";
constexpr std::string_view kReasonRepeatedHeadline = "repeated_headline";
constexpr std::string_view kReasonSectionLabel = "section_label";
constexpr std::string_view kReasonBeforeHeadline = "before_headline";
constexpr std::string_view kReasonDateline = "dateline";
constexpr std::string_view kReasonRelated = "related";

// Above the headline, a line this short is a section label ("World",
// "US-China relations"); longer ones are teasers and menus.
constexpr int kMaxSectionLabelWords = 4;
// In the body, a headline-like line of this many words that ends no sentence
// is a link to another story; shorter ones are subheadings and stay.
constexpr int kMinInlineRelatedWords = 6;
// Boilerplate is short or ends without a full stop (captions end with a
// credit). Lines that end with a full stop are matched against the cues only
// up to kMaxCueSentenceBytes ("All rights reserved.", "Subscribe now."),
// other lines up to kMaxCueLineBytes. Body paragraphs are longer, so most of
// the bytes never reach the regex engine.
constexpr size_t kMaxCueSentenceBytes = 120;
constexpr size_t kMaxCueLineBytes = 200;
// Removed headline-like lines remembered to catch their later copies; a
// bound keeps the comparison linear on pathological texts.
constexpr size_t kMaxRememberedHeadlines = 64;

bool WorthMatchingCues(std::string_view line, const LineShape& shape) {
  if (shape.ends_full_stop) return line.size() <= kMaxCueSentenceBytes;
  return line.size() <= kMaxCueLineBytes || !shape.ends_sentence;
}

// Splits `text` into its non-blank lines and classifies each one once.
std::vector<Line> ReadLines(std::string_view text, const CueSet& cues, const DateLexicon& lexicon) {
  std::vector<Line> lines;
  std::vector<int> scratch;
  uint32_t number = 0;
  for (size_t start = 0; start < text.size();) {
    const void* newline = std::memchr(text.data() + start, '\n', text.size() - start);
    const size_t end = newline ? static_cast<const char*>(newline) - text.data() : text.size();
    ++number;
    const std::string_view trimmed = TrimSpace(text.substr(start, end - start));
    start = end + 1;
    if (trimmed.empty()) continue;
    Line& line = lines.emplace_back();
    line.text = trimmed;
    line.number = number;
    line.shape = ShapeOf(trimmed);
    line.dateline = ParseDateline(trimmed, lexicon);
    // A dateline is decided before any cue is looked at; it needs none.
    if (!line.dateline && WorthMatchingCues(trimmed, line.shape)) {
      line.cue = cues.Match(trimmed, scratch);
    }
  }
  return lines;
}

// Decides, line by line and in order, what stays in the article. Lines are
// visited once; the state carries what earlier lines started (a related
// block, a video title to skip, the headline to drop when repeated).
class LineWalker {
 public:
  LineWalker(const CueSet& cues, const DateLexicon& lexicon, std::span<const Line> lines, int title,
             std::optional<std::string_view> metadata_title, Article& article)
      : cues_(cues),
        lexicon_(lexicon),
        lines_(lines),
        title_(title),
        metadata_title_(metadata_title),
        article_(article) {}

  void Run() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      const std::optional<std::string_view> reason = Decide(i);
      if (reason) {
        Remove(lines_[i], *reason);
      } else {
        Keep(lines_[i]);
      }
    }
    PlaceRemovedLinesAt(article_.text.size());
  }

  bool published() const { return published_; }

 private:
  // The reason to remove line i, or nullopt to keep it.
  std::optional<std::string_view> Decide(size_t i) {
    const Line& line = lines_[i];
    if (block_reason_) return line.cue >= 0 ? CueReason(line) : *block_reason_;
    if (std::optional<std::string_view> reason = FollowNextCue(line)) return reason;
    if (static_cast<int>(i) < title_) return DecideAboveTitle(line);
    if (static_cast<int>(i) == title_) return kReasonHeadline;
    if (IsTitle(line.text)) return kReasonRepeatedHeadline;
    if (line.dateline) {
      Publish(*line.dateline, line.text);
      return kReasonDateline;
    }
    if (line.cue >= 0) return StartCue(line);
    if (IsHeadlineLike(line.shape)) {
      if (WasRemoved(line.text)) return kReasonRepeatedHeadline;
      if (line.shape.words >= kMinInlineRelatedWords && !line.shape.ends_sentence) {
        return kReasonRelated;
      }
    }
    return std::nullopt;
  }

  // Everything above the headline is page furniture. A cue's reach ends at
  // the headline, so a "Most read" list above it does not eat the story.
  std::optional<std::string_view> DecideAboveTitle(const Line& line) {
    if (line.dateline) {
      Publish(*line.dateline, line.text);
      return kReasonDateline;
    }
    if (line.cue >= 0) return CueReason(line);
    const bool label = line.shape.words <= kMaxSectionLabelWords && !line.shape.ends_sentence;
    return label ? kReasonSectionLabel : kReasonBeforeHeadline;
  }

  // After a "next" cue: its next line, then copies of that line right after it.
  std::optional<std::string_view> FollowNextCue(const Line& line) {
    if (next_ == NextState::kAwaitLine) {
      next_ = NextState::kAwaitRepeat;
      next_text_ = line.text;
      return next_reason_;
    }
    if (next_ == NextState::kAwaitRepeat) {
      if (line.text == next_text_) return next_reason_;
      next_ = NextState::kNone;
    }
    return std::nullopt;
  }

  std::string_view StartCue(const Line& line) {
    const Cue& cue = cues_.cue(line.cue);
    if (cue.kind == CueKind::kNext) {
      next_ = NextState::kAwaitLine;
      next_reason_ = cue.reason;
    } else if (cue.kind == CueKind::kBlock && kept_any_) {
      // A list heading before any body text is a sidebar above the story,
      // not the end matter: it goes alone.
      block_reason_ = cue.reason;
    }
    return cue.reason;
  }

  std::string_view CueReason(const Line& line) const { return cues_.cue(line.cue).reason; }

  bool IsTitle(std::string_view text) const {
    return (title_ >= 0 && text == lines_[title_].text) ||
           (metadata_title_ && text == *metadata_title_);
  }

  bool WasRemoved(std::string_view text) const {
    for (std::string_view removed : removed_headlines_) {
      if (removed == text) return true;
    }
    return false;
  }

  void Publish(const CivilDate& date, std::string_view evidence) {
    if (published_) return;
    published_ = true;
    article_.published.value = date.Iso();
    article_.published.how = DateHow::kExplicit;
    article_.published.evidence = {std::string(evidence)};
  }

  void Remove(const Line& line, std::string_view reason) {
    article_.removed.push_back({line.number, std::string(line.text), std::string(reason)});
    if (IsHeadlineLike(line.shape) && removed_headlines_.size() < kMaxRememberedHeadlines) {
      removed_headlines_.push_back(line.text);
    }
  }

  void Keep(const Line& line) {
    if (!kept_any_) {
      kept_any_ = true;
      // "LONDON, Sept. 28, 2021 (Agency) - ..." dates the story it opens.
      if (!published_) {
        if (std::optional<LeadingDate> lead = ParseLeadingDate(line.text, lexicon_)) {
          Publish(lead->date, lead->phrase);
        }
      }
    } else {
      article_.text.push_back('\n');
    }
    PlaceRemovedLinesAt(article_.text.size());
    article_.text.append(line.text);
  }

  // Removed lines stand before the next kept line: they get its offset.
  void PlaceRemovedLinesAt(size_t offset) {
    for (; unplaced_ < article_.removed.size(); ++unplaced_) {
      article_.removed[unplaced_].offset = static_cast<uint32_t>(offset);
    }
  }

  enum class NextState { kNone, kAwaitLine, kAwaitRepeat };

  const CueSet& cues_;
  const DateLexicon& lexicon_;
  std::span<const Line> lines_;
  const int title_;
  const std::optional<std::string_view> metadata_title_;
  Article& article_;

  size_t unplaced_ = 0;  // removed lines from here on await their offset
  bool kept_any_ = false;
  bool published_ = false;
  std::optional<std::string_view> block_reason_;
  NextState next_ = NextState::kNone;
  std::string_view next_reason_;
  std::string_view next_text_;
  std::vector<std::string_view> removed_headlines_;
};

// The date part of container metadata such as "2021-09-28T10:53:00Z".
void PublishFromMetadata(const std::optional<std::string>& published, Article& article) {
  if (!published) return;
  if (std::optional<CivilDate> date = ParseIsoDate(*published)) {
    article.published.value = date->Iso();
    article.published.how = DateHow::kMetadata;
    article.published.evidence = {*published};
  }
}

// A web page's published date (html/html.h) wins over a dateline in its
// text: structured data says which date is the publication's.
void PublishFromPage(Article& article) {
  for (const MetadataField& field : article.metadata) {
    if (field.field != "published") continue;
    if (std::optional<CivilDate> date = ParseIsoDate(field.value)) {
      article.published.value = date->Iso();
      article.published.how = DateHow::kMetadata;
      article.published.evidence = {field.evidence, field.value};
    }
    return;
  }
}

// The day a crawler fetched the page: the publication was no later.
void PublishFromCapture(const std::optional<std::string>& captured, Article& article) {
  if (!captured || article.published.how != DateHow::kUnknown) return;
  if (std::optional<CivilDate> date = ParseIsoDate(*captured)) {
    article.published.value = date->Iso();
    article.published.how = DateHow::kCapture;
    article.published.evidence = {"WARC-Date " + *captured};
  }
}

}  // namespace

struct Cleaner::Rules {
  Options options;
  CueSet cues;
  DateLexicon dates;
  html::Extractor pages;
};

Cleaner::Cleaner(std::unique_ptr<const Rules> rules) : rules_(std::move(rules)) {}
Cleaner::Cleaner(Cleaner&&) noexcept = default;
Cleaner& Cleaner::operator=(Cleaner&&) noexcept = default;
Cleaner::~Cleaner() = default;

Result<Cleaner> Cleaner::Create(const Options& options, const DataFiles& data) {
  SL_ASSIGN_OR_RETURN(const std::string cue_text, data.Read(options.cues));
  SL_ASSIGN_OR_RETURN(CueSet cues, CueSet::Parse(options.cues, cue_text));
  SL_ASSIGN_OR_RETURN(const std::string date_text, data.Read(options.date_lexicon));
  SL_ASSIGN_OR_RETURN(DateLexicon dates, DateLexicon::Parse(options.date_lexicon, date_text));
  SL_ASSIGN_OR_RETURN(html::Extractor pages, html::Extractor::Create(options.html, data));
  return Cleaner(std::make_unique<const Rules>(
      Rules{options, std::move(cues), std::move(dates), std::move(pages)}));
}

// Replaces the markup in `doc` with the page's main text and fills what the
// page says of itself where the container said nothing.
void Cleaner::ReadPage(RawDocument& doc, Article& article) const {
  html::Page page = rules_->pages.Extract(doc.text, {article.url.value_or(""), doc.captured});
  doc.text = std::move(page.text);
  if (!doc.title) doc.title = page.First("title");
  if (!article.outlet) article.outlet = page.First("site_name");
  if (!article.url) article.url = page.First("canonical_url");
  article.metadata = std::move(page.metadata);
  article.warnings.insert(article.warnings.end(), page.warnings.begin(), page.warnings.end());
}

Article Cleaner::Clean(RawDocument doc) const {
  Article article;
  article.id = std::move(doc.id);
  article.origin = std::move(doc.origin);
  article.format = std::move(doc.format);
  article.source_id = std::move(doc.source_id);
  article.outlet = std::move(doc.outlet);
  article.url = std::move(doc.url);
  article.warnings = std::move(doc.warnings);

  const bool page = article.format == "html";
  if (page) ReadPage(doc, article);

  std::optional<std::string_view> metadata_title;
  if (doc.title && !TrimSpace(*doc.title).empty()) metadata_title = TrimSpace(*doc.title);

  const std::vector<Line> lines = ReadLines(doc.text, rules_->cues, rules_->dates);
  const int title =
      FindTitle(lines, rules_->cues, rules_->options.title_search_lines, metadata_title);
  article.text.reserve(doc.text.size());
  LineWalker walker(rules_->cues, rules_->dates, lines, title, metadata_title, article);
  walker.Run();
  if (page) PublishFromPage(article);
  if (article.published.how == DateHow::kUnknown) PublishFromMetadata(doc.published, article);
  PublishFromCapture(doc.captured, article);

  if (metadata_title) {
    article.title = std::string(*metadata_title);
  } else if (title >= 0) {
    article.title = std::string(lines[title].text);
  }
  article.language = DetectLanguage(article.text);
  if (article.text.empty()) {
    article.warnings.push_back({"empty_text", "no body text left after cleaning"});
  }
  return article;
}

}  // namespace storyline::clean
