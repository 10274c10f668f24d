#include "timex/timex.h"

#include <array>
#include <charconv>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/tsv.h"
#include "timex/calendar.h"

namespace storyline::timex {

// ---------------------------------------------------------------- lexicon

namespace {

// The kinds of words the tagger knows (docs/formats/timex.md). Month and
// weekday come from the shared date lexicon, the rest from timex/en.tsv.
enum Kind {
  kMonth,
  kWeekday,
  kNumber,
  kOrdinal,
  kUnit,
  kDeictic,
  kShift,
  kAnaphoric,
  kAgo,
  kRef,
  kSeason,
  kPartOfDay,
  kSet,
  kEvery,
  kMod,
  kTense,
  kHoliday,
  kMeridiem,
  kZone,
  kFiller,
  kClock,
  kDecade,
  kKindCount,
};

constexpr std::array<std::string_view, kKindCount> kKindNames = {
    "month",   "weekday",  "number", "ordinal",   "unit",  "deictic", "shift", "anaphoric",
    "ago",     "ref",      "season", "partofday", "set",   "every",   "mod",   "tense",
    "holiday", "meridiem", "zone",   "filler",    "clock", "decade"};

struct Senses {
  std::array<std::string, kKindCount> values;
  unsigned kinds = 0;
  bool Has(Kind kind) const { return kinds & (1u << kind); }
  const std::string& Get(Kind kind) const { return values[kind]; }
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

std::optional<int> ParseInt(std::string_view s) {
  int value = 0;
  auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// "12-25" (a fixed day) or "11-4-4" (the 4th Thursday of November).
bool ValidHoliday(std::string_view v) {
  const std::optional<int> month = v.size() >= 2 ? ParseInt(v.substr(0, 2)) : std::nullopt;
  if (!month || *month < 1 || *month > 12 || v.size() < 5 || v[2] != '-') return false;
  if (v.size() == 5) {
    const std::optional<int> day = ParseInt(v.substr(3, 2));
    return day && *day >= 1 && *day <= 31;
  }
  return v.size() == 6 && v[3] >= '1' && v[3] <= '5' && v[4] == '-' && v[5] >= '1' && v[5] <= '7';
}

}  // namespace

struct Lexicon {
  std::unordered_map<std::string, Senses, StringHash, std::equal_to<>> words;
  int min_year = 1800;
  int max_year = 2100;

  const Senses* Find(std::string_view word) const {
    auto it = words.find(word);
    return it == words.end() ? nullptr : &it->second;
  }

  // Reads one file. From the date lexicon only months, weekdays and meridiem
  // are taken (`shared`); its other kinds belong to the cleaner.
  Status Load(std::string_view file, std::string_view contents, bool shared) {
    for (const auto& [line, fields] : SplitTsv(contents)) {
      auto error = [&, line = line](const std::string& message) {
        return Status::InvalidArgument(std::string(file) + ":" + std::to_string(line) + ": " +
                                       message);
      };
      if (fields.size() != 3) return error("expected 3 tab-separated fields");
      int kind = 0;
      while (kind < kKindCount && kKindNames[kind] != fields[0]) ++kind;
      if (kind == kKindCount) {
        if (shared) continue;
        return error("unknown kind '" + std::string(fields[0]) + "'");
      }
      const std::string_view name = fields[1];
      if (name.empty() || name.find_first_of(" .ABCDEFGHIJKLMNOPQRSTUVWXYZ") != name.npos) {
        return error("name must be one lower-case word without dots, got '" + std::string(name) +
                     "'");
      }
      const bool numeric = kind == kMonth || kind == kWeekday || kind == kOrdinal ||
                           kind == kDeictic || kind == kShift || kind == kAgo ||
                           kind == kMeridiem || kind == kClock || kind == kDecade ||
                           (kind == kNumber && fields[2] != "X");
      if (numeric && !ParseInt(fields[2])) {
        return error(std::string(kKindNames[kind]) + " value must be a number, got '" +
                     std::string(fields[2]) + "'");
      }
      if (kind == kTense && fields[2] != "future" && fields[2] != "past") {
        return error("tense value must be future or past, got '" + std::string(fields[2]) + "'");
      }
      if (kind == kHoliday && !ValidHoliday(fields[2])) {
        return error("holiday value must be MM-DD or MM-N-W, got '" + std::string(fields[2]) + "'");
      }
      Senses& senses = words[std::string(name)];
      if (senses.Has(static_cast<Kind>(kind))) {
        return error("duplicate " + std::string(kKindNames[kind]) + " '" + std::string(name) + "'");
      }
      senses.kinds |= 1u << kind;
      senses.values[kind] = std::string(fields[2]);
    }
    return Status::Ok();
  }
};

// ---------------------------------------------------------------- scanner

namespace {

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

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

}  // namespace

namespace {

// Splits text[span] into ASCII words, digit runs, single punctuation marks
// and runs of other (non-ASCII) bytes. `lowered` must outlive the tokens.
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
}  // namespace

// ---------------------------------------------------------------- grammar

namespace {

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

  void Note(const Match& m) {
    if (m.day) day = month = year = m.day;
    if (m.day) day_in_sentence = true;
    if (m.type == "DURATION" && m.value.size() > 2 && m.value[1] != 'T' && m.value.back() == 'M') {
      months_in_sentence = true;
    }
    if (m.period && m.period_grain == Grain::kMonth) month = year = m.period;
    if (m.period && m.period_grain == Grain::kYear) year = m.period;
    // The quarter an article reports on: the latest one it names that had
    // ended by publication ("a flat second quarter" before the third is
    // background; "the fourth quarter" still under way is an outlook).
    if (m.quarter && (!quarter || DaysFromCivil(*m.quarter) > DaysFromCivil(*quarter)) &&
        (!publication ||
         DaysFromCivil(Shift(*m.quarter, Grain::kQuarter, 1)) <= DaysFromCivil(*publication))) {
      quarter = m.quarter;
    }
  }
  // The last date precise enough for a shift of `grain`.
  const std::optional<CivilDay>& For(Grain grain) const {
    return grain <= Grain::kWeekend ? day : grain <= Grain::kQuarter ? month : year;
  }
};

Grain GrainOfUnit(std::string_view unit) {
  if (unit == "D") return Grain::kDay;
  if (unit == "W") return Grain::kWeek;
  if (unit == "WE") return Grain::kWeekend;
  if (unit == "M") return Grain::kMonth;
  if (unit == "Q") return Grain::kQuarter;
  if (unit == "DE") return Grain::kDecade;
  if (unit == "CE") return Grain::kCentury;
  return Grain::kYear;
}

bool IsTimeUnit(std::string_view unit) { return unit == "H" || unit == "MIN" || unit == "S"; }

// "P3Y", "PT2H", "PT30M", "P10Y" for three decades, "PXY" for several years.
std::string DurationValue(std::string_view count, std::string_view unit) {
  if (unit == "MIN") return "PT" + std::string(count) + "M";
  if (IsTimeUnit(unit)) return "PT" + std::string(count) + std::string(unit);
  if (unit == "WE") return "P" + std::string(count) + "WE";
  // TimeBank writes decades and centuries in years: "the past decade" P10Y.
  if ((unit == "DE" || unit == "CE") && count != "X") {
    return "P" + std::to_string(*ParseInt(count) * (unit == "DE" ? 10 : 100)) + "Y";
  }
  return "P" + std::string(count) + std::string(unit);
}

// "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M: the half in the next smaller
// unit; units without an exact half (months, weeks) keep the whole count.
std::string DurationAndAHalf(std::string_view count, std::string_view unit) {
  const std::string whole = DurationValue(count, unit);
  if (unit == "Y") return whole + "6M";
  if (unit == "D") return whole + "T12H";
  if (unit == "H") return whole + "30M";
  if (unit == "MIN") return whole + "30S";
  return whole;
}

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

// Which way the clause around token i looks (TenseCue): the cue nearest to i
// within kTenseWindow tokens before it (or the token right after it)
// decides; failing that, one just after the comma of a fronted expression.
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

// The grammar at one position of a sentence: At(start) reads the longest
// expression starting there.
class SentenceTagger {
 public:
  SentenceTagger(const std::vector<Token>& tokens, size_t start,
                 std::optional<CivilDay> publication, const Discourse& seen, const Lexicon& lexicon)
      : t_(tokens), start_(start), pub_(publication), seen_(seen), lex_(lexicon) {}

