#include "quotes/polnear.h"

#include <time.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>

#include "core/calendar.h"
#include "core/data_files.h"
#include "core/scores.h"
#include "core/tsv.h"
#include "text/text.h"

namespace storyline::quotes {
namespace {

// ------------------------------------------------------------ reading

// byte_of[c] is the byte offset of code point c; byte_of.back() the size.
std::vector<uint32_t> ByteOffsetsOfCodePoints(std::string_view text) {
  std::vector<uint32_t> byte_of;
  byte_of.reserve(text.size() + 1);
  for (uint32_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  }
  byte_of.push_back(static_cast<uint32_t>(text.size()));
  return byte_of;
}

std::optional<uint32_t> ParseOffset(std::string_view s) {
  uint32_t value = 0;
  const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t at = s.find(separator, start);
    parts.push_back(s.substr(start, at == s.npos ? s.npos : at - start));
    if (at == s.npos) return parts;
    start = at + 1;
  }
}

bool IsId(std::string_view field, char letter) {
  return field.size() >= 2 && field[0] == letter &&
         std::all_of(field.begin() + 1, field.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct Labeled {
  std::string label;
  std::vector<ByteSpan> spans;
};

// "Source 0 11" or "Content 315 448;463 553" -> label and byte spans.
std::optional<Labeled> ParseLabeledSpans(std::string_view field,
                                         const std::vector<uint32_t>& byte_of) {
  const size_t space = field.find(' ');
  if (space == field.npos) return std::nullopt;
  Labeled labeled{std::string(field.substr(0, space)), {}};
  for (std::string_view range : Split(field.substr(space + 1), ';')) {
    const std::vector<std::string_view> ends = Split(range, ' ');
    if (ends.size() != 2) return std::nullopt;
    const std::optional<uint32_t> begin = ParseOffset(ends[0]);
    const std::optional<uint32_t> end = ParseOffset(ends[1]);
    if (!begin || !end || *begin > *end || *end >= byte_of.size()) return std::nullopt;
    labeled.spans.push_back({byte_of[*begin], byte_of[*end]});
  }
  return labeled;
}

// ------------------------------------------------------------ scoring

constexpr double kSharedWordsForMatch = 0.6;

// The words (not punctuation) of a text, by index, for span arithmetic.
class WordIndex {
 public:
  explicit WordIndex(const std::vector<text::Token>& tokens) {
    for (const text::Token& t : tokens) {
      if (t.kind == text::TokenKind::kWord || t.kind == text::TokenKind::kNumber) {
        spans_.push_back(t.span);
      }
    }
  }

  // Indices of the words lying inside `span`, as a half-open range.
  std::pair<uint32_t, uint32_t> Inside(ByteSpan span) const {
    const auto first =
        std::lower_bound(spans_.begin(), spans_.end(), span.begin,
                         [](const ByteSpan& w, uint32_t begin) { return w.begin < begin; });
    auto last = first;
    while (last != spans_.end() && last->end <= span.end) ++last;
    return {static_cast<uint32_t>(first - spans_.begin()),
            static_cast<uint32_t>(last - spans_.begin())};
  }

  // From the start of word `first` to the end of word `last` - 1.
  ByteSpan Bytes(uint32_t first, uint32_t last) const {
    return {spans_[first].begin, spans_[last - 1].end};
  }

  // The sorted word indices inside any of `spans`.
  std::vector<uint32_t> Set(const std::vector<ByteSpan>& spans) const {
    std::vector<uint32_t> set;
    for (const ByteSpan& s : spans) {
      const auto [first, last] = Inside(s);
      for (uint32_t i = first; i < last; ++i) set.push_back(i);
    }
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
  }

 private:
  std::vector<ByteSpan> spans_;
};

size_t SharedCount(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++shared, ++i, ++j;
    }
  }
  return shared;
}

// Shared words as a share of the shorter set; 0 when either is empty.
double SharedShare(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  const size_t shorter = std::min(a.size(), b.size());
  return shorter ? double(SharedCount(a, b)) / shorter : 0;
}

bool AnyOverlap(ByteSpan span, const std::vector<ByteSpan>& spans) {
  return std::any_of(spans.begin(), spans.end(), [&](ByteSpan s) { return span.Overlaps(s); });
}

bool HasDoubleQuoteMark(std::string_view text, const std::vector<ByteSpan>& spans) {
  for (const ByteSpan& s : spans) {
    const std::string_view part = text.substr(s.begin, s.size());
    if (part.find('"') != part.npos || part.find("\xE2\x80\x9C") != part.npos ||
        part.find("\xE2\x80\x9D") != part.npos) {
      return true;
    }
  }
  return false;
}

std::string Excerpt(std::string_view text, ByteSpan span) {
  constexpr size_t kMax = 160;
  std::string s(text.substr(span.begin, std::min<size_t>(span.size(), kMax)));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  if (span.size() > kMax) s += "...";
  return s;
}

std::string Excerpt(std::string_view text, const std::vector<ByteSpan>& spans) {
  std::string joined;
  for (const ByteSpan& s : spans) joined += (joined.empty() ? "" : " | ") + Excerpt(text, s);
  return joined;
}

class ArticleScorer {
 public:
  ArticleScorer(const PolnearArticle& article, const std::vector<Quote>& quotes,
                const std::vector<text::Token>& words, const std::vector<Entity>& entities,
                std::string* errors)
      : article_(article), quotes_(quotes), words_(words), entities_(entities), errors_(errors) {}

