#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "quotes/attribution.h"
#include "quotes/document.h"
#include "quotes/lexicon.h"
#include "quotes/quotes.h"
#include "quotes/resolve.h"
#include "quotes/speakers.h"

namespace storyline::quotes {
namespace {

constexpr int32_t kNone = -1;

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Turns a document's attributions and quoted regions into quotes.
class QuoteBuilder {
 public:
  QuoteBuilder(const Document& doc, const std::vector<Attribution>& attributions,
               const Options& options)
      : doc_(doc),
        attributions_(attributions),
        options_(options),
        owner_(doc.regions.size(), kNone) {}

  std::vector<Quote> Build() {
    OwnRegionsByCue();
    OwnRegionsInsideReportedSpeech();
    OwnRegionsBesideAttribution();
    OwnRegionsByPreviousSentence();
    std::vector<Quote> quotes;
    for (const Attribution& a : attributions_) {
      if (a.region == kNone && !a.content.empty()) {
        quotes.push_back(MakeQuote(a, doc_.Bytes(a.content), "indirect"));
      }
    }
    for (uint32_t r = 0; r < doc_.regions.size(); ++r) {
      if (std::optional<Quote> quote = RegionQuote(r)) quotes.push_back(std::move(*quote));
    }
    std::stable_sort(quotes.begin(), quotes.end(), [](const Quote& a, const Quote& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    });
    return quotes;
  }

 private:
  // "“...,” he said." and "He said: “...”": the cue names the region.
  void OwnRegionsByCue() {
    for (uint32_t a = 0; a < attributions_.size(); ++a) {
      const int32_t r = attributions_[a].region;
      if (r != kNone && owner_[r] == kNone) owner_[r] = static_cast<int32_t>(a);
    }
  }

  // "said the plan was “hasty”": a region that starts inside reported
  // speech (it may run on past the sentence).
  void OwnRegionsInsideReportedSpeech() {
    for (uint32_t a = 0; a < attributions_.size(); ++a) {
      const WordRange content = attributions_[a].content;
      if (content.empty()) continue;
      for (uint32_t w = content.begin; w < content.end; ++w) {
        const int32_t r = doc_.words[w].region;
        if (r != kNone && owner_[r] == kNone) {
          owner_[r] = static_cast<int32_t>(a);
        }
      }
    }
  }

  // "“A,” he said, “B.”": a region right after an attribution's speaker or
  // cue, past a comma or colon.
  void OwnRegionsBesideAttribution() {
    for (uint32_t r = 0; r < doc_.regions.size(); ++r) {
      const WordRange words = doc_.region_words[r];
      if (owner_[r] != kNone || words.empty() || words.begin < 2) continue;
      uint32_t before = words.begin - 1;
      if (doc_.words[before].Is(kComma) || doc_.words[before].Is(kColon)) --before;
      for (uint32_t a = 0; a < attributions_.size(); ++a) {
        const Attribution& at = attributions_[a];
        if (at.speaker.end - 1 == before || at.cue.end - 1 == before) {
          owner_[r] = static_cast<int32_t>(a);
          break;
        }
      }
    }
  }

  // "Smith said on Monday. “...”" and "“A,” he said. “B.”": a region that
  // opens a sentence takes the last attribution of the sentence before.
  void OwnRegionsByPreviousSentence() {
    std::vector<int32_t> last_in_sentence(doc_.sentence_words.size(), kNone);
    for (uint32_t a = 0; a < attributions_.size(); ++a) {
      last_in_sentence[doc_.words[attributions_[a].cue.begin].sentence] = static_cast<int32_t>(a);
    }
    for (uint32_t r = 0; r < doc_.regions.size(); ++r) {
      const WordRange words = doc_.region_words[r];
      if (words.empty()) continue;
      const uint32_t first = doc_.words[words.begin].sentence;
      const uint32_t last = doc_.words[words.end - 1].sentence;
      if (owner_[r] == kNone && first > 0 && OpensSentence(r)) {
        owner_[r] = last_in_sentence[first - 1];
      }
      if (owner_[r] == kNone) continue;
      for (uint32_t s = first; s <= last; ++s) {
        if (last_in_sentence[s] == kNone) last_in_sentence[s] = owner_[r];
      }
    }
  }

  // Only marks stand before the region's opening mark in its sentence.
  bool OpensSentence(uint32_t r) const {
    const uint32_t open = doc_.region_words[r].begin;
    const WordRange sentence = doc_.sentence_words[doc_.words[open].sentence];
    return doc_.CountWords({sentence.begin, open}) == 0;
  }

  // A whole sentence or more in quote marks (quotes/quotes.h).
  bool IsDirect(uint32_t r) const {
    if (OpensSentence(r)) return true;
    const WordRange words = doc_.region_words[r];
    const ByteSpan content = doc_.regions[r].content;
    const bool capitalised = IsUpper(doc_.text[content.begin]);
    const Word& before = doc_.words[words.begin - 1];
    if (before.Is(kColon) || (before.Is(kComma) && capitalised)) return true;
    const uint32_t close = words.end - 1;
    const WordRange sentence = doc_.sentence_words[doc_.words[close].sentence];
    const bool ends_sentence = doc_.CountWords({close, sentence.end}) == 0;
    const char last = doc_.text[content.end - 1];
    const bool full_stop = last == '.' || last == '?' || last == '!';
    const bool several_sentences = doc_.words[words.begin].sentence != doc_.words[close].sentence;
    return capitalised && ((ends_sentence && full_stop) || several_sentences);
  }

