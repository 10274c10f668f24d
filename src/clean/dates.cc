#include "clean/dates.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <utility>

#include "clean/lines.h"
#include "core/tsv.h"

namespace storyline::clean {
namespace {

// A dateline is short: "Published: Wednesday, September 29, 2021 at 10:53 a.m. GMT"
// is 58 bytes. Longer lines are sentences and skip the tokenizer.
constexpr size_t kMaxDatelineBytes = 96;
// A leading date sits within the first words of the line.
constexpr size_t kLeadingDateScanBytes = 96;
// At most this many tokens (a place name, commas, a weekday) before a leading date.
constexpr size_t kMaxLeadingPrefixTokens = 8;
// Lexicon words are short; longer words cannot be in it.
constexpr size_t kMaxLexiconWordBytes = 31;
constexpr size_t kMaxTokens = 24;

enum class TokenKind {
  kNumber,   // digits, maybe with an ordinal suffix: "28", "28th"
  kMonth,    // a month name or abbreviation
  kWeekday,  // a weekday name or abbreviation
  kFiller,   // a time ("10:53", "4pm") or a stamp, meridiem or zone word
  kIsoDate,  // "2021-09-28", "2021/09/28", maybe with a time: "2021-09-28T10:53Z"
  kWord,     // any other word
  kComma,
  kBreak,  // a separator: - – — | / : . · • @
  kOpen,   // ( [
  kClose,  // ) ]
  kOther,  // anything else, e.g. quotes or an impossible ISO date
};

struct Token {
  TokenKind kind = TokenKind::kOther;
  std::string_view text;
  int value = 0;  // kNumber: the number (-1 when too long); kMonth: 1..12
  int digits = 0;
  bool ordinal = false;
  CivilDate iso;  // kIsoDate
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) {
  return static_cast<unsigned>((static_cast<unsigned char>(c) | 0x20) - 'a') < 26u;
}

// Non-ASCII characters that separate words in datelines; all other
// non-ASCII characters are read as letters.
constexpr std::pair<std::string_view, TokenKind> kUnicodePunctuation[] = {
    {"\xE2\x80\x93", TokenKind::kBreak},  // – en dash
    {"\xE2\x80\x94", TokenKind::kBreak},  // — em dash
    {"\xE2\x80\xA2", TokenKind::kBreak},  // • bullet
    {"\xC2\xB7", TokenKind::kBreak},      // · middle dot
    {"\xE2\x80\x98", TokenKind::kOther},  // ‘
    {"\xE2\x80\x99", TokenKind::kOther},  // ’
    {"\xE2\x80\x9C", TokenKind::kOther},  // “
    {"\xE2\x80\x9D", TokenKind::kOther},  // ”
    {"\xC2\xAB", TokenKind::kOther},      // «
    {"\xC2\xBB", TokenKind::kOther},      // »
};

// The punctuation character at text[i] and its kind; size 0 when text[i]
// starts a word, a number or a space.
std::pair<size_t, TokenKind> PunctuationAt(std::string_view text, size_t i) {
  const char c = text[i];
  if (static_cast<unsigned char>(c) >= 0x80) {
    for (const auto& [mark, kind] : kUnicodePunctuation) {
      if (text.substr(i, mark.size()) == mark) return {mark.size(), kind};
    }
    return {0, TokenKind::kOther};
  }
  if (IsDigit(c) || IsAsciiLetter(c)) return {0, TokenKind::kOther};
  switch (c) {
    case ',':
      return {1, TokenKind::kComma};
    case '(':
    case '[':
      return {1, TokenKind::kOpen};
    case ')':
    case ']':
      return {1, TokenKind::kClose};
    case '-':
    case '|':
    case '/':
    case ':':
    case '.':
    case '@':
      return {1, TokenKind::kBreak};
    default:
      return {1, TokenKind::kOther};
  }
}

// "st", "nd", "rd" or "th" in any case, as in "28th".
bool IsOrdinalSuffix(std::string_view suffix) {
  if (suffix.size() != 2) return false;
  const char a = static_cast<char>(suffix[0] | 0x20);
  const char b = static_cast<char>(suffix[1] | 0x20);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
         (a == 't' && b == 'h');
}

int ParseInt(std::string_view digits) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return error == std::errc() && end == digits.data() + digits.size() ? value : -1;
}

// Reads dates and times for one line; tokens are views into the line.
class Tokenizer {
 public:
  // With `only_date_parts`, tokenizing stops at the first token that cannot
  // be part of a dateline (a dateline parse needs no more).
  Tokenizer(std::string_view text, const DateLexicon& lexicon, bool only_date_parts)
      : text_(text), lexicon_(lexicon), only_date_parts_(only_date_parts) {}

