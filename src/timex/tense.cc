#include "timex/tense.h"

namespace storyline::timex::internal {

namespace {

// How many tokens before an expression a tense cue may stand.
constexpr size_t kTenseWindow = 10;
// How many tokens after the comma of a fronted expression ("In January, the
// board met") a cue may stand, when none stands before it.
constexpr size_t kTenseAfter = 3;

// +1 when a token says the clause looks ahead, -1 back, else 0: the
// lexicon's `tense` words ("will" future, "said" past) and words ending in
// "ed" but not "eed" ("succeed", "need": the lexicon lists "agreed" and the
// like), in lower case ("United States" is a name).
int TenseCue(const Token& token) {
  if (token.senses && token.senses->Has(kTense)) {
    return token.senses->Get(kTense) == "future" ? 1 : -1;
  }
  if (token.kind == TokenKind::kWord && token.low.size() > 4 && token.low.ends_with("ed") &&
      !token.low.ends_with("eed") && !token.capital) {
    return -1;
  }
  return 0;
}

}  // namespace

int TenseNear(const std::vector<Token>& tokens, size_t i) {
  int tense = 0;
  size_t best = SIZE_MAX;
  const size_t first = i > kTenseWindow ? i - kTenseWindow : 0;
  for (size_t k = first; k < i + 2 && k < tokens.size(); ++k) {
    const int cue = TenseCue(tokens[k]);
    const size_t distance = k < i ? i - k : k - i;
    if (cue != 0 && distance <= best) {
      tense = cue;
      best = distance;
    }
  }
  const bool fronted = i + 1 < tokens.size() && tokens[i + 1].low == ",";
  for (size_t k = i + 2; fronted && tense == 0 && k < i + 2 + kTenseAfter && k < tokens.size();
       ++k) {
    tense = TenseCue(tokens[k]);
  }
  return tense;
}

}  // namespace storyline::timex::internal