  std::optional<Quote> RegionQuote(uint32_t r) const {
    if (doc_.region_words[r].empty()) return std::nullopt;
    const bool direct = IsDirect(r);
    const std::string kind = direct ? "direct" : "partial";
    if (owner_[r] != kNone)
      return MakeQuote(attributions_[owner_[r]], doc_.regions[r].content, kind);
    const uint32_t words = doc_.CountWords(doc_.region_words[r]);
    if (words <= static_cast<uint32_t>(options_.scare_quote_max_words)) return std::nullopt;
    Quote quote;
    SetContent(quote, doc_.regions[r].content, kind);
    if (const WordRange name = DashedName(r); !name.empty()) {
      QuoteSpeaker& speaker = quote.speaker.emplace();
      speaker.span = doc_.Bytes(name);
      speaker.text = std::string(doc_.TextOf(name));
      return quote;
    }
    if (direct) return quote;
    // Quoted words in a sentence of the reporter's with no cue: the
    // sentence's subject ("Obama made clear his aim to “fundamentally
    // transform” the country").
    const uint32_t open = doc_.region_words[r].begin;
    const WordRange subject =
        SentenceSubject(doc_, doc_.words[open].sentence, options_.max_speaker_words);
    if (subject.empty() || subject.end > open) return std::nullopt;
    QuoteSpeaker& speaker = quote.speaker.emplace();
    speaker.span = doc_.Bytes(subject);
    speaker.text = std::string(doc_.TextOf(subject));
    return quote;
  }

  // "“...” ― Jane Doe": a dash after the closing mark and a capitalised
  // name to the end of the line, the attribution of pull quotes, epigraphs
  // and reader comments.
  WordRange DashedName(uint32_t r) const {
    const uint32_t dash = doc_.region_words[r].end;
    if (dash >= doc_.words.size() || !doc_.words[dash].Is(kDash) || LineEndBefore(dash)) {
      return {};
    }
    WordRange name{dash + 1, dash + 1};
    while (name.end < doc_.words.size() && !LineEndBefore(name.end) &&
           name.size() < static_cast<uint32_t>(options_.max_speaker_words)) {
      const Word& word = doc_.words[name.end];
      const bool initial_stop = word.Is(kSentenceEnd) && doc_.text[word.span.begin] == '.' &&
                                name.end + 1 < doc_.words.size() && !LineEndBefore(name.end + 1);
      if (!word.Is(kCapitalized) && !initial_stop) break;
      ++name.end;
    }
    // The name must run to the end of its line: "― Jane Doe, Ohio" is not one.
    const bool line_ends = name.end == doc_.words.size() || LineEndBefore(name.end) ||
                           doc_.words[name.end].Is(kSentenceEnd);
    return line_ends ? name : WordRange{};
  }

  // A line end between word w - 1 and word w.
  bool LineEndBefore(uint32_t w) const {
    if (w == 0) return true;
    const uint32_t from = doc_.words[w - 1].span.end;
    return doc_.text.substr(from, doc_.words[w].span.begin - from).find('\n') !=
           std::string_view::npos;
  }

  void SetContent(Quote& quote, ByteSpan span, const std::string& kind) const {
    quote.span = span;
    quote.text = std::string(doc_.text.substr(span.begin, span.size()));
    quote.kind = kind;
    // The last sentence starting at or before the content's first byte.
    const auto after =
        std::upper_bound(doc_.sentences.begin(), doc_.sentences.end(), span.begin,
                         [](uint32_t begin, const ByteSpan& s) { return begin < s.begin; });
    quote.sentence =
        static_cast<uint32_t>(std::max<ptrdiff_t>(0, after - doc_.sentences.begin() - 1));
  }

  Quote MakeQuote(const Attribution& a, ByteSpan span, const std::string& kind) const {
    Quote quote;
    SetContent(quote, span, kind);
    quote.cue = doc_.Bytes(a.cue);
    QuoteSpeaker& speaker = quote.speaker.emplace();
    speaker.span = doc_.Bytes(a.speaker);
    speaker.text = std::string(doc_.TextOf(a.speaker));
    return quote;
  }

  const Document& doc_;
  const std::vector<Attribution>& attributions_;
  const Options& options_;
  std::vector<int32_t> owner_;  // by region: the attribution it belongs to
};

}  // namespace

Finder::Finder(std::unique_ptr<const Lexicon> lexicon, const Options& options)
    : lexicon_(std::move(lexicon)), options_(options) {}
Finder::Finder(Finder&&) noexcept = default;
Finder& Finder::operator=(Finder&&) noexcept = default;
Finder::~Finder() = default;

Result<Finder> Finder::Create(const Options& options, const DataFiles& data) {
  if (options.scare_quote_max_words < 0 || options.max_speaker_words < 1) {
    return Status::InvalidArgument(
        "quotes options: scare_quote_max_words must be >= 0 and max_speaker_words >= 1");
  }
  SL_ASSIGN_OR_RETURN(const std::string contents, data.Read(options.cues));
  SL_ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Parse(contents, options.cues));
  return Finder(std::make_unique<const Lexicon>(std::move(lexicon)), options);
}

std::vector<Quote> Finder::Find(const Article& article,
                                const std::vector<std::vector<text::Token>>& words) const {
  const Document doc = ReadDocument(article.text, article.sentences, words, *lexicon_);
  const std::vector<Attribution> attributions =
      FindAttributions(doc, *lexicon_, options_.max_speaker_words);
  std::vector<Quote> quotes = QuoteBuilder(doc, attributions, options_).Build();
  ResolveSpeakers(article.entities, *lexicon_, quotes);
  return quotes;
}

}  // namespace storyline::quotes
