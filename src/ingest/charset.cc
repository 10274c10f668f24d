// TEMP: a stand-in for DecodeHtml (decode.h) so that this branch links; the
// real one (charset detection and conversion with ICU) replaces it on merge.
// It ignores the declared charset and decodes the bytes as UTF-8 text.
#include "ingest/decode.h"

namespace storyline::ingest {

Status DecodeHtml(std::string& bytes, std::string_view /*declared_charset*/,
                  std::vector<Warning>& warnings) {
  return DecodeText(bytes, warnings);
}

}  // namespace storyline::ingest