  // The longest expression starting at token i, if any.
  std::optional<Match> At(size_t i) const {
    std::optional<Match> match = WithModifier(i);
    if (!match) return std::nullopt;
    // "Monday night" is the day with TimeML's part-of-day code (2021-09-27TNI);
    // the type stays DATE, as TimeBank marks such phrases, and the day is
    // still what later anaphora refer to.
    if (match->day && Has(match->end, kPartOfDay)) {
      match->value += "T" + Get(match->end, kPartOfDay);
      ++match->end;
    }
    return match;
  }

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

  std::optional<Match> WithModifier(size_t i) const {
    // "more than two years", "less than an hour", "at least"
    std::optional<std::string> mod;
    size_t j = i;
    if ((Is(i, "more") || Is(i, "less")) && Is(i + 1, "than")) {
      mod = Is(i, "more") ? "MORE_THAN" : "LESS_THAN";
      j = i + 2;
    } else if (Is(i, "at") && Is(i + 1, "least")) {
      mod = "EQUAL_OR_MORE";
      j = i + 2;
    } else if (Has(i, kMod)) {
      mod = Get(i, kMod);
      j = SkipHyphen(i + 1);
    }
    if (mod) {
      std::optional<Match> inner = WithThe(j);
      if (inner) {
        const bool positional = *mod == "START" || *mod == "MID" || *mod == "END";
        // "early Friday" is still Friday: a part of the day may follow
        // ("early Friday morning") and later anaphora may refer to it.
        if (positional == (inner->type == "DATE")) {
          inner->mod = mod;
          return inner;
        }
      }
      if (j != i + 1 || !Has(i, kMod)) return std::nullopt;
    }
    // "the end of 1990", "the beginning of the year"
    if (Is(i, "the") && Is(i + 2, "of")) {
      const std::string_view part = t_[i + 1].low;
      const char* position = part == "end"                            ? "END"
                             : part == "beginning" || part == "start" ? "START"
                             : part == "middle"                       ? "MID"
                                                                      : nullptr;
      if (position) {
        std::optional<Match> inner = WithThe(i + 3);
        if (inner && inner->type == "DATE") {
          inner->mod = position;
          inner->day.reset();
          return inner;
        }
      }
      // "the week of March 6": the ISO week of that day.
      if (part == "week") {
        std::optional<Match> inner = WithThe(i + 3);
        if (inner && inner->day) {
          inner->value = Format(*inner->day, Grain::kWeek);
          inner->day.reset();
          return inner;
        }
      }
    }
    // "the late 1970s", "the mid-1990s"
    if (Is(i, "the") && Has(i + 1, kMod)) {
      std::optional<Match> inner = WithModifier(i + 1);
      if (inner && inner->type == "DATE" && inner->mod) return inner;
    }
    // "fiscal 1989"
    if (Is(i, "fiscal") && IsNumber(i + 1)) {
      std::optional<Match> inner = Core(i + 1, false);
      if (inner && inner->type == "DATE") return inner;
    }
    return WithThe(i);
  }

  std::optional<Match> WithThe(size_t i) const {
    return Is(i, "the") ? Core(i + 1, true) : Core(i, false);
  }

  // "the nineties": the latest such decade begun by publication (199 in 2021);
  // the century is unknown without a publication date.
  std::optional<Match> DecadeWord(size_t i) const {
    const int digit = std::stoi(Get(i, kDecade));
    if (!pub_) return Simple(i + 1, "DATE", "XX" + std::to_string(digit));
    int start = pub_->year / 100 * 100 + digit * 10;
    if (start > pub_->year) start -= 100;
    Match m = *Simple(i + 1, "DATE", std::to_string(start / 10));
    m.anchor = "publication";
    return m;
  }

  // "April 24 and 25": the 25th of the month just named.
  std::optional<Match> SecondDayOfPair(size_t i) const {
    if (i < 2 || !(Is(i - 1, "and") || Is(i - 1, "or")) || !IsNumber(i - 2) ||
        !seen_.day_in_sentence || Int(i - 2) != seen_.day->day || t_[i].low.size() > 2 ||
        Has(i + 1, kUnit) || Is(i + 1, "percent") || Is(i + 1, "%")) {
      return std::nullopt;
    }
    const CivilDay day{seen_.day->year, seen_.day->month, Int(i)};
    if (!IsValidDay(day.year, day.month, day.day)) return std::nullopt;
    return DayMatch(i + 1, day, "previous");
  }

