// libFuzzer target: arbitrary bytes as a JSON Lines file. Every non-blank
// line must come out as exactly one document or one rejection, and every
// document's text must be valid UTF-8.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path =
      "/tmp/storyline_jsonl_fuzz_" + std::to_string(::getpid()) + ".jsonl";
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  size_t documents = 0;
  size_t rejections = 0;
  const storyline::ingest::RecordSink sink{
      [&](storyline::RawDocument doc) {
        if (!storyline::IsValidUtf8(doc.text) || doc.text.empty() || doc.id.size() != 16) {
          std::abort();
        }
        ++documents;
      },
      [&](storyline::Rejection rejection) {
        if (rejection.reason.empty()) std::abort();
        ++rejections;
      },
      nullptr};
  storyline::ingest::ReadFile({path}, {}, sink);
  if (documents + rejections == 0) std::abort();  // an empty file is a rejection too
  return 0;
}
