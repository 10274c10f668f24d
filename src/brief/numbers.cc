#include "brief/numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "core/data_files.h"
#include "core/tsv.h"
#include "link/link.h"

namespace storyline::brief {
namespace {

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLetter(c) || IsDigit(c); }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = Lower(c);
  return lower;
}

bool IsAt(std::string_view text, size_t at, char c) { return at < text.size() && text[at] == c; }
bool IsDigitAt(std::string_view text, size_t at) { return at < text.size() && IsDigit(text[at]); }
bool IsLetterAt(std::string_view text, size_t at) { return at < text.size() && IsLetter(text[at]); }

size_t SkipSpaces(std::string_view text, size_t at) {
  while (IsAt(text, at, ' ')) ++at;
  return at;
}

size_t LettersEnd(std::string_view text, size_t at) {
  while (IsLetterAt(text, at)) ++at;
  return at;
}

// Whether `form` (lower case) stands in `text` at `at`, case aside, and ends
// a word there when it ends in a letter ("sept" is not "september").
bool FormMatches(std::string_view text, size_t at, std::string_view form) {
  if (text.size() - at < form.size()) return false;
  for (size_t i = 0; i < form.size(); ++i) {
    if (Lower(text[at + i]) != form[i]) return false;
  }
  return !IsLetter(form.back()) || !IsLetterAt(text, at + form.size());
}

// The length of the first of `forms` (longest first) at `at`; 0 when none.
size_t FormAt(std::string_view text, size_t at, const std::vector<std::string>& forms) {
  for (const std::string& form : forms) {
    if (FormMatches(text, at, form)) return form.size();
  }
  return 0;
}

// A noun as a key: normalised spelling, and singular by a plain "-s"
// ("soldiers" as "soldier"), so "one soldier" and "two soldiers" compare.
std::string SingularKey(std::string_view noun) {
  std::string key = link::NormalizeWord(noun);
  if (key.size() > 3 && key.ends_with('s') && !key.ends_with("ss")) key.pop_back();
  return key;
}

// FORMS of a row: separated by ", ".
std::vector<std::string> SplitForms(std::string_view forms) {
  std::vector<std::string> split;
  for (size_t start = 0; start <= forms.size();) {
    const size_t comma = std::min(forms.find(", ", start), forms.size());
    split.emplace_back(forms.substr(start, comma - start));
    start = comma + 2;
  }
  return split;
}

bool IsValidForm(const std::string& form) {
  return !form.empty() && form == Lowercase(form) && form.front() != ' ' && form.back() != ' ' &&
         form.find(',') == std::string::npos;
}

