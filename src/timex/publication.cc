// Tagger::InferPublication: the date an article was written, from the dates
// it names (docs/formats/timex.md).
#include <string>
#include <utility>

#include "timex/lexicon.h"
#include "timex/scanner.h"
#include "timex/tense.h"
#include "timex/timex.h"

namespace storyline::timex {

namespace {

using enum internal::Kind;
using internal::IsAsciiLetter;
using internal::ParseInt;
using internal::Scan;
using internal::Senses;
using internal::TenseNear;
using internal::Token;

// A date the text gives that could date the article, with the phrases that
// give it.
struct Evidence {
  CivilDay day;
  std::vector<std::string> phrases;
};

// The weekday a timex names by its first word ("Tuesday, Sept. 28"), 0 if none.
int LeadingWeekday(const Lexicon& lexicon, std::string_view text) {
  size_t end = 0;
  while (end < text.size() && IsAsciiLetter(text[end])) ++end;
  std::string word(text.substr(0, end));
  for (char& c : word) c = static_cast<char>(c | 0x20);
  const Senses* senses = lexicon.Find(word);
  return senses && senses->Has(kWeekday) ? *ParseInt(senses->Get(kWeekday)) : 0;
}

// "this year": a non-anaphoric shift of 0 years, the words of the lexicon.
bool IsThisYear(const Lexicon& lexicon, const Timex& timex) {
  const size_t space = timex.text.find(' ');
  if (space == std::string::npos || timex.text.find(' ', space + 1) != std::string::npos) {
    return false;
  }
  std::string first = timex.text.substr(0, space);
  std::string second = timex.text.substr(space + 1);
  for (char& c : first) c = static_cast<char>(c | 0x20);
  for (char& c : second) c = static_cast<char>(c | 0x20);
  const Senses* shift = lexicon.Find(first);
  const Senses* unit = lexicon.Find(second);
  return shift && unit && shift->Has(kShift) && !shift->Has(kAnaphoric) &&
         shift->Get(kShift) == "0" && unit->Has(kUnit) && unit->Get(kUnit) == "Y";
}

// A value of one four-digit year ("2021").
std::optional<int> YearValue(std::string_view value) {
  if (value.size() != 4) return std::nullopt;
  return ParseInt(value);
}

}  // namespace

std::optional<PublishedDate> Tagger::InferPublication(std::string_view text,
                                                      const std::vector<ByteSpan>& sentences,
                                                      const std::vector<Timex>& found) const {
  const Lexicon& lexicon = *lexicon_;
  const Timex* this_year = nullptr;
  std::vector<const Timex*> years;  // years named on their own, latest last
  for (const Timex& t : found) {
    if (t.type == "DATE" && t.anchor == "none" && YearValue(t.value)) years.push_back(&t);
    if (!this_year && IsThisYear(lexicon, t)) this_year = &t;
  }
  std::optional<Evidence> best;
  auto consider = [&](Evidence evidence) {
    if (!best || DaysFromCivil(evidence.day) > DaysFromCivil(best->day)) best = std::move(evidence);
  };
  std::string lowered;
  for (size_t k = 0; k < found.size(); ++k) {
    const Timex& t = found[k];
    if (t.type != "DATE" && t.type != "TIME") continue;
    // A date the clause looks ahead to says nothing about when it was written.
    const std::vector<Token> tokens = Scan(text, sentences[t.sentence], lowered, &lexicon);
    size_t first = 0;
    while (first < tokens.size() && tokens[first].begin < t.span.begin) ++first;
    if (TenseNear(tokens, first) > 0) continue;
    // The weekday named with the date: its own first word, or a bare weekday
    // right before it ("Tuesday, 28 September 2021").
    int weekday = LeadingWeekday(lexicon, t.text);
    uint32_t begin = t.span.begin;
    if (!weekday && k > 0 && found[k - 1].sentence == t.sentence &&
        found[k - 1].value.starts_with("XXXX-WXX-") && found[k - 1].value.size() == 10) {
      const std::string_view gap =
          text.substr(found[k - 1].span.end, t.span.begin - found[k - 1].span.end);
      if (gap.find_first_not_of(", ") == std::string_view::npos) {
        weekday = found[k - 1].value[9] - '0';
        begin = found[k - 1].span.begin;
      }
    }
    const std::string phrase(text.substr(begin, t.span.end - begin));
    if (const std::optional<CivilDay> day = CivilDay::FromIso(t.value); day && t.anchor == "none") {
      if (weekday) {
        if (Weekday(*day) == weekday) consider({*day, {phrase}});
      } else if (this_year) {
        std::vector<std::string> phrases = {phrase, this_year->text};
        if (this_year->span.begin < t.span.begin) std::swap(phrases[0], phrases[1]);
        consider({*day, std::move(phrases)});
      }
      continue;
    }
    // "Monday, 27 September" in a text that names 2021: the named year in
    // which that day is a Monday (the latest, if several are).
    if (weekday && t.value.starts_with("XXXX-") && t.value.size() == 10) {
      const std::optional<int> month = ParseInt(std::string_view(t.value).substr(5, 2));
      const std::optional<int> day = ParseInt(std::string_view(t.value).substr(8, 2));
      if (!month || !day) continue;
      for (auto it = years.rbegin(); it != years.rend(); ++it) {
        const int year = *YearValue((*it)->value);
        if (!IsValidDay(year, *month, *day) || Weekday({year, *month, *day}) != weekday) continue;
        std::vector<std::string> phrases = {phrase, (*it)->text};
        if ((*it)->span.begin < begin) std::swap(phrases[0], phrases[1]);
        consider({{year, *month, *day}, std::move(phrases)});
        break;
      }
    }
  }
  if (!best) return std::nullopt;
  PublishedDate published;
  published.value = best->day.Iso();
  published.how = DateHow::kInferred;
  published.evidence = std::move(best->phrases);
  return published;
}

}  // namespace storyline::timex
