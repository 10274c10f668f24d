// libFuzzer target: arbitrary bytes as a scraped-text record, through UTF-8
// repair, the cleaner and the segmenter. Checks the invariants every article
// must keep: valid UTF-8 text, and sentence spans non-empty, ordered and
// inside it.
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
  return 0;
}