  Scores Run() {
    Scores scores;
    scores.direct = ScoreDirect();
    std::vector<ByteSpan> gold_sources, gold_contents, system_sources, system_contents;
    for (const GoldAttribution& a : article_.attributions) {
      gold_sources.insert(gold_sources.end(), a.source.begin(), a.source.end());
      gold_contents.insert(gold_contents.end(), a.content.begin(), a.content.end());
    }
    for (const Quote& q : quotes_) {
      system_contents.push_back(q.span);
      if (q.speaker) system_sources.push_back(q.speaker->span);
    }
    scores.source = ScoreSpans(gold_sources, system_sources, "source");
    scores.content = ScoreSpans(gold_contents, system_contents, "content");
    return scores;
  }

 private:
  DirectTally ScoreDirect() {
    DirectTally tally;
    std::vector<std::vector<uint32_t>> system_sets;
    for (const Quote& q : quotes_) system_sets.push_back(words_.Set({q.span}));
    std::vector<std::vector<uint32_t>> gold_sets;
    for (const GoldAttribution& a : article_.attributions)
      gold_sets.push_back(words_.Set(a.content));
    for (size_t g = 0; g < article_.attributions.size(); ++g) {
      const GoldAttribution& gold = article_.attributions[g];
      if (!HasDoubleQuoteMark(article_.text, gold.content)) continue;
      ++tally.gold;
      std::optional<size_t> best;
      double best_share = kSharedWordsForMatch;
      for (size_t q = 0; q < quotes_.size(); ++q) {
        if (quotes_[q].kind == "indirect") continue;
        const double share = SharedShare(gold_sets[g], system_sets[q]);
        if (share >= best_share && (!best || share > best_share)) best = q, best_share = share;
      }
      if (!best) {
        Report("miss direct: " + Excerpt(article_.text, gold.content) +
               " [source: " + Excerpt(article_.text, gold.source) + "]");
        continue;
      }
      ++tally.found;
      const std::optional<QuoteSpeaker>& speaker = quotes_[*best].speaker;
      const bool by_span = speaker && AnyOverlap(speaker->span, gold.source);
      tally.right_speaker += by_span;
      tally.right_speaker_entity += by_span || (speaker && EntityOverlaps(*speaker, gold.source));
      if (!by_span) {
        Report("wrong speaker: got '" + (speaker ? speaker->text : std::string("none")) +
               "' want '" + Excerpt(article_.text, gold.source) +
               "': " + Excerpt(article_.text, quotes_[*best].span));
      }
    }
    for (size_t q = 0; q < quotes_.size(); ++q) {
      if (quotes_[q].kind == "indirect") continue;
      ++tally.system;
      const bool matched = std::any_of(gold_sets.begin(), gold_sets.end(), [&](const auto& g) {
        return SharedShare(g, system_sets[q]) >= kSharedWordsForMatch;
      });
      tally.system_matched += matched;
      if (!matched) {
        Report("false " + quotes_[q].kind + ": " + Excerpt(article_.text, quotes_[q].span) +
               " [speaker: " + (quotes_[q].speaker ? quotes_[q].speaker->text : "none") + "]");
      }
    }
    return tally;
  }

  bool EntityOverlaps(const QuoteSpeaker& speaker, const std::vector<ByteSpan>& source) const {
    if (!speaker.entity) return false;
    for (const Entity& e : entities_) {
      if (e.id != *speaker.entity) continue;
      for (const EntityMention& m : e.mentions) {
        if (AnyOverlap(m.span, source)) return true;
      }
    }
    return false;
  }