  std::optional<Match> Core(size_t i, bool the) const {
    if (i >= t_.size()) return std::nullopt;
    if (IsNumber(i)) {
      if (std::optional<Match> second = SecondDayOfPair(i)) return second;
      return Numeric(i, the);
    }
    if (the && Is(i, "future")) return Simple(i + 1, "DATE", "FUTURE_REF");
    if (the && Has(i, kDecade)) return DecadeWord(i);
    // "the near future", "the near term", "the short term"
    if (the && (Is(i, "near") || Is(i, "short")) && (Is(i + 1, "future") || Is(i + 1, "term"))) {
      return Simple(i + 2, "DATE", "FUTURE_REF");
    }
    // "the fiscal year", "the full year": the adjective does not change the period.
    if (the && (Is(i, "fiscal") || Is(i, "full")) && Has(i + 1, kUnit)) return Core(i + 1, true);
    // "the latest period": the quarter the article reports on.
    if (the && Is(i, "latest") && Is(i + 1, "period") && seen_.quarter) {
      Match m = *Simple(i + 2, "DATE", Format(*seen_.quarter, Grain::kQuarter));
      m.anchor = "previous";
      return m;
    }
    // "recent years", "these days"
    // TimeBank reads "recent years" as a vague past, "recent weeks" as a span.
    if (!the && Is(i, "recent") && Has(i + 1, kUnit)) {
      return Is(i + 1, "years") ? Simple(i + 2, "DATE", "PAST_REF")
                                : Simple(i + 2, "DURATION", DurationValue("X", Get(i + 1, kUnit)));
    }
    if (!the && Is(i, "these") && Is(i + 1, "days")) return Simple(i + 2, "DATE", "PRESENT_REF");
    if (t_[i].kind != TokenKind::kWord || !t_[i].senses) {
      return std::nullopt;
    }
    // "year-earlier", "year-ago": adjectives for one unit back.
    if (Has(i, kUnit) && Is(i + 1, "-") && Adjacent(i + 1) && Has(i + 2, kAgo) && Adjacent(i + 2)) {
      // "the year-ago quarter", "the year-earlier period"; in "the year-ago
      // results" the article belongs to the noun.
      const size_t stop = Is(i + 3, "quarter") || Is(i + 3, "period") ? i + 4 : i + 3;
      if (the && stop == i + 3) return std::nullopt;
      if (Get(i, kUnit) == "Y") return YearBefore(stop, std::stoi(Get(i + 2, kAgo)), true);
      return Relative(i + 3, GrainOfUnit(Get(i, kUnit)), std::stoi(Get(i + 2, kAgo)),
                      !Is(i + 2, "ago"), Get(i, kUnit));
    }
    if (!the) {
      // "earlier that day", "later this year", "earlier Sunday": the date itself.
      if (Has(i, kAgo) && !Is(i, "ago")) {
        std::optional<Match> inner = Core(i + 1, false);
        if (inner && inner->type != "DURATION") return inner;
      }
      if (Has(i, kMonth)) return MonthFirst(i);
      if (Has(i, kWeekday)) return WeekdayAt(i, 0, i + 1);
      // "USA Today", "VOA Today": a title.
      if (Has(i, kDeictic) && !(IsTitleWord(i) && IsName(i - 1))) return DeicticDay(i);
      // "Now, the council..." is a discourse marker, not a time.
      if (Is(i, "now") && t_[i].capital && Is(i + 1, ",")) return std::nullopt;
      if (Has(i, kRef)) return Simple(i + 1, "DATE", Get(i, kRef));
      if (Has(i, kSet)) return Simple(i + 1, "SET", Get(i, kSet));
      if (Has(i, kHoliday)) return HolidayAt(i);
      // "noon Thursday", "at midnight"
      // "High Noon" and "high noon comes" are figures of speech.
      if (Has(i, kClock) && !(i > 0 && t_[i - 1].low == "high")) {
        return ClockTime(i + 1, std::stoi(Get(i, kClock)), 0);
      }
      // "miles per hour", "instructions per second" measure a rate; no time recurs.
      if (Has(i, kEvery) && Has(i + 1, kUnit) && !(Is(i, "per") && IsTimeUnit(Get(i + 1, kUnit)))) {
        return Simple(i + 2, "SET", DurationValue("1", Get(i + 1, kUnit)));
      }
      // "every Monday" XXXX-WXX-1, "each July" XXXX-07
      if (Has(i, kEvery) && Has(i + 1, kWeekday) && t_[i + 1].low.size() > 4) {
        return Simple(i + 2, "SET", "XXXX-WXX-" + Get(i + 1, kWeekday));
      }
      if (Has(i, kEvery) && Has(i + 1, kMonth) && t_[i + 1].capital) {
        const int month = std::stoi(Get(i + 1, kMonth));
        return Simple(SkipDot(i + 2), "SET",
                      std::string("XXXX-") + (month < 10 ? "0" : "") + std::to_string(month));
      }
    } else {
      if (Is(i, "past") && !Has(i + 1, kUnit) && !Has(i + 1, kNumber) && !IsNumber(i + 1)) {
        return Simple(i + 1, "DATE", "PAST_REF");
      }
      if ((Is(i, "year") || Is(i, "quarter")) && !Is(i + 1, "-")) return BareUnit(i);
      if (Is(i, "weekend")) return Weekend(i + 1);
    }
    if (Has(i, kShift)) {
      if (std::optional<Match> m = Shifted(i, the)) return m;
    }
    if (Has(i, kOrdinal)) {
      if (std::optional<Match> m = OrdinalPeriod(i, the)) return m;
    }
    if (std::optional<std::pair<int, size_t>> year = SpokenYear(i)) {
      return PeriodMatch(year->second, {year->first, 1, 1}, Grain::kYear, "none");
    }
    // "a few years", "a couple of years"
    if ((Is(i, "a") || Is(i, "an")) && Has(i + 1, kNumber) &&
        (Get(i + 1, kNumber) == "X" || Has(i + 2, kFiller))) {
      ++i;
    }
    // "two years", "twenty-four hours", "a year", "several years"
    if (std::optional<std::pair<int, size_t>> number = NumberWords(i); number && !the) {
      return Counted(number->second, std::to_string(number->first));
    }
    if (Has(i, kNumber)) return Counted(i + 1, Get(i, kNumber));
    // A bare season needs "the" or "in": "fall" is also a verb.
    if (Has(i, kSeason) && (the || (i > 0 && t_[i - 1].low == "in"))) return SeasonAt(i, 0);
    // "three-quarters of the food" is a fraction, "52 years old" an age.
    const bool fraction = i > 0 && t_[i - 1].low == "-" && !t_[i].space_before;
    if (!the && Has(i, kUnit) && t_[i].low.ends_with('s') && Get(i, kUnit) != "S" &&
        !IsTitleWord(i) && !(Get(i, kUnit) == "Q" && fraction) && !Is(i + 1, "old")) {
      // A bare plural: "for years", "weeks of talks".
      return Simple(i + 1, "DURATION", DurationValue("X", Get(i, kUnit)));
    }
    return std::nullopt;
  }

  std::optional<Match> Simple(size_t end, std::string type, std::string value) const {
    Match m;
    m.end = end;
    m.type = std::move(type);
    m.value = std::move(value);
    return m;
  }

  // ---- numbers: ISO dates, clock times, day-month, years, counts

