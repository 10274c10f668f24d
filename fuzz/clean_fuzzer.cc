// libFuzzer target: arbitrary bytes as a scraped-text record, through the
// whole per-article work (UTF-8 repair, the cleaner, the segmenter, time
// expressions, entities and quotes). Checks the invariants every article
// must keep: valid UTF-8 text; sentence spans non-empty, ordered and inside
// it; every entity mention and quote span inside the text, in a sentence that
// exists; ids and speaker entities that index the entities.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "pipeline/pipeline.h"

namespace {

const storyline::pipeline::Pipeline& GetPipeline() {
  static const auto* pipeline = [] {
    auto created = storyline::pipeline::Pipeline::Create({});
    if (!created.ok()) std::abort();
    return new storyline::pipeline::Pipeline(std::move(created).value());
  }();
  return *pipeline;
}

void CheckSpan(const storyline::Article& article, storyline::ByteSpan span, uint32_t sentence) {
  if (span.begin > span.end || span.end > article.text.size() ||
      sentence >= article.sentences.size()) {
    std::abort();
  }
}

void CheckFacts(const storyline::Article& article) {
  for (size_t e = 0; e < article.entities.size(); ++e) {
    const storyline::Entity& entity = article.entities[e];
    if (entity.id != e || entity.mentions.empty()) std::abort();
    for (const storyline::EntityMention& mention : entity.mentions) {
      CheckSpan(article, mention.span, mention.sentence);
    }
  }
  for (const storyline::Quote& quote : article.quotes) {
    CheckSpan(article, quote.span, quote.sentence);
    if (quote.cue) CheckSpan(article, *quote.cue, quote.sentence);
    if (!quote.speaker) continue;
    CheckSpan(article, quote.speaker->span, quote.sentence);
    if (quote.speaker->entity && *quote.speaker->entity >= article.entities.size()) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  storyline::RawDocument doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  storyline::RepairUtf8(doc.text);
  doc.origin = "fuzz.txt";
  doc.format = "txt";
  static storyline::text::Segmenter segmenter = [] {
    auto created = storyline::text::Segmenter::Create({}, storyline::DataFiles());
    if (!created.ok()) std::abort();
    return std::move(created).value();
  }();
  const storyline::Article article = GetPipeline().Process(std::move(doc), segmenter);
  if (!storyline::IsValidUtf8(article.text)) std::abort();
  uint32_t previous_end = 0;
  for (const storyline::ByteSpan& span : article.sentences) {
    if (span.begin >= span.end || span.begin < previous_end || span.end > article.text.size()) {
      std::abort();
    }
    previous_end = span.end;
  }
  CheckFacts(article);
  return 0;
}
