// mentions.cc: an article's event as coreference compares it (coref.h).

#include <xxhash.h>

#include <algorithm>
#include <cctype>

#include "core/actor_code.h"
#include "coref/coref.h"
#include "link/link.h"

namespace storyline::coref {

bool Coreferable(const Event& event) {
  return !event.negated && (event.modality == "asserted" || event.modality == "future" ||
                            event.modality == "possible");
}

namespace {

// The words of `sentence` that say what it is about: no stopwords, numbers
// or words under three bytes (as the story clusterer counts terms).
std::vector<uint64_t> ContentWords(std::string_view sentence) {
  const link::Stopwords& stopwords = link::Stopwords::Embedded();
  std::vector<uint64_t> words;
  for (const link::Word& word : link::NormalizedWords(sentence)) {
    const std::string_view spelling = sentence.substr(word.span.begin, word.span.size());
    if (spelling.size() < 3 || std::isdigit(static_cast<unsigned char>(spelling[0])) ||
        stopwords.Contains(word.hash)) {
      continue;
    }
    words.push_back(word.hash);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace

EventMention MentionOf(const Article& article, const Event& event) {
  EventMention mention;
  mention.article = article.id;
  mention.event = event.id;
  mention.source = event.source.code;
  if (event.target) mention.target = event.target->code;
  mention.code = event.code;
  mention.root = event.root;
  mention.date = event.date.value;
  mention.date_how = event.date.how;
  if (event.place) {
    mention.place = event.place->country ? *event.place->country : Lowercase(event.place->text);
  }
  if (event.sentence < article.sentences.size()) {
    const ByteSpan span = article.sentences[event.sentence];
    if (span.end <= article.text.size() && span.begin <= span.end) {
      mention.words = ContentWords(std::string_view(article.text).substr(span.begin, span.size()));
    }
  }
  return mention;
}

std::optional<uint64_t> ActOf(const Event& event) {
  if (!event.target || !Coreferable(event)) return std::nullopt;
  std::string first = ActorParty(event.source.code), second = ActorParty(event.target->code);
  // A role alone ("GOV", "MIL") names no party, and an act within one
  // country says little about which story it belongs to.
  if (first.empty() || second.empty() || first == second) return std::nullopt;
  if (second < first) std::swap(first, second);
  const std::string act = first + '\0' + second + '\0' + event.root;
  return XXH3_64bits(act.data(), act.size());
}

std::vector<uint64_t> LeadActs(const Article& article, uint32_t lead_sentences) {
  std::vector<uint64_t> acts;
  for (const Event& event : article.events) {
    if (event.sentence >= lead_sentences) continue;
    if (std::optional<uint64_t> act = ActOf(event)) acts.push_back(*act);
  }
  std::sort(acts.begin(), acts.end());
  acts.erase(std::unique(acts.begin(), acts.end()), acts.end());
  return acts;
}

std::vector<uint64_t> Acts(const Article& article) { return LeadActs(article, UINT32_MAX); }

uint64_t EventKey(std::string_view reported_event_id) {
  return XXH3_64bits(reported_event_id.data(), reported_event_id.size());
}

}  // namespace storyline::coref