  std::optional<Match> Numeric(size_t i, bool the) const {
    const std::string_view digits = t_[i].low;
    const int value = Int(i);
    // 2021-09-27
    if (digits.size() == 4 && Is(i + 1, "-") && Adjacent(i + 1) && IsNumber(i + 2) &&
        Adjacent(i + 2) && t_[i + 2].low.size() == 2 && Is(i + 3, "-") && Adjacent(i + 3) &&
        IsNumber(i + 4) && Adjacent(i + 4) && t_[i + 4].low.size() == 2) {
      if (IsValidDay(value, Int(i + 2), Int(i + 4)))
        return DayMatch(i + 5, {value, Int(i + 2), Int(i + 4)}, "none");
    }
    // "the 20th century" is 19 (the years 1900-1999).
    if (digits.size() <= 2 && value >= 1 && Adjacent(i + 1) &&
        (Is(i + 1, "st") || Is(i + 1, "nd") || Is(i + 1, "rd") || Is(i + 1, "th")) &&
        Is(i + 2, "century")) {
      char century[16];
      std::snprintf(century, sizeof century, "%02d", value - 1);
      return Simple(i + 3, "DATE", century);
    }
    // 10:53, 4:15 pm
    if (digits.size() <= 2 && value <= 24 && Is(i + 1, ":") && Adjacent(i + 1) && IsNumber(i + 2) &&
        Adjacent(i + 2) && t_[i + 2].low.size() == 2 && Int(i + 2) < 60) {
      int hour = value;
      size_t end = i + 3;
      if (auto meridiem = Meridiem(end)) {
        hour = hour % 12 + meridiem->first;
        end = meridiem->second;
      }
      return ClockTime(end, hour, Int(i + 2));
    }
    // 10 a.m.
    if (digits.size() <= 2 && value >= 1 && value <= 12) {
      if (auto meridiem = Meridiem(i + 1)) {
        return ClockTime(meridiem->second, value % 12 + meridiem->first, 0);
      }
    }
    // 27 September [2021]
    if (digits.size() <= 2 && value >= 1 && value <= 31 && Has(i + 1, kMonth)) {
      const int month = std::stoi(Get(i + 1, kMonth));
      size_t end = SkipDot(i + 2);
      if (IsNumber(end) && t_[end].low.size() == 4 && IsValidDay(Int(end), month, value)) {
        return DayMatch(end + 1, {Int(end), month, value}, "none");
      }
      return MonthDayNoYear(end, month, value);
    }
    // "the 1988 second quarter"
    const bool year = digits.size() == 4 && value >= lex_.min_year && value <= lex_.max_year;
    if (year && Has(i + 1, kOrdinal) && Is(i + 2, "quarter")) {
      const int n = std::stoi(Get(i + 1, kOrdinal));
      if (n >= 1 && n <= 4) {
        Match m = *Simple(i + 3, "DATE", std::string(digits) + "-Q" + std::to_string(n));
        m.quarter = CivilDay{value, 3 * n - 2, 1};
        return m;
      }
    }
    // "the 1988 quarter", "the 1988 period": the quarter under discussion, in 1988.
    if (year && (Is(i + 1, "quarter") || Is(i + 1, "period")) && seen_.quarter) {
      const int q = (seen_.quarter->month - 1) / 3 + 1;
      Match m = *Simple(i + 2, "DATE", std::string(digits) + "-Q" + std::to_string(q));
      m.quarter = CivilDay{value, seen_.quarter->month, 1};
      return m;
    }
    // 1990s
    if (digits.size() == 4 && Is(i + 1, "s") && Adjacent(i + 1) && value % 10 == 0) {
      return Simple(i + 2, "DATE", std::string(digits.substr(0, 3)));
    }
    // 1998 alone, unless it is part of a name ("Orion 1980", "Expo 2000"): a
    // capitalised word inside the sentence with no time sense before it.
    const bool in_name = i > 1 && IsName(i - 1);
    if (year && !the && !in_name &&
        !(i > 0 && (t_[i - 1].low == "$" || (t_[i - 1].low == "," && !t_[i].space_before))) &&
        !(Is(i + 1, ",") && Adjacent(i + 1) && IsNumber(i + 2) && Adjacent(i + 2)) &&
        !(Is(i + 1, "%") || Is(i + 1, "percent")) && !Has(SkipHyphen(i + 1), kUnit) &&
        !(Is(i + 1, ".") && Adjacent(i + 1) && IsNumber(i + 2) && Adjacent(i + 2))) {
      return PeriodMatch(i + 1, {value, 1, 1}, Grain::kYear, "none");
    }
    if (value >= 0 && value < 1000 && !the &&
        !(i > 0 && (t_[i - 1].low == "." || t_[i - 1].low == ",") && !t_[i].space_before)) {
      return Counted(i + 1, std::to_string(value));
    }
    return std::nullopt;
  }

  // "am"/"pm" or "a.m."/"p.m." at i: {hours to add, end}.
  std::optional<std::pair<int, size_t>> Meridiem(size_t i) const {
    if (Has(i, kMeridiem)) return std::make_pair(std::stoi(Get(i, kMeridiem)), SkipDot(i + 1));
    if ((Is(i, "a") || Is(i, "p")) && Is(i + 1, ".") && Adjacent(i + 1) && Is(i + 2, "m") &&
        Adjacent(i + 2)) {
      return std::make_pair(Is(i, "p") ? 12 : 0, SkipDot(i + 3));
    }
    return std::nullopt;
  }

  std::optional<Match> ClockTime(size_t end, int hour, int minute) const {
    if (hour > 24) return std::nullopt;
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d", hour, minute);
    // "4 a.m. EDT Thursday", "10 p.m. yesterday": the day named after the clock.
    size_t k = Has(end, kZone) && t_[end].capital ? end + 1 : end;
    if (Is(k, ",")) ++k;
    if (Has(k, kWeekday) || Has(k, kDeictic) || Has(k, kMonth)) {
      std::optional<Match> day = Has(k, kWeekday) ? WeekdayAt(k, 0, k + 1)
                                 : Has(k, kMonth) ? MonthFirst(k)
                                                  : DeicticDay(k);
      if (day && day->day) {
        day->value = day->day->Iso() + clock;
        day->type = "TIME";
        day->day.reset();
        return day;
      }
    }
    Match m;
    m.end = end;
    m.type = "TIME";
    const CivilDay* base = seen_.day ? &*seen_.day : (pub_ ? &*pub_ : nullptr);
    m.anchor = seen_.day ? "previous" : (pub_ ? "publication" : "none");
    m.value = (base ? base->Iso() : std::string("XXXX-XX-XX")) + clock;
    return m;
  }

  // One month or year, remembered for anaphora ("the following month").
  Match PeriodMatch(size_t end, CivilDay start, Grain grain, std::string anchor) const {
    Match m;
    m.end = end;
    m.value = Format(start, grain);
    m.anchor = std::move(anchor);
    m.period = start;
    m.period_grain = grain;
    return m;
  }

  Match DayMatch(size_t end, CivilDay day, std::string anchor) const {
    Match m;
    m.end = end;
    m.value = day.Iso();
    m.anchor = std::move(anchor);
    m.day = day;
    return m;
  }

