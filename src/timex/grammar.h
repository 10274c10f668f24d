// grammar.h: internal to src/timex; the public header is timex/timex.h.
// May change at any time.
//
// The grammar of time expressions: what the words from one token on name,
// resolved against the publication date and the dates named before. The
// rules are spread over grammar*.cc by the words they read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/calendar.h"
#include "timex/calendar.h"
#include "timex/lexicon.h"
#include "timex/scanner.h"
#include "timex/tense.h"

namespace storyline::timex::internal {

struct Match {
  size_t end = 0;  // one past the last token
  std::string type = "DATE";
  std::string value;
  std::optional<std::string> mod;
  std::string anchor = "none";
  std::optional<CivilDay> day;      // set when the value is one known day
  std::optional<CivilDay> quarter;  // set when the value is one known quarter
  // Set when the value is one known month or year (a day sets `day`).
  std::optional<CivilDay> period;
  Grain period_grain = Grain::kYear;
};

// The dates the text has named so far, which anaphora refer to: "the next
// day" needs a day, "the following month" a month or a day, "that year" any
// of them.
struct Discourse {
  std::optional<CivilDay> day;
  std::optional<CivilDay> month;
  std::optional<CivilDay> year;
  std::optional<CivilDay> quarter;  // the quarter the article reports on (Note)
  bool day_in_sentence = false;     // `day` was named in the current sentence
  bool months_in_sentence = false;  // so was a span of months ("the nine months")
  std::optional<CivilDay> publication;

  void Note(const Match& m);
  // The last date precise enough for a shift of `grain`.
  const std::optional<CivilDay>& For(Grain grain) const {
    return grain <= Grain::kWeekend ? day : grain <= Grain::kQuarter ? month : year;
  }
};

// The grain of a unit of the lexicon ("D", "W", "Q", ...).
Grain GrainOfUnit(std::string_view unit);
// Hours, minutes and seconds: units of a clock, not of the calendar.
bool IsTimeUnit(std::string_view unit);
// "P3Y", "PT2H", "PT30M", "P10Y" for three decades, "PXY" for several years.
std::string DurationValue(std::string_view count, std::string_view unit);

// The grammar at one position of a sentence: At(start) reads the longest
// expression starting there.
class SentenceTagger {
 public:
  SentenceTagger(const std::vector<Token>& tokens, size_t start,
                 std::optional<CivilDay> publication, const Discourse& seen, const Lexicon& lexicon)
      : t_(tokens), start_(start), pub_(publication), seen_(seen), lex_(lexicon) {}

  // The longest expression starting at token i, if any.
  std::optional<Match> At(size_t i) const;

 private:
  bool Has(size_t i, Kind kind) const {
    return i < t_.size() && t_[i].senses && t_[i].senses->Has(kind);
  }
  const std::string& Get(size_t i, Kind kind) const { return t_[i].senses->Get(kind); }
  bool Is(size_t i, std::string_view word) const { return i < t_.size() && t_[i].low == word; }
  bool Adjacent(size_t i) const { return i < t_.size() && !t_[i].space_before; }
  bool IsNumber(size_t i) const { return i < t_.size() && t_[i].kind == TokenKind::kNumber; }
  int Int(size_t i) const {
    if (t_[i].low.size() > 6) return -1;
    return ParseInt(t_[i].low).value_or(-1);
  }
  // Skips a hyphen that joins two words ("five-year", "mid-1990s").
  size_t SkipHyphen(size_t i) const {
    return Is(i, "-") && Adjacent(i) && Adjacent(i + 1) ? i + 1 : i;
  }
  // Skips a word that may stand between a count and its unit when a unit
  // follows: "two more weeks", "eight trading days", "a couple of years".
  size_t SkipFiller(size_t i) const { return Has(i, kFiller) && Has(i + 1, kUnit) ? i + 1 : i; }
  // Skips the full stop after an abbreviation ("Sept.", "Jan.", "p.m."), not
  // the one that ends a sentence after a full name ("in September.").
  size_t SkipDot(size_t i) const {
    return Is(i, ".") && Adjacent(i) && i > 0 && t_[i - 1].low.size() <= 4 &&
                   t_[i - 1].low != "june" && t_[i - 1].low != "july" && t_[i - 1].low != "may"
               ? i + 1
               : i;
  }
  bool HasDot(size_t i) const { return Is(i, ".") && Adjacent(i); }
  bool IsCapitalised(size_t i) const { return t_[i].capital; }
  // A capitalised unit inside a sentence belongs to a title: ABC's "This
  // Week", CBS's "60 Minutes".
  bool IsTitleWord(size_t i) const { return i > 0 && t_[i].capital; }
  // A capitalised word inside the sentence with no time sense: part of a name.
  bool IsName(size_t i) const { return i > 0 && i < t_.size() && t_[i].capital && !t_[i].senses; }
  // A token that ends an amount of money or a count: "$33 million", "5 cents a share".
  bool IsAmount(size_t i) const {
    return IsNumber(i) || Is(i, "million") || Is(i, "billion") || Is(i, "share") || Is(i, "cents");
  }