std::optional<double> PositiveNumber(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

void SortLongestFirst(std::vector<std::string>& forms) {
  std::stable_sort(forms.begin(), forms.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

}  // namespace

// The reading rules of numbers.h over one sentence: `text` ends with the
// sentence, so nothing after it is read.
class NumberReader {
 public:
  NumberReader(const NumberWords& words, std::string_view text, size_t sentence_begin)
      : words_(words), text_(text), sentence_begin_(sentence_begin) {}

  std::vector<CountedNumber> FindAll() const {
    std::vector<CountedNumber> found;
    size_t at = sentence_begin_;
    while (at < text_.size()) {
      const bool token_start = at == 0 || !IsAlnum(text_[at - 1]);
      std::optional<Amount> amount = token_start ? ReadAmount(at) : std::nullopt;
      if (!amount) {
        at = IsAlnum(text_[at]) ? AlnumEnd(at) : at + 1;
        continue;
      }
      if (std::optional<CountedNumber> counted = Counted(*amount)) found.push_back(*counted);
      at = amount->end;
    }
    return found;
  }

 private:
  // A number as written, before what it counts is read.
  struct Amount {
    double value = 0;
    size_t begin = 0;        // its first digit or word
    size_t end = 0;          // after its last digit, word or multiplier
    bool year_like = false;  // four plain digits from 1900 to 2100
    bool count = true;       // false: part of a date, a time, a range, a code or an ordinal
  };

  size_t AlnumEnd(size_t at) const {
    while (at < text_.size() && IsAlnum(text_[at])) ++at;
    return at;
  }

  std::optional<Amount> ReadAmount(size_t at) const {
    std::optional<Amount> amount = IsDigit(text_[at]) ? ReadDigits(at) : ReadNumberWords(at);
    if (amount) ReadMultipliers(*amount);
    return amount;
  }

  // "12", "1,500", "2.5", "3bn"; marked as no count when glued to a word or
  // another number ("COVID-19", "21st", "10:30", "2021-09-27", "5-10").
  std::optional<Amount> ReadDigits(size_t at) const {
    Amount amount;
    amount.begin = at;
    std::string digits;
    size_t end = at;
    while (IsDigitAt(text_, end)) digits += text_[end++];
    const bool plain_four = end - at == 4;
    bool plain = true;
    // Thousands separators: a comma before exactly three digits.
    while (IsAt(text_, end, ',') && IsDigitAt(text_, end + 3) && !IsDigitAt(text_, end + 4) &&
           IsDigitAt(text_, end + 1) && IsDigitAt(text_, end + 2)) {
      digits.append(text_.substr(end + 1, 3));
      end += 4;
      plain = false;
    }
    if (IsAt(text_, end, '.') && IsDigitAt(text_, end + 1)) {
      digits += text_[end++];
      while (IsDigitAt(text_, end)) digits += text_[end++];
      plain = false;
    }
    amount.value = std::strtod(digits.c_str(), nullptr);
    amount.year_like = plain && plain_four && amount.value >= 1900 && amount.value <= 2100;
    amount.end = end;
    amount.count = !GluedBefore(at) && !GluedAfter(amount);
    return amount;
  }

  // A joiner between the number and a word or number before it: "COVID-19",
  // "10:30", "27/09".
  bool GluedBefore(size_t at) const {
    if (at < 2 || !IsAlnum(text_[at - 2])) return false;
    const char joiner = text_[at - 1];
    return joiner == '-' || joiner == '/' || joiner == ':' || joiner == '.';
  }

  // Letters right after the digits are a multiplier ("3bn") or make it no
  // count ("21st", "5G"); a joiner before digits makes a date, time or range.
  bool GluedAfter(Amount& amount) const {
    const size_t end = amount.end;
    if (IsLetterAt(text_, end)) {
      const size_t letters = LettersEnd(text_, end);
      for (const auto& [form, value] : words_.multipliers_) {
        if (form.size() == letters - end && FormMatches(text_, end, form)) {
          amount.value *= value;
          amount.year_like = false;
          amount.end = letters;
          return false;
        }
      }
      return true;
    }
    const bool joiner = IsAt(text_, end, '-') || IsAt(text_, end, '/') || IsAt(text_, end, ':');
    return joiner && IsDigitAt(text_, end + 1);
  }

  // "twelve", "Twenty-five", "forty two".
  std::optional<Amount> ReadNumberWords(size_t at) const {
    std::optional<double> value = NumberWordAt(at);
    if (!value) return std::nullopt;
    Amount amount;
    amount.value = *value;
    amount.begin = at;
    amount.end = LettersEnd(text_, at);
    const bool tens = amount.value >= 20 && std::fmod(amount.value, 10) == 0;
    if (tens && (IsAt(text_, amount.end, '-') || IsAt(text_, amount.end, ' '))) {
      const std::optional<double> unit = NumberWordAt(amount.end + 1);
      if (unit && *unit < 10) {
        amount.value += *unit;
        amount.end = LettersEnd(text_, amount.end + 1);
      }
    }
    return amount;
  }

  std::optional<double> NumberWordAt(size_t at) const {
    const std::string word = Lowercase(text_.substr(at, LettersEnd(text_, at) - at));
    const auto it = words_.numbers_.find(word);
    if (it == words_.numbers_.end()) return std::nullopt;
    return it->second;
  }

  // "2.5 million", "two hundred thousand".
  void ReadMultipliers(Amount& amount) const {
    for (;;) {
      const size_t at = SkipSpaces(text_, amount.end);
      const auto multiplier = std::find_if(
          words_.multipliers_.begin(), words_.multipliers_.end(),
          [&](const auto& form_value) { return FormMatches(text_, at, form_value.first); });
      if (multiplier == words_.multipliers_.end()) return;
      amount.value *= multiplier->second;
      amount.year_like = false;
      amount.end = at + multiplier->first.size();
    }
  }

  std::optional<CountedNumber> Counted(const Amount& amount) const {
    if (!amount.count || IsDate(amount)) return std::nullopt;
    CountedNumber counted;
    counted.value = amount.value;
    counted.span = {static_cast<uint32_t>(amount.begin), static_cast<uint32_t>(amount.end)};
    if (const size_t currency = CurrencyBefore(amount.begin)) {
      counted.key = Lowercase(text_.substr(amount.begin - currency, currency));
      counted.span.begin -= static_cast<uint32_t>(currency);
      return counted;
    }
    const size_t after = SkipSpaces(text_, amount.end);
    if (const size_t percent = FormAt(text_, after, words_.percents_)) {
      counted.span.end = static_cast<uint32_t>(after + percent);
      return Percentage(counted, amount.begin, after + percent);
    }
    if (amount.year_like) return std::nullopt;
    return Noun(counted, amount.end);
  }

  size_t CurrencyBefore(size_t at) const {
    for (const std::string& form : words_.currencies_) {
      if (at >= form.size() && FormMatches(text_, at - form.size(), form)) return form.size();
    }
    return 0;
  }

  // A calendar word right after the number ("27 September", "10 am") or
  // right before it ("September 27").
  bool IsDate(const Amount& amount) const {
    if (FormAt(text_, SkipSpaces(text_, amount.end), words_.calendar_) > 0) return true;
    size_t end = amount.begin;
    while (end > sentence_begin_ && text_[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > sentence_begin_ && IsLetter(text_[begin - 1])) --begin;
    return begin < end && FormAt(text_, begin, words_.calendar_) == end - begin;
  }

  // The word right after the amount ("12 people", "a 12-year-old"), unless
  // it is a function or calendar word, or none follows.
  std::optional<CountedNumber> Noun(CountedNumber counted, size_t end) const {
    size_t at = SkipSpaces(text_, end);
    if (at == end && IsAt(text_, at, '-')) ++at;
    const size_t noun_end = LettersEnd(text_, at);
    if (noun_end == at || FormAt(text_, at, words_.function_) == noun_end - at) return std::nullopt;
    counted.label = std::string(text_.substr(at, noun_end - at));
    counted.key = SingularKey(counted.label);
    return counted;
  }

  // A percentage is of something named around it, not after it: "inflation
  // was 7 percent in March", "30 percent of the vote". The content words on
  // both sides make its key, so percentages of different things differ.
  std::optional<CountedNumber> Percentage(CountedNumber counted, size_t begin, size_t end) const {
    counted.key =
        "% " + Lowercase(ContentWordBefore(begin)) + " " + Lowercase(ContentWordAfter(end));
    return counted;
  }

  std::string_view ContentWordBefore(size_t at) const {
    while (at > sentence_begin_) {
      const size_t end = at;
      size_t begin = end;
      while (begin > sentence_begin_ && IsLetter(text_[begin - 1])) --begin;
      if (begin < end && FormAt(text_, begin, words_.function_) != end - begin) {
        return text_.substr(begin, end - begin);
      }
      at = begin == end ? begin - 1 : begin;
    }
    return {};
  }

  std::string_view ContentWordAfter(size_t at) const {
    while (at < text_.size()) {
      const size_t end = LettersEnd(text_, at);
      if (end > at && FormAt(text_, at, words_.function_) != end - at) {
        return text_.substr(at, end - at);
      }
      at = end == at ? at + 1 : end;
    }
    return {};
  }

  const NumberWords& words_;
  std::string_view text_;
  size_t sentence_begin_;
};

Result<NumberWords> NumberWords::Parse(std::string_view contents) {
  NumberWords words;
  std::unordered_set<std::string> known;
  for (const TsvRow& row : SplitTsv(contents)) {
    const Status added = words.AddRow(row, known);
    if (!added.ok()) {
      return Status::InvalidArgument("line " + std::to_string(row.line) + ": " + added.message());
    }
  }
  for (auto* forms : {&words.currencies_, &words.percents_, &words.calendar_, &words.function_}) {
    SortLongestFirst(*forms);
  }
  std::stable_sort(words.multipliers_.begin(), words.multipliers_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  return words;
}

Status NumberWords::AddRow(const TsvRow& row, std::unordered_set<std::string>& known) {
  const std::string_view kind = row.fields[0];
  const bool valued = kind == "number" || kind == "multiplier";
  std::vector<std::string>* list = kind == "currency"   ? &currencies_
                                   : kind == "percent"  ? &percents_
                                   : kind == "calendar" ? &calendar_
                                   : kind == "function" ? &function_
                                                        : nullptr;
  if (list == nullptr && !valued) {
    return Status::InvalidArgument("unknown kind '" + std::string(kind) + "'");
  }
  if (row.fields.size() != (valued ? 3u : 2u)) {
    return Status::InvalidArgument(std::string("expected ") +
                                   (valued ? "KIND, FORMS, VALUE" : "KIND, FORMS") +
                                   " separated by tabs");
  }
  const std::optional<double> value = valued ? PositiveNumber(row.fields[2]) : 0.0;
  if (!value) {
    return Status::InvalidArgument("expected a positive number, got '" +
                                   std::string(row.fields[2]) + "'");
  }
  for (const std::string& form : SplitForms(row.fields[1])) {
    if (!IsValidForm(form)) {
      return Status::InvalidArgument(
          "a form must be lower case, without a comma or outer spaces, got '" + form + "'");
    }
    if (!known.insert(form).second) return Status::InvalidArgument("'" + form + "' given twice");
    if (kind == "number") {
      numbers_[form] = *value;
    } else if (kind == "multiplier") {
      multipliers_.emplace_back(form, *value);
    } else {
      list->push_back(form);
    }
  }
  return Status::Ok();
}

const NumberWords& NumberWords::Embedded() {
  static const NumberWords kEmbedded = [] {
    Result<std::string> contents = DataFiles{}.Read(kNumbersFile);
    Result<NumberWords> parsed = Parse(contents.ok() ? *contents : "");
    if (!contents.ok() || !parsed.ok()) {
      // Compiled in and checked by brief_tests: reaching this is a build error.
      std::fprintf(stderr, "storyline: embedded data/%s: %s\n", std::string(kNumbersFile).c_str(),
                   (contents.ok() ? parsed.status() : contents.status()).ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return kEmbedded;
}

std::vector<CountedNumber> NumberWords::Find(std::string_view text, ByteSpan span) const {
  if (span.end > text.size() || span.begin >= span.end) return {};
  return NumberReader(*this, text.substr(0, span.end), span.begin).FindAll();
}

}  // namespace storyline::brief