  // Splits the text into at most kMaxTokens tokens. Returns false when the
  // text has more, or, with only_date_parts, has a token no dateline has.
  bool Run() {
    while (pos_ < text_.size()) {
      if (const size_t space = SpaceLengthAt(text_, pos_); space > 0) {
        pos_ += space;
        continue;
      }
      if (count_ == kMaxTokens) return false;
      ReadToken();
      const TokenKind last = tokens_[count_ - 1].kind;
      if (only_date_parts_ && (last == TokenKind::kWord || last == TokenKind::kOther)) {
        return false;
      }
    }
    return true;
  }

  const Token* begin() const { return tokens_; }
  size_t size() const { return count_; }

 private:
  // Reads the token at pos_ (not a space); adds exactly one token.
  void ReadToken() {
    if (IsDigit(text_[pos_])) {
      ReadNumber();
      return;
    }
    const auto [size, kind] = PunctuationAt(text_, pos_);
    if (size > 0) {
      Add(kind, pos_, pos_ + size);
      pos_ += size;
    } else {
      ReadWord();
    }
  }

  Token& Add(TokenKind kind, size_t begin, size_t end) {
    Token& token = tokens_[count_++];
    token.kind = kind;
    token.text = text_.substr(begin, end - begin);
    return token;
  }

  size_t DigitsFrom(size_t i) const {
    size_t end = i;
    while (end < text_.size() && IsDigit(text_[end])) ++end;
    return end - i;
  }

  size_t LettersFrom(size_t i) const {
    size_t end = i;
    while (end < text_.size() && IsAsciiLetter(text_[end])) ++end;
    return end - i;
  }

  void ReadNumber() {
    const size_t begin = pos_;
    const size_t digits = DigitsFrom(begin);
    size_t end = begin + digits;
    if (digits == 4 && TryIsoDate(begin)) return;
    if (digits <= 2 && end < text_.size() && text_[end] == ':' && DigitsFrom(end + 1) == 2) {
      ReadTime(begin);
      return;
    }
    const size_t letters = LettersFrom(end);
    const std::string_view suffix = text_.substr(end, letters);
    pos_ = end + letters;
    if (letters > 0 && lexicon_.Find(LexiconKind::kMeridiem, suffix)) {
      Add(TokenKind::kFiller, begin, pos_);  // "4pm"
    } else if (letters == 0 || IsOrdinalSuffix(suffix)) {
      Token& token = Add(TokenKind::kNumber, begin, pos_);  // "28", "28th"
      token.value = digits <= 9 ? ParseInt(text_.substr(begin, digits)) : -1;
      token.digits = static_cast<int>(digits);
      token.ordinal = letters > 0;
    } else {
      Add(TokenKind::kWord, begin, pos_);  // "5G", "3D"
    }
  }

  // "2021-09-28" or "2021/09/28", then an optional ISO time "T10:53:00.5+02:00".
  bool TryIsoDate(size_t begin) {
    const std::string_view rest = text_.substr(begin);
    if (rest.size() < 10) return false;
    const char sep = rest[4];
    if ((sep != '-' && sep != '/') || rest[7] != sep) return false;
    if (DigitsFrom(begin + 5) != 2 || DigitsFrom(begin + 8) != 2) return false;
    const CivilDate date{ParseInt(rest.substr(0, 4)), ParseInt(rest.substr(5, 2)),
                         ParseInt(rest.substr(8, 2))};
    size_t end = begin + 10;
    if (end + 1 < text_.size() && (text_[end] == 'T' || text_[end] == 't') &&
        IsDigit(text_[end + 1])) {
      ++end;
      while (end < text_.size() &&
             (IsDigit(text_[end]) || text_[end] == ':' || text_[end] == '.')) {
        ++end;
      }
      if (end < text_.size() && (text_[end] == 'Z' || text_[end] == 'z')) {
        ++end;
      } else if (end < text_.size() && (text_[end] == '+' || text_[end] == '-')) {
        ++end;
        while (end < text_.size() && (IsDigit(text_[end]) || text_[end] == ':')) ++end;
      }
    }
    pos_ = end;
    const bool valid = IsValidDate(date.year, date.month, date.day);
    Token& token = Add(valid ? TokenKind::kIsoDate : TokenKind::kOther, begin, end);
    token.iso = date;
    return true;
  }

