#include "timex/tense.h"

#include <string_view>

namespace storyline::timex::internal {

namespace {

// How many tokens before an expression a tense cue may stand.
constexpr size_t kTenseWindow = 10;
// How many tokens after the comma of a fronted expression ("In January, the
// board met") a cue may stand, when none stands before it.
constexpr size_t kTenseAfter = 3;

bool HasSense(const Token& token, Kind kind) { return token.senses && token.senses->Has(kind); }

// +1 when token k says the clause looks ahead, -1 back, else 0: the
// lexicon's `tense` words ("will" future, "said" past) and words ending in
// "ed" but not "eed" ("succeed", "need": the lexicon lists "agreed" and the
// like), in lower case ("United States" is a name). After a present form of
// "be" (`passive`) a past form is a participle: "are suspended", "will be
// held" do not look back.
int TenseCue(const std::vector<Token>& tokens, size_t k) {
  const Token& token = tokens[k];
  const bool passive = k > 0 && HasSense(tokens[k - 1], kPassive);
  if (HasSense(token, kTense)) {
    if (token.senses->Get(kTense) == "future") return 1;
    return passive ? 0 : -1;
  }
  if (token.kind == TokenKind::kWord && token.low.size() > 4 && token.low.ends_with("ed") &&
      !token.low.ends_with("eed") && !token.capital && !passive) {
    return -1;
  }
  return 0;
}

// A straight or curly quotation mark, or half of a doubled one ('' ``).
bool IsQuoteMark(std::string_view token) {
  return token == "\"" || token == "'" || token == "`" || token == "\u201d" || token == "\u2019";
}

}  // namespace

int TenseNear(const std::vector<Token>& tokens, size_t i) {
  int tense = 0;
  size_t best = SIZE_MAX;
  const size_t first = i > kTenseWindow ? i - kTenseWindow : 0;
  for (size_t k = first; k < i + 2 && k < tokens.size(); ++k) {
    const int cue = TenseCue(tokens, k);
    const size_t distance = k < i ? i - k : k - i;
    if (cue != 0 && distance <= best) {
      tense = cue;
      best = distance;
    }
  }
  // A comma that closes a quotation ("... looking at July," said Dr. Strand)
  // leads to the words that report it, not to the clause of the date.
  const bool fronted = i + 1 < tokens.size() && tokens[i + 1].low == "," &&
                       !(i + 2 < tokens.size() && IsQuoteMark(tokens[i + 2].low));
  for (size_t k = i + 2; fronted && tense == 0 && k < i + 2 + kTenseAfter && k < tokens.size();
       ++k) {
    tense = TenseCue(tokens, k);
  }
  // "by the end of August", "until June": a time limit looks ahead unless a
  // cue says otherwise ("had fallen by June"); one that opens the sentence
  // takes the tense of the clause after it ("By Sunday, 71 ships were
  // waiting").
  if (tense == 0 && i > 0 && HasSense(tokens[i - 1], kLimit)) {
    const bool opens_sentence = i == 1;
    for (size_t k = i + 1;
         opens_sentence && tense == 0 && k <= i + kTenseWindow && k < tokens.size(); ++k) {
      tense = TenseCue(tokens, k);
    }
    if (tense == 0) tense = 1;
  }
  return tense;
}

}  // namespace storyline::timex::internal