  // The number written by number words from i, "twenty-four" -> {24, end}.
  std::optional<std::pair<int, size_t>> NumberWords(size_t i) const {
    if (!Has(i, kNumber) || Get(i, kNumber) == "X" || Is(i, "a") || Is(i, "an")) {
      return std::nullopt;
    }
    const int first = *ParseInt(Get(i, kNumber));
    // "two thousand", "two thousand and one"
    if (first < 10 && Has(i + 1, kNumber) && Get(i + 1, kNumber) == "1000") {
      const size_t rest = Is(i + 2, "and") ? i + 3 : i + 2;
      std::optional<std::pair<int, size_t>> units = NumberWords(rest);
      if (units && units->first < 100)
        return std::make_pair(first * 1000 + units->first, units->second);
      return std::make_pair(first * 1000, i + 2);
    }
    const size_t k = SkipHyphen(i + 1);
    if (first >= 20 && first % 10 == 0 && first < 100 && Has(k, kNumber) && !Is(k, "a") &&
        !Is(k, "an") && Get(k, kNumber).size() == 1) {
      return std::make_pair(first + *ParseInt(Get(k, kNumber)), k + 1);
    }
    return std::make_pair(first, i + 1);
  }

  // A year said in words, as transcripts write it: "nineteen ninety-six".
  std::optional<std::pair<int, size_t>> SpokenYear(size_t i) const {
    std::optional<std::pair<int, size_t>> century = NumberWords(i);
    if (!century || century->first < 10 || century->first > 20) return std::nullopt;
    std::optional<std::pair<int, size_t>> rest = NumberWords(century->second);
    if (!rest || rest->first < 10 || rest->first > 99) return std::nullopt;
    return std::make_pair(century->first * 100 + rest->first, rest->second);
  }

  // A count (digits or a number word) then a unit: a duration, or with
  // "ago"/"earlier"/"later" a date.
  std::optional<Match> Counted(size_t i, const std::string& count) const {
    // "5 1/2 hours", "an hour and a half"
    bool half =
        Is(i, "1") && Is(i + 1, "/") && Adjacent(i + 1) && Is(i + 2, "2") && Adjacent(i + 2);
    if (half) i += 3;
    i = SkipFiller(SkipHyphen(i));
    if (!Has(i, kUnit) || IsTitleWord(i)) return std::nullopt;
    const std::string& unit = Get(i, kUnit);
    size_t end = i + 1;
    if (Is(end, "and") && (Is(end + 1, "a") || Is(end + 1, "one")) && Is(end + 2, "half")) {
      half = true;
      end += 3;
    }
    if (half && count != "X") return Simple(end, "DURATION", DurationAndAHalf(count, unit));
    // "a year-earlier loss": the article belongs to the noun, "year-earlier" is the date.
    if (Is(end, "-") && Adjacent(end) && Has(end + 1, kAgo) && Adjacent(end + 1)) {
      return std::nullopt;
    }
    // "a year ago", "two days earlier", "year-earlier" handled in Shifted.
    if (Is(end, "ago") && count == "X") return Simple(end + 1, "DATE", "PAST_REF");
    if (Has(end, kAgo) && count != "X") {
      const int n = std::stoi(count) * std::stoi(Get(end, kAgo));
      const bool anaphoric = !Is(end, "ago");
      if (unit == "Y") return YearBefore(end + 1, n, anaphoric);
      return Relative(end + 1, GrainOfUnit(unit), n, anaphoric, unit);
    }
    // "a quarter of the shares" is a fraction; "a second time" an ordinal.
    if (unit == "Q" && Is(end, "of") && count != "X") return std::nullopt;
    if (unit == "S" && count == "1") return std::nullopt;
    // "five-year-old", "52 years old" are ages, not time expressions.
    if (Is(end, "old") || (Is(end, "-") && Is(end + 1, "old"))) return std::nullopt;
    return Simple(end, "DURATION", DurationValue(count, unit));
  }

  // A date `n` units of `grain` from the anchor, written at that grain.
  std::optional<Match> Relative(size_t end, Grain grain, int n, bool anaphoric,
                                std::string_view unit) const {
    if (IsTimeUnit(unit)) return std::nullopt;
    Match m;
    m.end = end;
    const std::optional<CivilDay>& prior = seen_.For(grain);
    const std::optional<CivilDay>& base = anaphoric && prior ? prior : pub_;
    if (!base) {
      m.value = FormatUnknown(grain);
      return m;
    }
    m.anchor = anaphoric && prior ? "previous" : "publication";
    const CivilDay day = Shift(*base, grain, n);
    m.value = Format(day, grain);
    if (grain == Grain::kDay) m.day = day;
    if (grain == Grain::kQuarter) m.quarter = day;
    if (grain == Grain::kMonth || grain == Grain::kYear) {
      m.period = day;
      m.period_grain = grain;
    }
    return m;
  }

  // "a year earlier", "year-ago": in an article about a quarter's results
  // the comparison is with the same quarter a year before (TimeBank's
  // reading), unless the sentence compares a span of months; otherwise the
  // year.
  std::optional<Match> YearBefore(size_t end, int n, bool anaphoric) const {
    // "the six months ended Aug. 12 ... compared with a year earlier": that day.
    if (anaphoric && seen_.day_in_sentence) {
      return DayMatch(end, Shift(*seen_.day, Grain::kYear, n), "previous");
    }
    if (!seen_.quarter || !(n == -1 || n == 1))
      return Relative(end, Grain::kYear, n, anaphoric, "Y");
    Match m;
    m.end = end;
    m.anchor = "previous";
    // "for the nine months, ... compared with a year earlier": the months
    // are not the quarter, so the year before the quarter's.
    m.value = Format(Shift(*seen_.quarter, Grain::kYear, n),
                     seen_.months_in_sentence ? Grain::kYear : Grain::kQuarter);
    return m;
  }

  // ---- month names

  std::optional<Match> MonthFirst(size_t i) const {
    const int month = std::stoi(Get(i, kMonth));
    // "may" and "march" are also verbs: only with a day or year, or capitalised.
    const bool ambiguous = t_[i].low == "may" || t_[i].low == "march";
    size_t j = SkipDot(i + 1);
    // September 27[,] [2021]
    if (IsNumber(j) && t_[j].low.size() <= 2 && Int(j) >= 1 && Int(j) <= 31) {
      const int day = Int(j);
      size_t k = j + 1;
      if (Is(k, "st") || Is(k, "nd") || Is(k, "rd") || Is(k, "th")) ++k;
      size_t y = Is(k, ",") ? k + 1 : k;
      if (IsNumber(y) && t_[y].low.size() == 4 && IsValidDay(Int(y), month, day)) {
        return DayMatch(y + 1, {Int(y), month, day}, "none");
      }
      return MonthDayNoYear(k, month, day);
    }
    // "March eighth", as transcripts write it
    if (Has(j, kOrdinal) && !Has(j + 1, kUnit) && !Is(j + 1, "half")) {
      return MonthDayNoYear(j + 1, month, std::stoi(Get(j, kOrdinal)));
    }
    // September 2021, January nineteen ninety-seven
    if (IsNumber(j) && t_[j].low.size() == 4) {
      return PeriodMatch(j + 1, {Int(j), month, 1}, Grain::kMonth, "none");
    }
    if (std::optional<std::pair<int, size_t>> year = SpokenYear(j)) {
      return PeriodMatch(year->second, {year->first, month, 1}, Grain::kMonth, "none");
    }
    if (ambiguous && !IsCapitalised(i)) return std::nullopt;
    // "the annual March for Life", "``March of the Mothers": a procession
    // ("in March for health reasons" is the month).
    if (t_[i].low == "march" && (Is(j, "for") || Is(j, "of")) && i > 0 &&
        (Is(i - 1, "the") || Is(i - 1, "a") || Is(i - 1, "annual") || Is(i - 1, "`") ||
         Is(i - 1, "\""))) {
      return std::nullopt;
    }
    // "Jan" alone is more often a name than a month.
    if (t_[i].low.size() <= 4 && !ambiguous && t_[i].low != "june" && t_[i].low != "july" &&
        !HasDot(i + 1)) {
      return std::nullopt;
    }
    return MonthOnly(j, month);
  }