  // "10:53" or "10:53:20"; an impossible time is not a dateline part.
  void ReadTime(size_t begin) {
    size_t end = begin + DigitsFrom(begin);
    const int hour = ParseInt(text_.substr(begin, end - begin));
    const int minute = ParseInt(text_.substr(end + 1, 2));
    end += 3;
    if (end < text_.size() && text_[end] == ':' && DigitsFrom(end + 1) == 2) {
      end += 3;
    }
    pos_ = end;
    const bool valid = hour >= 0 && hour <= 24 && minute >= 0 && minute < 60;
    Add(valid ? TokenKind::kFiller : TokenKind::kOther, begin, end);
  }

  // Letters, dots and apostrophes: "Sept.", "a.m.", "O'Neill", "Zürich".
  void ReadWord() {
    const size_t begin = pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (IsAsciiLetter(c) || c == '.' || c == '\'') {
        ++pos_;
      } else if (static_cast<unsigned char>(c) >= 0x80 && SpaceLengthAt(text_, pos_) == 0 &&
                 PunctuationAt(text_, pos_).first == 0) {
        ++pos_;
      } else {
        break;
      }
    }
    if (pos_ == begin) {  // a stray control byte or similar
      ++pos_;
      Add(TokenKind::kOther, begin, pos_);
      return;
    }
    const DateLexicon::Senses senses = lexicon_.Lookup(text_.substr(begin, pos_ - begin));
    if (senses.Has(LexiconKind::kMonth)) {
      Add(TokenKind::kMonth, begin, pos_).value =
          senses.values[static_cast<int>(LexiconKind::kMonth)];
    } else if (senses.Has(LexiconKind::kWeekday)) {
      Add(TokenKind::kWeekday, begin, pos_);
    } else if (senses.kinds != 0) {
      Add(TokenKind::kFiller, begin, pos_);  // stamp, meridiem or zone
    } else {
      Add(TokenKind::kWord, begin, pos_);
    }
  }

  std::string_view text_;
  const DateLexicon& lexicon_;
  const bool only_date_parts_;
  size_t pos_ = 0;
  Token tokens_[kMaxTokens];
  size_t count_ = 0;
};

bool IsCore(TokenKind kind) {
  return kind == TokenKind::kNumber || kind == TokenKind::kMonth || kind == TokenKind::kIsoDate;
}

struct DateMatch {
  CivilDate date;
  size_t end = 0;  // index of the token after the date
};

// A date starting at tokens[i]: an ISO date, "28 September 2021" or
// "September 28, 2021" (commas allowed between the parts).
std::optional<DateMatch> MatchDate(const Token* tokens, size_t count, size_t i) {
  if (i >= count) return std::nullopt;
  if (tokens[i].kind == TokenKind::kIsoDate) return DateMatch{tokens[i].iso, i + 1};
  const Token* parts[3];
  size_t j = i;
  for (const Token*& part : parts) {
    if (j > i) {
      while (j < count && tokens[j].kind == TokenKind::kComma) ++j;
    }
    if (j >= count) return std::nullopt;
    part = &tokens[j++];
  }
  const Token* day;
  const Token* month;
  if (parts[0]->kind == TokenKind::kNumber && parts[1]->kind == TokenKind::kMonth) {
    day = parts[0];
    month = parts[1];
  } else if (parts[0]->kind == TokenKind::kMonth && parts[1]->kind == TokenKind::kNumber) {
    month = parts[0];
    day = parts[1];
  } else {
    return std::nullopt;
  }
  const Token* year = parts[2];
  if (year->kind != TokenKind::kNumber || year->digits != 4 || year->ordinal || day->digits > 2) {
    return std::nullopt;
  }
  const CivilDate date{year->value, month->value, day->value};
  if (!IsValidDate(date.year, date.month, date.day)) return std::nullopt;
  return DateMatch{date, j};
}

