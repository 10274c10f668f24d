// scanner.h: internal to src/timex; the public header is timex/timex.h.
// May change at any time.
//
// A sentence cut into tokens, each with its senses in the lexicon.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"
#include "timex/lexicon.h"

namespace storyline::timex::internal {

enum class TokenKind { kWord, kNumber, kPunct, kOther };

struct Token {
  uint32_t begin = 0;  // bytes into the text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kOther;
  bool space_before = true;  // white space between the previous token and this one
  bool capital = false;      // starts with an ASCII capital letter
  std::string_view low;      // ASCII-lowered text
  const Senses* senses = nullptr;
};

inline bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Splits text[span] into ASCII words, digit runs, single punctuation marks
// and runs of other (non-ASCII) bytes. `lowered` must outlive the tokens.
std::vector<Token> Scan(std::string_view text, ByteSpan span, std::string& lowered,
                        const Lexicon* lexicon);

}  // namespace storyline::timex::internal