  bool IsCapitalised(size_t i) const { return t_[i].capital; }

  // A capitalised unit inside a sentence belongs to a title: ABC's "This
  // Week", CBS's "60 Minutes".
  bool IsTitleWord(size_t i) const { return i > 0 && t_[i].capital; }

  // A capitalised word inside the sentence with no time sense: part of a name.
  bool IsName(size_t i) const { return i > 0 && i < t_.size() && t_[i].capital && !t_[i].senses; }

  // The year of a month named without one. Without a tense cue, up to seven
  // months back or four ahead of the publication month (news mostly reports
  // what happened); a clause that looks back reaches up to nine months back
  // and only two ahead, one that looks ahead the reverse.
  int YearOf(int month) const {
    const int ahead = month - pub_->month;  // -11..11 within the publication year
    const int reach_back = past() ? 9 : future() ? 2 : 7;
    const int reach_ahead = past() ? 2 : future() ? 9 : 4;
    if (ahead > reach_ahead) return pub_->year - 1;
    if (ahead < -reach_back) return pub_->year + 1;
    return pub_->year;
  }

  // A month without a year (YearOf); "last July" the latest July before
  // the publication month, "next July" the first after it, "this July"
  // the publication year's; "July last year" is last year's.
  std::optional<Match> MonthOnly(size_t end, int month, std::optional<int> shift = {}) const {
    if (!pub_) {
      return Simple(end, "DATE",
                    std::string("XXXX-") + (month < 10 ? "0" : "") + std::to_string(month));
    }
    size_t stop = end;
    int year = pub_->year;
    if (!shift) {
      year = YearOf(month);
      if ((Is(end, "last") || Is(end, "next") || Is(end, "this")) && Is(end + 1, "year")) {
        year = pub_->year + std::stoi(Get(end, kShift));
        stop = end + 2;
      }
    }
    if (shift && *shift < 0 && month >= pub_->month) --year;
    if (shift && *shift > 0 && month <= pub_->month) ++year;
    return PeriodMatch(stop, {year, month, 1}, Grain::kMonth, "publication");
  }

  std::optional<Match> MonthDayNoYear(size_t end, int month, int day) const {
    if (!pub_) {
      char buffer[16];
      std::snprintf(buffer, sizeof buffer, "XXXX-%02d-%02d", month, day);
      return Simple(end, "DATE", buffer);
    }
    const int year = YearOf(month);
    if (!IsValidDay(year, month, day)) return std::nullopt;
    return DayMatch(end, {year, month, day}, "publication");
  }

  // ---- weekdays, deictic days, holidays, seasons

  // A weekday, `direction` -1 for "last Monday", +1 for "next Monday", 0 for
  // a bare one (tense decides; the publication day itself counts).
  std::optional<Match> WeekdayAt(size_t i, int direction, size_t end) const {
    const int weekday = std::stoi(Get(i, kWeekday));
    // "sun", "sat", "wed" are words too: abbreviations need a capital.
    if (t_[i].low.size() <= 4 && !(t_[i].capital && HasDot(i + 1))) return std::nullopt;
    if (end == i + 1) end = SkipDot(end);
    // "Tuesday nights": every Tuesday night; so is "Monday" in "Monday and
    // Tuesday nights".
    const bool shared = (Is(end, "and") || Is(end, "or")) && Has(end + 1, kWeekday);
    const size_t part = shared ? end + 2 : end;
    if (Has(part, kPartOfDay) && t_[part].low.ends_with('s')) {
      return Simple(shared ? end : end + 1, "SET",
                    "XXXX-WXX-" + std::to_string(weekday) + "T" + Get(part, kPartOfDay));
    }
    // "Monday, Oct. 26": the date says which Monday.
    const size_t after = Is(end, ",") ? end + 1 : end;
    if (Has(after, kMonth)) {
      if (std::optional<Match> date = MonthFirst(after); date && date->day) return date;
    }
    Match m;
    m.end = end;
    if (!pub_) {
      m.value = "XXXX-WXX-" + std::to_string(weekday);
      return m;
    }
    m.anchor = "publication";
    const int today = Weekday(*pub_);
    int delta;
    // Without a tense cue, the day after publication is more often meant than
    // the same weekday six days back ("Saturday" in a Friday paper).
    const bool tomorrow = !past() && weekday == today % 7 + 1;
    const bool forward = direction > 0 || (direction == 0 && (future() || tomorrow));
    if (forward) {
      delta = (weekday - today + 7) % 7;
      if (direction > 0 && delta == 0) delta = 7;
    } else {
      delta = -((today - weekday + 7) % 7);
      if (direction < 0 && delta == 0) delta = -7;
    }
    return DayMatch(end, AddDays(*pub_, delta), "publication");
  }

  std::optional<Match> DeicticDay(size_t i) const {
    const int offset = std::stoi(Get(i, kDeictic));
    if (!pub_) return Simple(i + 1, "DATE", "XXXX-XX-XX");
    Match m = DayMatch(i + 1, AddDays(*pub_, offset), "publication");
    return m;
  }

  // "Christmas", "Thanksgiving Day 1999": a fixed date (MM-DD) or the Nth
  // weekday of a month (MM-N-W), validated by the loader.
  std::optional<Match> HolidayAt(size_t i) const {
    const std::string& rule = Get(i, kHoliday);
    const int month = *ParseInt(rule.substr(0, 2));
    auto day_in = [&](int year) {
      if (rule.size() == 5) return *ParseInt(rule.substr(3, 2));
      const int nth = rule[3] - '0';
      const int weekday = rule[5] - '0';
      return 1 + (weekday - Weekday({year, month, 1}) + 7) % 7 + 7 * (nth - 1);
    };
    size_t end = Is(i + 1, "day") ? i + 2 : i + 1;
    if (IsNumber(end) && t_[end].low.size() == 4) {
      const int year = Int(end);
      return DayMatch(end + 1, {year, month, day_in(year)}, "none");
    }
    if (!pub_) return MonthDayNoYear(end, month, rule.size() == 5 ? day_in(2000) : 1);
    std::optional<Match> m = MonthDayNoYear(end, month, day_in(pub_->year));
    if (m && m->day && m->day->year != pub_->year) {
      *m = DayMatch(end, {m->day->year, month, day_in(m->day->year)}, "publication");
    }
    return m;
  }