bool IsDashOrColon(const Token& token) {
  return token.kind == TokenKind::kBreak && token.text != "." && token.text != "@";
}

bool StartsUpper(std::string_view word) {
  const unsigned char c = static_cast<unsigned char>(word[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Lower-cases ASCII letters and drops dots, into `buffer`. False when the
// word is too long to be a lexicon name.
bool LexiconKey(std::string_view word, char (&buffer)[kMaxLexiconWordBytes + 1], size_t* size) {
  size_t n = 0;
  for (char c : word) {
    if (c == '.') continue;
    if (n == kMaxLexiconWordBytes) return false;
    buffer[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  *size = n;
  return true;
}

struct KindName {
  std::string_view name;
  LexiconKind kind;
  int min;
  int max;
};
constexpr KindName kKinds[] = {
    {"month", LexiconKind::kMonth, 1, 12},       {"weekday", LexiconKind::kWeekday, 1, 7},
    {"meridiem", LexiconKind::kMeridiem, 0, 12}, {"zone", LexiconKind::kZone, -720, 840},
    {"stamp", LexiconKind::kStamp, 0, 0},
};

// Checks one lexicon row; an error message, or empty when the row is good.
std::string CheckLexiconRow(const KindName& kind, std::string_view name, std::string_view value,
                            int* parsed) {
  for (char c : name) {
    if (c == '.' || c == ' ' || (c >= 'A' && c <= 'Z')) {
      return "name must be one lower-case word without dots, got '" + std::string(name) + "'";
    }
  }
  if (name.empty() || name.size() > kMaxLexiconWordBytes) {
    return "name must be 1 to " + std::to_string(kMaxLexiconWordBytes) + " bytes";
  }
  if (kind.kind == LexiconKind::kStamp) {
    *parsed = 0;
    return value == "-" ? "" : "a stamp has the value '-', got '" + std::string(value) + "'";
  }
  if (kind.kind == LexiconKind::kMeridiem && value != "0" && value != "12") {
    return "a meridiem value is 0 or 12, got '" + std::string(value) + "'";
  }
  const std::string_view digits = value.starts_with('-') ? value.substr(1) : value;
  const int magnitude = ParseInt(digits);
  if (digits.empty() || magnitude < 0) {
    return "value must be an integer, got '" + std::string(value) + "'";
  }
  *parsed = value.starts_with('-') ? -magnitude : magnitude;
  if (*parsed < kind.min || *parsed > kind.max) {
    return std::string(kind.name) + " value must be " + std::to_string(kind.min) + ".." +
           std::to_string(kind.max) + ", got '" + std::string(value) + "'";
  }
  return "";
}

}  // namespace

std::string CivilDate::Iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool IsValidDate(int year, int month, int day) {
  return year >= kMinYear && year <= kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

Result<DateLexicon> DateLexicon::Parse(std::string_view file_name, std::string_view contents) {
  DateLexicon lexicon;
  std::map<std::pair<std::string, LexiconKind>, int> first_line;
  for (const TsvRow& row : SplitTsv(contents)) {
    const auto error = [&](const std::string& message) {
      return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(row.line) +
                                     ": " + message);
    };
    if (row.fields.size() != 3) {
      return error("expected 3 tab-separated fields (kind, name, value), got " +
                   std::to_string(row.fields.size()));
    }
    const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                   [&](const KindName& k) { return k.name == row.fields[0]; });
    if (kind == std::end(kKinds)) {
      return error("unknown kind '" + std::string(row.fields[0]) +
                   "' (expected month, weekday, meridiem, zone or stamp)");
    }
    int value = 0;
    if (std::string message = CheckLexiconRow(*kind, row.fields[1], row.fields[2], &value);
        !message.empty()) {
      return error(message);
    }
    const auto [it, inserted] =
        first_line.try_emplace({std::string(row.fields[1]), kind->kind}, row.line);
    if (!inserted) {
      return error("duplicate " + std::string(kind->name) + " '" + std::string(row.fields[1]) +
                   "' (first on line " + std::to_string(it->second) + ")");
    }
    lexicon.entries_.push_back({std::string(row.fields[1]), kind->kind, value});
  }
  std::sort(lexicon.entries_.begin(), lexicon.entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.name, a.kind) < std::tie(b.name, b.kind);
  });
  return lexicon;
}

DateLexicon::Senses DateLexicon::Lookup(std::string_view word) const {
  Senses senses;
  char buffer[kMaxLexiconWordBytes + 1];
  size_t size = 0;
  if (!LexiconKey(word, buffer, &size) || size == 0) return senses;
  const std::string_view key(buffer, size);
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const Entry& entry, std::string_view k) { return entry.name < k; });
  for (; it != entries_.end() && it->name == key; ++it) {
    senses.kinds |= 1u << static_cast<int>(it->kind);
    senses.values[static_cast<int>(it->kind)] = it->value;
  }
  return senses;
}