  // Word-index ranges of `spans`, without duplicates or word-less spans.
  std::vector<std::pair<uint32_t, uint32_t>> Ranges(const std::vector<ByteSpan>& spans) const {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    for (const ByteSpan& s : spans) {
      const auto range = words_.Inside(s);
      if (range.first < range.second) ranges.push_back(range);
    }
    std::sort(ranges.begin(), ranges.end());
    ranges.erase(std::unique(ranges.begin(), ranges.end()), ranges.end());
    return ranges;
  }

  // Sum over `from` of the share of each range covered by `by`, each capped
  // at 1; `exact` counts ranges of `from` equal to one of `by`.
  static double Covered(const std::vector<std::pair<uint32_t, uint32_t>>& from,
                        const std::vector<std::pair<uint32_t, uint32_t>>& by, int* exact,
                        std::vector<bool>* untouched) {
    double sum = 0;
    for (const auto& [fb, fe] : from) {
      double share = 0;
      bool same = false;
      for (const auto& [bb, be] : by) {
        const uint32_t lo = std::max(fb, bb), hi = std::min(fe, be);
        if (lo < hi) share += double(hi - lo) / (fe - fb);
        same |= fb == bb && fe == be;
      }
      sum += std::min(share, 1.0);
      *exact += same;
      untouched->push_back(share == 0);
    }
    return sum;
  }

  SpanTally ScoreSpans(const std::vector<ByteSpan>& gold_spans,
                       const std::vector<ByteSpan>& system_spans, const std::string& what) {
    const auto gold = Ranges(gold_spans);
    const auto system = Ranges(system_spans);
    SpanTally tally;
    tally.gold = static_cast<int>(gold.size());
    tally.system = static_cast<int>(system.size());
    std::vector<bool> missed, spurious;
    tally.covered_gold = Covered(gold, system, &tally.exact_gold, &missed);
    tally.covered_system = Covered(system, gold, &tally.exact_system, &spurious);
    if (what == "content") {
      for (size_t i = 0; i < gold.size(); ++i) {
        if (missed[i]) Report("miss content: " + RangeText(gold[i]));
      }
      for (size_t i = 0; i < system.size(); ++i) {
        if (spurious[i]) Report("spurious content: " + RangeText(system[i]));
      }
    }
    return tally;
  }

  std::string RangeText(std::pair<uint32_t, uint32_t> range) const {
    return Excerpt(article_.text, words_.Bytes(range.first, range.second));
  }

  void Report(const std::string& line) {
    if (errors_) *errors_ += article_.name + ": " + line + "\n";
  }

  const PolnearArticle& article_;
  const std::vector<Quote>& quotes_;
  const WordIndex words_;
  const std::vector<Entity>& entities_;
  std::string* errors_;
};

double ThreadCpuSeconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

}  // namespace

Result<std::vector<GoldAttribution>> ParseBrat(std::string_view ann, std::string_view text,
                                               std::string_view name) {
  const std::vector<uint32_t> byte_of = ByteOffsetsOfCodePoints(text);
  std::map<std::string, Labeled, std::less<>> spans;
  std::vector<std::pair<int, std::string_view>> events;  // line number, roles field
  for (const TsvRow& row : SplitTsv(ann)) {
    const int number = row.line;
    const std::vector<std::string_view>& fields = row.fields;
    if (fields.size() < 2) continue;
    const auto error = [&](const std::string& message) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(number) + ": " +
                                     message);
    };
    if (IsId(fields[0], 'T')) {
      std::optional<Labeled> labeled = ParseLabeledSpans(fields[1], byte_of);
      if (!labeled) return error("bad span '" + std::string(fields[1]) + "'");
      spans[std::string(fields[0])] = std::move(*labeled);
    } else if (IsId(fields[0], 'E')) {
      events.emplace_back(number, fields[1]);
    }
  }
  std::vector<GoldAttribution> attributions;
  for (const auto& [line, roles] : events) {
    GoldAttribution& a = attributions.emplace_back();
    for (std::string_view role : Split(roles, ' ')) {
      const size_t colon = role.find(':');
      if (role.empty() || colon == role.npos) continue;
      const std::string_view label = role.substr(0, colon);
      const auto it = spans.find(role.substr(colon + 1));
      if (it == spans.end()) {
        return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line) +
                                       ": unknown annotation '" +
                                       std::string(role.substr(colon + 1)) + "'");
      }
      std::vector<ByteSpan>* into = label.starts_with("Source")    ? &a.source
                                    : label.starts_with("Cue")     ? &a.cue
                                    : label.starts_with("Content") ? &a.content
                                                                   : nullptr;
      if (into) into->insert(into->end(), it->second.spans.begin(), it->second.spans.end());
    }
  }
  return attributions;
}

