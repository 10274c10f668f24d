#include "core/id.h"

#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t on the stack
#include <xxhash.h>

#include <cstdio>

namespace storyline {

std::string MakeArticleId(std::string_view origin, std::string_view text) {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, origin.data(), origin.size());
  const char separator = '\0';  // keeps ("ab","c") and ("a","bc") apart
  XXH3_64bits_update(&state, &separator, 1);
  XXH3_64bits_update(&state, text.data(), text.size());
  return HashHex(XXH3_64bits_digest(&state));
}

std::string HashHex(uint64_t hash) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return std::string(hex, 16);
}

}  // namespace storyline