std::optional<int> DateLexicon::Find(LexiconKind kind, std::string_view word) const {
  const Senses senses = Lookup(word);
  if (!senses.Has(kind)) return std::nullopt;
  return senses.values[static_cast<int>(kind)];
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  text = TrimSpace(text);
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') {
    return std::nullopt;
  }
  const CivilDate date{ParseInt(text.substr(0, 4)), ParseInt(text.substr(5, 2)),
                       ParseInt(text.substr(8, 2))};
  if (!IsValidDate(date.year, date.month, date.day)) return std::nullopt;
  return date;
}

std::optional<CivilDate> ParseDateline(std::string_view line, const DateLexicon& lexicon) {
  if (line.size() > kMaxDatelineBytes || line.find_first_of("0123456789") == line.npos) {
    return std::nullopt;
  }
  Tokenizer tokenizer(line, lexicon, /*only_date_parts=*/true);
  if (!tokenizer.Run()) return std::nullopt;
  Token core[kMaxTokens];
  size_t count = 0;
  for (const Token* token = tokenizer.begin(); token != tokenizer.begin() + tokenizer.size();
       ++token) {
    if (IsCore(token->kind)) {
      core[count++] = *token;
    } else if (token->kind == TokenKind::kWord || token->kind == TokenKind::kOther) {
      return std::nullopt;
    }
  }
  const std::optional<DateMatch> match = MatchDate(core, count, 0);
  if (!match || match->end != count) return std::nullopt;
  return match->date;
}

std::optional<LeadingDate> ParseLeadingDate(std::string_view line, const DateLexicon& lexicon) {
  const bool truncated = line.size() > kLeadingDateScanBytes;
  const std::string_view scan = line.substr(0, kLeadingDateScanBytes);
  Tokenizer tokenizer(scan, lexicon, /*only_date_parts=*/false);
  const bool complete = tokenizer.Run() && !truncated;
  const Token* tokens = tokenizer.begin();
  const size_t count = tokenizer.size();
  for (size_t i = 0; i < count && i <= kMaxLeadingPrefixTokens; ++i) {
    const Token& token = tokens[i];
    if (IsCore(token.kind)) {
      const std::optional<DateMatch> match = MatchDate(tokens, count, i);
      if (!match) return std::nullopt;
      if (match->end < count) {
        const Token& next = tokens[match->end];
        if (next.kind != TokenKind::kOpen && !IsDashOrColon(next)) return std::nullopt;
      } else if (!complete) {
        return std::nullopt;  // the date may go on past the scanned bytes
      }
      const Token& last = tokens[match->end - 1];
      const size_t begin = token.text.data() - line.data();
      const size_t end = last.text.data() + last.text.size() - line.data();
      return LeadingDate{match->date, line.substr(begin, end - begin)};
    }
    const bool place_word = token.kind == TokenKind::kWord && StartsUpper(token.text);
    if (!place_word && token.kind != TokenKind::kWeekday && token.kind != TokenKind::kFiller &&
        token.kind != TokenKind::kComma && !IsDashOrColon(token)) {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace storyline::clean
