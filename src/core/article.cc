#include "core/article.h"

namespace storyline {

std::string_view DateHowName(DateHow how) {
  switch (how) {
    case DateHow::kExplicit:
      return "explicit";
    case DateHow::kMetadata:
      return "metadata";
    case DateHow::kInferred:
      return "inferred";
    case DateHow::kUnknown:
      return "unknown";
    case DateHow::kCapture:
      return "capture";
  }
  return "unknown";
}

}  // namespace storyline
