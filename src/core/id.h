// id.h: stable identifiers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace storyline {

// An article id: 16 lowercase hex digits, the 64-bit XXH3 hash of the origin
// and the record's text. The same input read again gets the same id; the same
// text under another origin gets another id. Ids never depend on the thread,
// the order of inputs or the time of the run.
std::string MakeArticleId(std::string_view origin, std::string_view text);

// `hash` as 16 lowercase hex digits, the form of every id and digest.
std::string HashHex(uint64_t hash);

}  // namespace storyline
