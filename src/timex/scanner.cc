#include "timex/scanner.h"

namespace storyline::timex::internal {

std::vector<Token> Scan(std::string_view text, ByteSpan span, std::string& lowered,
                        const Lexicon* lexicon) {
  lowered.assign(text.substr(span.begin, span.size()));
  for (char& c : lowered) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  std::vector<Token> tokens;
  bool space = true;
  size_t i = 0;
  const size_t n = lowered.size();
  while (i < n) {
    const unsigned char c = lowered[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    TokenKind kind;
    if (IsAsciiLetter(c)) {
      kind = TokenKind::kWord;
      while (j < n && IsAsciiLetter(lowered[j])) ++j;
    } else if (IsDigit(c)) {
      kind = TokenKind::kNumber;
      while (j < n && IsDigit(lowered[j])) ++j;
    } else if (c < 0x80) {
      kind = TokenKind::kPunct;
    } else {
      kind = TokenKind::kOther;
      while (j < n && static_cast<unsigned char>(lowered[j]) >= 0x80) ++j;
    }
    Token token;
    token.begin = span.begin + static_cast<uint32_t>(i);
    token.end = span.begin + static_cast<uint32_t>(j);
    token.kind = kind;
    token.space_before = space;
    token.capital = c != static_cast<unsigned char>(text[token.begin]);
    token.low = std::string_view(lowered).substr(i, j - i);
    if (kind == TokenKind::kWord) token.senses = lexicon->Find(token.low);
    tokens.push_back(token);
    space = false;
    i = j;
  }
  return tokens;
}

}  // namespace storyline::timex::internal