namespace {

// PolNeAR names its files OUTLET_YYYY-MM-DD_SLUG.
std::optional<std::string> DayInName(std::string_view name) {
  const size_t first = name.find('_');
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view day = name.substr(first + 1, 10);
  if (!CivilDay::FromIso(day)) return std::nullopt;
  return std::string(day);
}

}  // namespace

Result<std::vector<PolnearArticle>> ReadPolnearSplit(const std::string& dir) {
  namespace fs = std::filesystem;
  const fs::path texts = fs::path(dir) / "text";
  const fs::path annotations = fs::path(dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(texts, ec)) return Status::NotFound("no folder " + texts.string());
  std::vector<std::string> ann_names;
  for (const auto& entry : fs::directory_iterator(annotations, ec)) {
    if (entry.path().extension() == ".ann") ann_names.push_back(entry.path().filename().string());
  }
  std::sort(ann_names.begin(), ann_names.end());
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(texts, ec)) {
    if (entry.path().extension() == ".txt") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  std::vector<PolnearArticle> articles;
  for (const std::string& name : names) {
    const auto ann = std::lower_bound(ann_names.begin(), ann_names.end(), name + "_");
    if (ann == ann_names.end() || !ann->starts_with(name + "_")) continue;
    PolnearArticle& article = articles.emplace_back();
    article.name = name;
    article.published = DayInName(name);
    SL_ASSIGN_OR_RETURN(article.text, ReadFile((texts / (name + ".txt")).string()));
    SL_ASSIGN_OR_RETURN(const std::string ann_text, ReadFile((annotations / *ann).string()));
    SL_ASSIGN_OR_RETURN(article.attributions, ParseBrat(ann_text, article.text, *ann));
  }
  return articles;
}

void DirectTally::Add(const DirectTally& o) {
  gold += o.gold;
  found += o.found;
  right_speaker += o.right_speaker;
  right_speaker_entity += o.right_speaker_entity;
  system += o.system;
  system_matched += o.system_matched;
}

void SpanTally::Add(const SpanTally& o) {
  gold += o.gold;
  system += o.system;
  exact_system += o.exact_system;
  exact_gold += o.exact_gold;
  covered_system += o.covered_system;
  covered_gold += o.covered_gold;
}

double SpanTally::ExactF1() const { return F1(ExactP(), ExactR()); }
double SpanTally::PartialF1() const { return F1(PartialP(), PartialR()); }

void Scores::Add(const Scores& o) {
  direct.Add(o.direct);
  source.Add(o.source);
  content.Add(o.content);
}

Scores ScoreArticle(const PolnearArticle& article, const std::vector<Quote>& quotes,
                    const std::vector<text::Token>& words, const std::vector<Entity>& entities,
                    std::string* errors) {
  return ArticleScorer(article, quotes, words, entities, errors).Run();
}

EvalRun EvaluateArticles(const std::vector<PolnearArticle>& articles, const Finder& finder,
                         text::Segmenter& segmenter, const Annotate& annotate, std::string* errors,
                         int repeat) {
  EvalRun run;
  run.repeat = std::max(repeat, 1);
  for (const PolnearArticle& gold : articles) {
    Article article;
    article.text = gold.text;
    article.sentences = segmenter.Sentences(article.text);
    if (gold.published) article.published = {gold.published, DateHow::kMetadata, {}};
    const std::vector<std::vector<text::Token>> words =
        segmenter.WordsOf(article.text, article.sentences);
    if (annotate) annotate(article, words);
    const double start = ThreadCpuSeconds();
    const std::vector<Quote> quotes = finder.Find(article, words);
    for (int pass = 1; pass < repeat; ++pass) finder.Find(article, words);
    run.find_seconds += ThreadCpuSeconds() - start;
    const std::vector<text::Token> all_words =
        segmenter.Words(article.text, {0, static_cast<uint32_t>(article.text.size())});
    run.scores.Add(ScoreArticle(gold, quotes, all_words, article.entities, errors));
    run.sentences += article.sentences.size();
    ++run.articles;
  }
  return run;
}

}  // namespace storyline::quotes
