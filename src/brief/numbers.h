// numbers.h (internal to brief): the counts and amounts a sentence gives,
// each with what it counts, so that two reports of one thing can be checked
// for numbers that disagree ("12 people" / "15 people", "$2 billion" /
// "$3 billion"). The words are data (data/brief/numbers.en.tsv,
// docs/formats/brief-numbers.md); how they combine is code.
//
// Read: digits ("12", "1,500", "2.5") and number words ("twelve",
// "twenty-five"), either followed by multipliers ("2.5 million", "two
// hundred", "3bn"), with a currency before ("$2 billion") or a percent after
// ("52 percent", "52%"). Left out, as they are not counts: years (1900 to
// 2100 in four plain digits), dates and times (a calendar word beside the
// number, "10:30", "27/09", "2021-09-27"), ordinals and codes ("21st",
// "G7", "COVID-19"), and numbers after which no word says what they count
// ("12 of them", "between 3 and 5").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "core/tsv.h"

namespace storyline::brief {

// One count or amount and what it counts.
struct CountedNumber {
  double value = 0;  // 2500000 for "2.5 million"
  // What it counts, to compare across articles: the noun after it, lower
  // case and singular ("people", "soldier"); a currency ("$"); for a
  // percentage, "%" and the words on each side ("% inflation march").
  std::string key;
  // What it counts as written, for people: "soldiers"; empty for money and
  // percentages, whose amount says what it is ("$2 billion", "7 percent").
  std::string label;
  ByteSpan span;  // the amount as written, currency and percent included
};

inline constexpr std::string_view kNumbersFile = "brief/numbers.en.tsv";

class NumberWords {
 public:
  // InvalidArgument "line N: ..." for a row that is not KIND<TAB>FORMS with
  // a VALUE where the kind needs one, an unknown kind, or a form given twice.
  static Result<NumberWords> Parse(std::string_view contents);
  // The file compiled in (kNumbersFile), parsed once.
  static const NumberWords& Embedded();

  // The counts and amounts in text[span], in text order.
  std::vector<CountedNumber> Find(std::string_view text, ByteSpan span) const;

 private:
  friend class NumberReader;  // the reading rules, in numbers.cc

  Status AddRow(const TsvRow& row, std::unordered_set<std::string>& known);

  std::unordered_map<std::string, double> numbers_;
  // Forms matched against the text at a position, longest first.
  std::vector<std::pair<std::string, double>> multipliers_;
  std::vector<std::string> currencies_;
  std::vector<std::string> percents_;
  std::vector<std::string> calendar_;
  std::vector<std::string> function_;
};

}  // namespace storyline::brief