  std::optional<Match> SeasonAt(size_t i, int shift) const {
    const std::string& code = Get(i, kSeason);
    // "summer 1994", "the winter of nineteen ninety-four"
    const size_t y = Is(i + 1, "of") ? i + 2 : i + 1;
    if (IsNumber(y) && t_[y].low.size() == 4) {
      return Simple(y + 1, "DATE", std::string(t_[y].low) + "-" + code);
    }
    if (std::optional<std::pair<int, size_t>> year = SpokenYear(y)) {
      return Simple(year->second, "DATE", std::to_string(year->first) + "-" + code);
    }
    Match m;
    m.end = i + 1;
    if (!pub_) {
      m.value = "XXXX-" + code;
      return m;
    }
    m.anchor = "publication";
    m.value = std::to_string(pub_->year + shift) + "-" + code;
    return m;
  }

  // The latest season of the code at i that ended before the publication
  // month. A winter is labelled by the year of its December and ends in
  // February of the next year.
  std::optional<Match> LatestSeason(size_t i) const {
    const std::string& code = Get(i, kSeason);
    if (!pub_) return Simple(i + 1, "DATE", "XXXX-" + code);
    const int last_month = code == "SP" ? 5 : code == "SU" ? 8 : code == "FA" ? 11 : 14;
    int year = pub_->year;
    while (year * 12 + last_month >= pub_->year * 12 + pub_->month) --year;
    Match m = *Simple(i + 1, "DATE", std::to_string(year) + "-" + code);
    m.anchor = "publication";
    return m;
  }

  // ---- shift words: last year, next week, the previous day, this quarter

  std::optional<Match> Shifted(size_t i, bool the) const {
    // "this past spring": the latest one; "this past week" is last week.
    const bool this_past = Is(i, "this") && Is(i + 1, "past") && !the;
    if (this_past) ++i;
    const int offset = std::stoi(Get(i, kShift));
    // "the next day" follows the text's own dates; "next week" the publication,
    // and so does "the current year".
    const bool anaphoric = Has(i, kAnaphoric) || (the && offset != 0);
    // "that day", "that year": only a unit or a part of the day may follow
    // ("said that 30 years ago", "that March" are something else).
    const bool demonstrative = anaphoric && offset == 0 && !the;
    size_t j = i + 1;
    if (demonstrative && !Has(j, kUnit) && !Has(j, kPartOfDay)) return std::nullopt;
    if (Has(j, kWeekday) && !the) return WeekdayAt(j, offset, j + 1);
    // "the previous Friday": the Friday before the date the text is about.
    if (Has(j, kWeekday) && the && offset != 0 && seen_.day) {
      const int weekday = std::stoi(Get(j, kWeekday));
      int delta = (weekday - Weekday(*seen_.day) + 7 * offset) % 7;
      if (offset < 0 && delta >= 0) delta -= 7;
      if (offset > 0 && delta <= 0) delta += 7;
      return DayMatch(j + 1, AddDays(*seen_.day, delta), "previous");
    }
    if (Has(j, kMonth) && !the && (t_[j].capital || (!Is(j, "may") && !Is(j, "march")))) {
      const int month = std::stoi(Get(j, kMonth));
      const size_t k = SkipDot(j + 1);
      std::optional<Match> m = MonthOnly(k, month, offset);
      // "last Oct. 23": that day of the month "last October" names.
      const int day = IsNumber(k) && t_[k].low.size() <= 2 ? Int(k) : 0;
      if (m && pub_ && day >= 1) {
        const int year = *ParseInt(std::string_view(m->value).substr(0, 4));
        if (IsValidDay(year, month, day)) return DayMatch(k + 1, {year, month, day}, "publication");
      }
      return m;
    }
    if (Has(j, kSeason)) return this_past ? LatestSeason(j) : SeasonAt(j, offset);
    // "the last half of 1989", "the last quarter of 1990"
    if (the && Is(i, "last") && (Is(j, "half") || Is(j, "quarter")) && Is(j + 1, "of") &&
        IsNumber(j + 2) && t_[j + 2].low.size() == 4) {
      return Simple(j + 3, "DATE", std::string(t_[j + 2].low) + (Is(j, "half") ? "-H2" : "-Q4"));
    }
    // "this morning", "last night": a part of the publication day or the one
    // before; "that morning" of the day the text is about.
    if (Has(j, kPartOfDay) && (offset == 0 || t_[i].low == "last") && !the) {
      const bool previous = demonstrative && seen_.day;
      if (!previous && !pub_) return std::nullopt;
      const CivilDay day = previous ? *seen_.day : AddDays(*pub_, offset);
      Match m = *Simple(j + 1, "TIME", day.Iso() + "T" + Get(j, kPartOfDay));
      m.anchor = previous ? "previous" : "publication";
      return m;
    }
    // "the past three years", "the last two weeks", "the next 12 months": durations.
    std::string count;
    if (IsNumber(j)) {
      count = std::to_string(Int(j));
      ++j;
    } else if (std::optional<std::pair<int, size_t>> number = NumberWords(j)) {
      count = std::to_string(number->first);
      j = number->second;
    } else if (Has(j, kNumber) && !Is(j, "a") && !Is(j, "an")) {
      count = Get(j, kNumber);
      ++j;
    }
    j = SkipFiller(j);
    // "the current fiscal year" is the current year.
    if (Is(j, "fiscal") && Has(j + 1, kUnit)) ++j;
    if (!Has(j, kUnit) || IsTitleWord(j)) return std::nullopt;
    const std::string& unit = Get(j, kUnit);
    if (!count.empty()) return Simple(j + 1, "DURATION", DurationValue(count, unit));
    // "the coming years", "in recent months"
    if (t_[j].low.ends_with('s')) return Simple(j + 1, "DURATION", DurationValue("X", unit));
    // "the past year" is the last calendar year, as TimeBank reads it; "the
    // past decade" the span of ten years.
    if ((t_[i].low == "past" && (unit == "DE" || unit == "CE")) || IsTimeUnit(unit)) {
      return Simple(j + 1, "DURATION", DurationValue("1", unit));
    }
    Grain grain = GrainOfUnit(unit);
    int n = offset;
    // "next year's first quarter", "last year's quarter"
    if (unit == "Y" && Is(j + 1, "'") && Is(j + 2, "s") && pub_) {
      size_t q = j + 3;
      const int ordinal = Has(q, kOrdinal) ? std::stoi(Get(q, kOrdinal)) : 0;
      if (ordinal) ++q;
      if (Is(q, "quarter") && ordinal <= 4 && (ordinal || seen_.quarter)) {
        const int year = pub_->year + n;
        const int quarter = ordinal ? ordinal : (seen_.quarter->month - 1) / 3 + 1;
        Match m = *Simple(q + 1, "DATE", std::to_string(year) + "-Q" + std::to_string(quarter));
        m.anchor = "publication";
        m.quarter = CivilDay{year, 3 * quarter - 2, 1};
        return m;
      }
    }
    // "earnings of $33 million last year", "the corresponding period last
    // year" in a quarterly report: the same quarter a year before, like "a
    // year earlier".
    if (unit == "Y" && n == -1 && !the && i > 0 && (IsAmount(i - 1) || Is(i - 1, "period"))) {
      return YearBefore(j + 1, n, false);
    }
    // "the latest quarter": the last one completed.
    return Relative(j + 1, grain, n, anaphoric, unit);
  }