  // grammar.cc: modifiers ("early", "more than", "the end of"), the word
  // an expression starts with, and the matches it builds.

  std::optional<Match> WithModifier(size_t i) const;
  std::optional<Match> WithThe(size_t i) const;
  // "the nineties": the latest such decade begun by publication (199 in 2021);
  // the century is unknown without a publication date.
  std::optional<Match> DecadeWord(size_t i) const;
  // "April 24 and 25": the 25th of the month just named.
  std::optional<Match> SecondDayOfPair(size_t i) const;
  std::optional<Match> Core(size_t i, bool the) const;
  std::optional<Match> Simple(size_t end, std::string type, std::string value) const;
  // One month or year, remembered for anaphora ("the following month").
  Match PeriodMatch(size_t end, CivilDay start, Grain grain, std::string anchor) const;
  Match DayMatch(size_t end, CivilDay day, std::string anchor) const;

  // grammar_numbers.cc: numbers: ISO dates, clock times, day-month, years, counts.

  std::optional<Match> Numeric(size_t i, bool the) const;
  // "am"/"pm" or "a.m."/"p.m." at i: {hours to add, end}.
  std::optional<std::pair<int, size_t>> Meridiem(size_t i) const;
  std::optional<Match> ClockTime(size_t end, int hour, int minute) const;
  // The number written by number words from i, "twenty-four" -> {24, end}.
  std::optional<std::pair<int, size_t>> NumberWords(size_t i) const;
  // A year said in words, as transcripts write it: "nineteen ninety-six".
  std::optional<std::pair<int, size_t>> SpokenYear(size_t i) const;
  // A count (digits or a number word) then a unit: a duration, or with
  // "ago"/"earlier"/"later" a date.
  std::optional<Match> Counted(size_t i, const std::string& count) const;

  // grammar_names.cc: month names, weekdays, deictic days, holidays, seasons.

  std::optional<Match> MonthFirst(size_t i) const;
  // The year of a month named without one. Without a tense cue, up to seven
  // months back or four ahead of the publication month (news mostly reports
  // what happened); a clause that looks back reaches up to nine months back
  // and only two ahead, one that looks ahead the reverse.
  int YearOf(int month) const;
  // A month without a year (YearOf); "last July" the latest July before
  // the publication month, "next July" the first after it, "this July"
  // the publication year's; "July last year" is last year's.
  std::optional<Match> MonthOnly(size_t end, int month, std::optional<int> shift = {}) const;
  std::optional<Match> MonthDayNoYear(size_t end, int month, int day) const;
  // A weekday, `direction` -1 for "last Monday", +1 for "next Monday", 0 for
  // a bare one (tense decides; the publication day itself counts).
  std::optional<Match> WeekdayAt(size_t i, int direction, size_t end) const;
  std::optional<Match> DeicticDay(size_t i) const;
  // "Christmas", "Thanksgiving Day 1999": a fixed date (MM-DD) or the Nth
  // weekday of a month (MM-N-W), validated by the loader.
  std::optional<Match> HolidayAt(size_t i) const;
  std::optional<Match> SeasonAt(size_t i, int shift) const;
  // The latest season of the code at i that ended before the publication
  // month. A winter is labelled by the year of its December and ends in
  // February of the next year.
  std::optional<Match> LatestSeason(size_t i) const;

  // grammar_shifts.cc: dates relative to another: shift words (last year,
  // next week, the previous day, this quarter), counts ago or earlier.

  // A date `n` units of `grain` from the anchor, written at that grain.
  std::optional<Match> Relative(size_t end, Grain grain, int n, bool anaphoric,
                                std::string_view unit) const;
  // "a year earlier", "year-ago": in an article about a quarter's results
  // the comparison is with the same quarter a year before (TimeBank's
  // reading), unless the sentence compares a span of months; otherwise the
  // year.
  std::optional<Match> YearBefore(size_t end, int n, bool anaphoric) const;
  std::optional<Match> Shifted(size_t i, bool the) const;
  // "the weekend": the one nearest the publication day (the last one from
  // Monday to Wednesday, the coming one from Thursday); a clause that looks
  // back takes the last one, one that looks ahead the coming one. On a
  // Saturday or Sunday it is that weekend.
  std::optional<Match> Weekend(size_t end) const;
  // "the year" is the publication year; "the quarter" the one the article
  // named last, else the last completed one.
  std::optional<Match> BareUnit(size_t i) const;
  // "the third quarter", "third-quarter", "the first half", "the first nine months".
  std::optional<Match> OrdinalPeriod(size_t i, bool the) const;

  // The clause around the expression looks ahead / back (TenseNear).
  bool future() const { return Tense() > 0; }
  bool past() const { return Tense() < 0; }
  int Tense() const {
    if (!tense_) tense_ = TenseNear(t_, start_);
    return *tense_;
  }

  const std::vector<Token>& t_;
  size_t start_;
  std::optional<CivilDay> pub_;
  const Discourse& seen_;
  const Lexicon& lex_;
  // TenseNear(start_), computed on first use: most tokens start nothing.
  mutable std::optional<int> tense_;
};

}  // namespace storyline::timex::internal
