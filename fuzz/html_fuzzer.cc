// libFuzzer target: arbitrary bytes as a web page, through the charset
// decoding of ingest and the clean stage's HTML extraction (main text,
// metadata), then the line rules. Checks what every page must keep: valid
// UTF-8 text and metadata, published dates that are ISO days, and removed
// lines placed inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "core/utf8.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const storyline::clean::Cleaner* cleaner = [] {
    auto created = storyline::clean::Cleaner::Create({}, storyline::DataFiles());
    if (!created.ok()) std::abort();
    return new storyline::clean::Cleaner(std::move(created).value());
  }();
  storyline::RawDocument doc;
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, as an HTTP header would.
  static const char* const kDeclared[] = {"", "windows-1252", "shift_jis", "utf-16le", "bogus"};
  const std::string declared = size > 0 ? kDeclared[data[0] % 5] : "";
  if (!storyline::ingest::DecodeHtml(doc.text, declared, doc.warnings).ok()) return 0;
  doc.origin = "fuzz.html";
  doc.format = "html";
  doc.url = "https://fuzz.example/2031/04/14/page";
  doc.captured = "2031-04-16T08:00:00Z";
  const storyline::Article article = cleaner->Clean(std::move(doc));
  if (!storyline::IsValidUtf8(article.text)) std::abort();
  if (article.title && !storyline::IsValidUtf8(*article.title)) std::abort();
  for (const storyline::MetadataField& field : article.metadata) {
    if (!storyline::IsValidUtf8(field.value) || !storyline::IsValidUtf8(field.evidence)) {
      std::abort();
    }
  }
  if (article.published.value && article.published.value->size() != 10) std::abort();
  for (const storyline::RemovedLine& line : article.removed) {
    if (line.offset > article.text.size()) std::abort();
  }
  return 0;
}