  // A token that ends an amount of money or a count: "$33 million", "5 cents a share".
  bool IsAmount(size_t i) const {
    return IsNumber(i) || Is(i, "million") || Is(i, "billion") || Is(i, "share") || Is(i, "cents");
  }

  // "the weekend": the one nearest the publication day (the last one from
  // Monday to Wednesday, the coming one from Thursday); a clause that looks
  // back takes the last one, one that looks ahead the coming one. On a
  // Saturday or Sunday it is that weekend.
  std::optional<Match> Weekend(size_t end) const {
    if (!pub_) return Relative(end, Grain::kWeekend, 0, false, "WE");
    const int today = Weekday(*pub_);  // Monday = 1
    const bool back = today <= 5 && (past() || (!future() && today <= 3));
    return Relative(end, Grain::kWeekend, back ? -1 : 0, false, "WE");
  }

  // "the year" is the publication year; "the quarter" the one the article
  // named last, else the last completed one.
  std::optional<Match> BareUnit(size_t i) const {
    const bool quarter = Is(i, "quarter");
    // "the year 1998", "the year two thousand"
    if (!quarter) {
      std::optional<std::pair<int, size_t>> year = NumberWords(i + 1);
      if (IsNumber(i + 1) && t_[i + 1].low.size() == 4) year = std::make_pair(Int(i + 1), i + 2);
      if (year && year->first >= lex_.min_year && year->first <= lex_.max_year) {
        return PeriodMatch(year->second, {year->first, 1, 1}, Grain::kYear, "none");
      }
    }
    // "the year ended June 30" is a twelve-month span, not a calendar year
    // ("the quarter ended Sept. 30" is still the third quarter).
    if (!quarter && (Is(i + 1, "ended") || Is(i + 1, "ending"))) {
      return Simple(i + 1, "DURATION", "P1Y");
    }
    // In an article about a named quarter, "the quarter" is that one.
    if (quarter && seen_.quarter) {
      Match m = *Simple(i + 1, "DATE", Format(*seen_.quarter, Grain::kQuarter));
      m.anchor = "previous";
      return m;
    }
    return Relative(i + 1, quarter ? Grain::kQuarter : Grain::kYear, quarter ? -1 : 0, false,
                    quarter ? "Q" : "Y");
  }

  // "the third quarter", "third-quarter", "the first half", "the first nine months".
  std::optional<Match> OrdinalPeriod(size_t i, bool the) const {
    const int n = std::stoi(Get(i, kOrdinal));
    size_t j = SkipHyphen(i + 1);
    // "the third-quarter results": TimeBank leaves the article out of the adjective.
    if (the && j != i + 1) return std::nullopt;
    if (Has(j, kNumber) || IsNumber(j)) {
      const std::string count = IsNumber(j) ? std::to_string(Int(j)) : Get(j, kNumber);
      if (Has(j + 1, kUnit) && count != "X") {
        return Simple(j + 2, "DURATION", DurationValue(count, Get(j + 1, kUnit)));
      }
      return std::nullopt;
    }
    const bool quarter = Is(j, "quarter");
    const bool half = Is(j, "half");
    if (!(quarter && n <= 4) && !(half && n <= 2)) return std::nullopt;
    const char letter = quarter ? 'Q' : 'H';
    Match m;
    m.end = j + 1;
    if (!pub_) {
      m.value = std::string("XXXX-") + letter + std::to_string(n);
      return m;
    }
    m.anchor = "publication";
    const int current = quarter ? (pub_->month - 1) / 3 + 1 : (pub_->month - 1) / 6 + 1;
    int year = pub_->year;
    // A period that has not begun is last year's, unless the sentence looks ahead.
    if (n > current && !future()) --year;
    // "the third quarter of 1990"
    if (Is(j + 1, "of") && IsNumber(j + 2) && t_[j + 2].low.size() == 4) {
      year = Int(j + 2);
      m.end = j + 3;
      m.anchor = "none";
    }
    m.value = std::to_string(year) + "-" + letter + std::to_string(n);
    if (quarter) m.quarter = CivilDay{year, 3 * n - 2, 1};
    return m;
  }

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

}  // namespace

// ---------------------------------------------------------------- Tagger

Tagger::Tagger(std::unique_ptr<const Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Create(const Options& options, const DataFiles& data) {
  auto lexicon = std::make_unique<Lexicon>();
  lexicon->min_year = options.min_year;
  lexicon->max_year = options.max_year;
  SL_ASSIGN_OR_RETURN(std::string dates, data.Read(options.date_lexicon));
  SL_RETURN_IF_ERROR(lexicon->Load(options.date_lexicon, dates, /*shared=*/true));
  SL_ASSIGN_OR_RETURN(std::string words, data.Read(options.timex_lexicon));
  SL_RETURN_IF_ERROR(lexicon->Load(options.timex_lexicon, words, /*shared=*/false));
  return Tagger(std::move(lexicon));
}

std::vector<Timex> Tagger::Tag(std::string_view text, const std::vector<ByteSpan>& sentences,
                               std::optional<CivilDay> publication) const {
  std::vector<Timex> out;
  Discourse seen;
  seen.publication = publication;
  std::string lowered;
  for (uint32_t s = 0; s < sentences.size(); ++s) {
    seen.day_in_sentence = false;
    seen.months_in_sentence = false;
    const std::vector<Token> tokens = Scan(text, sentences[s], lowered, lexicon_.get());
    size_t i = 0;
    while (i < tokens.size()) {
      const SentenceTagger tagger(tokens, i, publication, seen, *lexicon_);
      std::optional<Match> match = tagger.At(i);
      if (!match || match->end <= i) {
        ++i;
        continue;
      }
      seen.Note(*match);
      Timex& timex = out.emplace_back();
      timex.sentence = s;
      timex.span = {tokens[i].begin, tokens[match->end - 1].end};
      timex.text = std::string(text.substr(timex.span.begin, timex.span.size()));
      timex.type = std::move(match->type);
      timex.value = std::move(match->value);
      timex.mod = std::move(match->mod);
      timex.anchor = std::move(match->anchor);
      i = match->end;
    }
  }
  return out;
}

// ---------------------------------------------------------------- publication inference

namespace {

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
