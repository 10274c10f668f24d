// libFuzzer target: arbitrary bytes as a WARC file (uncompressed, or gzip
// when they start like gzip), read from memory. Every record must come out
// as a document, a rejection or a skip; every document is well-formed HTML
// text with its origin at an offset inside the input; memory stays bounded
// by the record limit.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/utf8.h"
#include "ingest/ingest.h"
#include "ingest/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string path = "fuzz.warc";
  uint64_t outcomes = 0;
  auto check_origin = [&](const std::string& origin) {
    if (origin == path) return;  // the file as a whole
    if (!origin.starts_with(path + "@")) std::abort();
    const std::string offset = origin.substr(path.size() + 1);
    if (offset.empty() || offset.find_first_not_of("0123456789") != std::string::npos) std::abort();
  };
  const ingest::RecordSink sink{[&](RawDocument doc) {
                                  if (!IsValidUtf8(doc.text) || doc.text.empty() ||
                                      doc.id.size() != 16 || doc.format != "html" ||
                                      doc.text.find('\r') != std::string::npos) {
                                    std::abort();
                                  }
                                  check_origin(doc.origin);
                                  ++outcomes;
                                },
                                [&](Rejection rejection) {
                                  if (rejection.reason.empty()) std::abort();
                                  check_origin(rejection.origin);
                                  ++outcomes;
                                },
                                nullptr,
                                [&](const ingest::SkippedRecords& skipped) {
                                  if (skipped.path != path || skipped.total() == 0) std::abort();
                                  outcomes += skipped.total();
                                }};
  ingest::Options options;
  options.max_record_bytes = 1 << 20;
  std::unique_ptr<ingest::ByteSource> source = ingest::MemorySource(bytes);
  ingest::ReadWarc(*source, path, options, sink);
  if (outcomes == 0) std::abort();  // an empty input is a rejection too
  return 0;
}
