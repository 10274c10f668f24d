#include "html/metadata.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <re2/re2.h>
#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/data_files.h"
#include "html/dom.h"

namespace storyline::html {
namespace {

constexpr int kMaxJsonDepth = 32;
constexpr size_t kMaxNameBytes = 80;
constexpr size_t kMaxNameWords = 8;
constexpr size_t kMaxSnippetBytes = 300;  // text read from a byline or date element
constexpr int kMaxElementReads = 100;     // such elements read per page, of each kind
constexpr int kMinYear = 1995;
constexpr int kMaxHeadings = 12;
constexpr size_t kMaxPageText = 200000;  // page text kept for written-out dates
constexpr size_t kMaxTextDates = 64;     // dates of the page text looked at for a stamp word
constexpr size_t kAfterHeadline = 1500;  // text after the headline searched for a date
constexpr size_t kBeforeHeadline = 300;  // and before it
constexpr long kShownDateSlack =
    7;  // days a shown date may differ from markup       // <h1> and <h2> read per page

// Ranks: lower is more trusted. Within a rank, page order decides.
namespace rank {
constexpr int kJsonArticle = 10;
constexpr int kJsonPage = 14;
constexpr int kJsonOther = 16;
constexpr int kMetaStrong = 20;
constexpr int kMetaWeak = 25;
constexpr int kItemprop = 30;
constexpr int kUrl = 35;
constexpr int kTimeInContext = 40;
constexpr int kByline = 45;
constexpr int kStampedDate = 46;
constexpr int kTextDate = 47;
constexpr int kNearHeadline = 48;
constexpr int kMetaDateWeak = 49;  // <meta name="date"> and the like
constexpr int kBeforeHeadline = 51;
constexpr int kFirstTextDate = 53;
constexpr int kAnyTime = 50;
constexpr int kJsonPageTitle = 55;
constexpr int kTitleTag = 60;
constexpr int kHeading = 70;
constexpr int kJsonWebSite = 40;
constexpr int kSiteAsAuthor = 100;  // added to an author that is the site's name
}  // namespace rank

const std::array<std::string_view, 7> kFieldOrder = {
    "title", "published", "modified", "author", "site_name", "canonical_url", "language"};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  for (std::string_view needle : needles) {
    if (Contains(haystack, needle)) return true;
  }
  return false;
}

std::string Collapse(std::string_view text) {
  std::string out;
  AppendCollapsed(text, out);
  return std::string(Trim(out));
}

// The text under `node`, collapsed, stopping once it is longer than `limit`.
std::string BoundedText(const xmlNode& node, size_t limit) {
  std::string out;
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      descend = NameOf(*at) != "script" && NameOf(*at) != "style";
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  return std::string(Trim(out));
}

// A kicker or roof line above a headline, inside the heading element.
bool IsKicker(const xmlNode& node) {
  if (NameOf(node) == "small") return true;
  std::string class_name(AttributeOf(node, "class"));
  for (char& c : class_name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view cue : {"kicker", "dachzeile", "roofline", "topline", "toptitle", "overline",
                               "eyebrow", "subheadline", "topic-label", "h1small", "spitzmarke"}) {
    if (class_name.find(cue) != std::string::npos) return true;
  }
  return false;
}

// The text of a heading without kickers, scripts and styles; block children
// are separated by a space.
std::string HeadingText(const xmlNode& node, size_t limit) {
  std::string out;
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      const std::string_view name = NameOf(*at);
      descend = at == &node || (name != "script" && name != "style" && !IsKicker(*at));
      if (at != &node && (name == "br" || name == "div" || name == "p") && !out.empty() &&
          out.back() != ' ')
        out.push_back(' ');
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  // What separated a removed kicker from the headline: "Kicker: Headline".
  std::string_view text = Trim(out);
  for (bool again = true; again;) {
    again = false;
    for (std::string_view separator : {":", "-", "–", "—", "|", "·", "•"}) {
      if (text.substr(0, separator.size()) == separator) {
        text = Trim(text.substr(separator.size()));
        again = true;
      }
    }
  }
  return std::string(text);
}

// The text under `node` with a space at every element boundary (bylines
// put names and labels in separate elements), bounded as BoundedText.
std::string SpacedText(const xmlNode& node, size_t limit) {
  std::string out;
  const xmlNode* at = &node;
  while (at && out.size() <= limit) {
    bool descend = true;
    if (IsElement(*at)) {
      descend = NameOf(*at) != "script" && NameOf(*at) != "style";
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else if ((at->type == XML_TEXT_NODE || at->type == XML_CDATA_SECTION_NODE) && at->content) {
      AppendCollapsed(reinterpret_cast<const char*>(at->content), out);
    }
    at = NextInWalk(at, &node, descend);
  }
  return std::string(Trim(out));
}

void AppendUtf8(uint32_t code, std::string& out) {
  if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) code = 0xFFFD;
  if (code < 0x80) {
    out.push_back(static_cast<char>(code));
  } else if (code < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code >> 6)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else if (code < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
  }
}

// HTML character references in `text` decoded ("&oacute;", "&#039;"): JSON-LD
// strings often carry them, escaped once more than the markup around them.
std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t at = 0; at < text.size(); ++at) {
    const size_t end = text[at] == '&' ? text.find(';', at) : std::string_view::npos;
    if (end == std::string_view::npos || end - at > 12 || end == at + 1) {
      out.push_back(text[at]);
      continue;
    }
    const std::string name(text.substr(at + 1, end - at - 1));
    uint32_t code = 0;
    if (name[0] == '#') {
      const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      const std::string digits = name.substr(hex ? 2 : 1);
      char* stop = nullptr;
      const unsigned long value = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
      if (!digits.empty() && stop && *stop == '\0') code = static_cast<uint32_t>(value);
    } else if (const htmlEntityDesc* entity =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      code = entity->value;
    }
    if (code == 0) {
      out.push_back(text[at]);
      continue;
    }
    AppendUtf8(code, out);
    at = end;
  }
  return out;
}

std::string Shorten(std::string_view text, size_t limit = 40) {
  if (text.size() <= limit) return std::string(text);
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// ---------------------------------------------------------------------------
// Dates.

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool IsValidDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  int days = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  return day <= days;
}

std::string FormatDate(int year, int month, int day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` digits at `at`; advances it.
bool ReadDigits(std::string_view text, size_t& at, size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (size_t i = 0; i < count; ++i) {
    if (!IsDigit(text[at + i])) return false;
    value = value * 10 + (text[at + i] - '0');
  }
  at += count;
  return true;
}

// 1 or 2 digits.
bool ReadShort(std::string_view text, size_t& at, int& value) {
  if (at < text.size() && IsDigit(text[at]) && at + 1 < text.size() && IsDigit(text[at + 1]))
    return ReadDigits(text, at, 2, value);
  return ReadDigits(text, at, 1, value);
}

// "2021-09-28", "2021/09/28", "20210928", with an optional time
// "T10:53[:00[.000]][Z|+02:00|+0200]". nullopt when `text` does not start so.
std::optional<std::string> ParseIsoLike(std::string_view text) {
  size_t at = 0;
  int year = 0, month = 0, day = 0;
  if (!ReadDigits(text, at, 4, year)) return std::nullopt;
  if (at < text.size() && (text[at] == '-' || text[at] == '/' || text[at] == '.')) {
    const char separator = text[at++];
    if (!ReadShort(text, at, month)) return std::nullopt;
    if (at >= text.size() || text[at] != separator) return std::nullopt;
    ++at;
    if (!ReadShort(text, at, day)) return std::nullopt;
  } else {
    if (!ReadDigits(text, at, 2, month) || !ReadDigits(text, at, 2, day)) return std::nullopt;
  }
  if (at < text.size() && IsDigit(text[at])) return std::nullopt;
  if (!IsValidDate(year, month, day)) return std::nullopt;
  std::string date = FormatDate(year, month, day);
  // Time of day.
  if (at + 5 < text.size() + 0 && (text[at] == 'T' || text[at] == ' ')) {
    size_t t = at + 1;
    int hour = 0, minute = 0, second = 0;
    if (!ReadDigits(text, t, 2, hour) || t >= text.size() || text[t] != ':' ||
        !ReadDigits(text, ++t, 2, minute))
      return date;
    if (t < text.size() && text[t] == ':' && !ReadDigits(text, ++t, 2, second)) return date;
    if (hour > 23 || minute > 59 || second > 60) return date;
    if (t < text.size() && text[t] == '.') {
      ++t;
      while (t < text.size() && IsDigit(text[t])) ++t;
    }
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d:%02d", hour, minute, second);
    date += buffer;
    while (t < text.size() && text[t] == ' ') ++t;
    if (t < text.size() && text[t] == 'Z') {
      date += "+00:00";
    } else if (t < text.size() && (text[t] == '+' || text[t] == '-')) {
      const char sign = text[t++];
      int zone_hour = 0, zone_minute = 0;
      if (ReadDigits(text, t, 2, zone_hour)) {
        if (t < text.size() && text[t] == ':') ++t;
        if (!ReadDigits(text, t, 2, zone_minute)) zone_minute = 0;
        if (zone_hour <= 14 && zone_minute <= 59) {
          std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", sign, zone_hour, zone_minute);
          date += buffer;
        }
      }
    }
  }
  return date;
}

std::array<std::string_view, 4> Views(const std::array<re2::StringPiece, 4>& pieces) {
  std::array<std::string_view, 4> views;
  for (size_t i = 0; i < pieces.size(); ++i)
    views[i] = std::string_view(pieces[i].data(), pieces[i].size());
  return views;
}

int YearOf(std::string_view date) { return std::atoi(std::string(date.substr(0, 4)).c_str()); }

std::optional<int> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Days since 1970-01-01 of an ISO date's first 10 characters.
std::optional<long> DayNumber(std::string_view date) {
  if (date.size() < 10) return std::nullopt;
  std::optional<int> y = ParseNumber(date.substr(0, 4)), m = ParseNumber(date.substr(5, 2)),
                     d = ParseNumber(date.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  long year = *y - (*m <= 2 ? 1 : 0);
  const long era = year / 400;
  const long year_of_era = year - era * 400;
  const long day_of_year = (153 * (*m + (*m > 2 ? -3 : 9)) + 2) / 5 + *d - 1;
  const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

}  // namespace

// ---------------------------------------------------------------------------
// DateWords.

struct DateWords::Patterns {
  std::unordered_map<std::string, int> months;
  std::unordered_map<std::string, int> stamps;
  std::unique_ptr<RE2>
      day_month_year;  // "3. März 2020", "3rd of March, 2020", "3 de marzo de 2020"
  std::unique_ptr<RE2> month_day_year;  // "March 3, 2020"
  std::unique_ptr<RE2> dotted;          // "03.03.2020"
  std::unique_ptr<RE2> slashed;         // "03/03/2020"
  std::unique_ptr<RE2> iso;             // "2020-03-03", "2020/03/03"
};

namespace {

std::string MonthKey(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c == '.') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  // Upper-case umlauts and accents of the listed names ("MÄRZ", "DÉC").
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kUpper = {
      {{"\xC3\x84", "\xC3\xA4"},
       {"\xC3\x89", "\xC3\xA9"},
       {"\xC3\x96", "\xC3\xB6"},
       {"\xC3\x9C", "\xC3\xBC"},
       {"\xC3\x9B", "\xC3\xBB"},
       {"\xC3\x82", "\xC3\xA2"}}};
  for (const auto& [from, to] : kUpper) {
    for (size_t at = key.find(from); at != std::string::npos; at = key.find(from, at)) {
      key.replace(at, from.size(), to);
    }
  }
  return key;
}

}  // namespace

Result<DateWords> DateWords::Parse(std::string_view file_name, std::string_view contents) {
  auto patterns = std::make_unique<Patterns>();
  int line_number = 0;
  size_t start = 0;
  while (start < contents.size()) {
    size_t end = contents.find('\n', start);
    if (end == std::string_view::npos) end = contents.size();
    std::string_view line = contents.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    auto error = [&](std::string_view message) {
      return Status::InvalidArgument(std::string(file_name) + ":" + std::to_string(line_number) +
                                     ": " + std::string(message));
    };
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos || line.find('\t', tab2 + 1) != std::string_view::npos)
      return error("expected KIND<TAB>NAME<TAB>VALUE");
    const std::string_view kind = line.substr(0, tab1);
    if (kind != "month" && kind != "stamp") return error("kind must be \"month\" or \"stamp\"");
    std::string_view name = line.substr(tab1 + 1, tab2 - tab1 - 1);
    if (name.empty() || name.size() > 31 || Contains(name, ".") || Contains(name, " "))
      return error("name must be one word without dots, at most 31 bytes");
    if (MonthKey(name) != name) return error("name must be lower case");
    if (kind == "stamp") {
      if (line.substr(tab2 + 1) != "-") return error("a stamp's value must be \"-\"");
      if (!patterns->stamps.emplace(std::string(name), 0).second)
        return error("stamp listed twice: " + std::string(name));
      continue;
    }
    std::optional<int> value = ParseNumber(line.substr(tab2 + 1));
    if (!value || *value < 1 || *value > 12) return error("month number must be 1-12");
    if (!patterns->months.emplace(std::string(name), *value).second)
      return error("month name listed twice: " + std::string(name));
  }
  if (patterns->months.empty()) {
    return Status::InvalidArgument(std::string(file_name) + ": no month names");
  }
  // Longest names first, so "march" is tried before "mar".
  std::vector<std::string> names;
  for (const auto& [name, number] : patterns->months) names.push_back(RE2::QuoteMeta(name));
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  std::string alternation;
  for (const std::string& name : names) {
    if (!alternation.empty()) alternation += '|';
    alternation += name;
  }
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  const std::string before = R"((?:^|[^\pL\pN]))";
  const std::string after_word = R"((?:$|[^\pL]))";
  const std::string after_number = R"((?:$|[^\pN]))";
  patterns->day_month_year =
      std::make_unique<RE2>(before + R"((\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:of\s+|de\s+)?()" +
                                alternation + R"()\.?,?\s*(?:de\s+)?(\d{4}))" + after_number,
                            options);
  patterns->month_day_year =
      std::make_unique<RE2>(before + "(" + alternation +
                                R"()\.?\s*(\d{1,2})(?:st|nd|rd|th)?\.?,?\s*(\d{4}))" + after_number,
                            options);
  patterns->dotted = std::make_unique<RE2>(
      R"((?:^|[^\pN.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}))" + after_number, options);
  patterns->slashed =
      std::make_unique<RE2>(R"((?:^|[^\pN/])(\d{1,2})/(\d{1,2})/(\d{4}))" + after_number, options);
  patterns->iso = std::make_unique<RE2>(
      R"((?:^|[^\pN])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2}))" + after_number, options);
  for (const RE2* re : {patterns->day_month_year.get(), patterns->month_day_year.get(),
                        patterns->dotted.get(), patterns->slashed.get(), patterns->iso.get()}) {
    if (!re->ok()) return Status::InvalidArgument(std::string(file_name) + ": " + re->error());
  }
  (void)after_word;
  return DateWords(std::move(patterns));
}

const DateWords& DateWords::Default() {
  static const DateWords* words = [] {
    Result<std::string> contents = DataFiles().Read("html/months.tsv");
    Result<DateWords> parsed = contents.ok() ? DateWords::Parse("html/months.tsv", *contents)
                                             : DateWords::Parse("html/months.tsv", "");
    if (!parsed.ok()) {
      parsed = DateWords::Parse("builtin", "month\tjanuary\t1\n");
    }
    return new DateWords(std::move(*parsed));
  }();
  return *words;
}

namespace {

enum class DateOrder { kDmy, kMdy, kYmd };

struct DatePattern {
  const RE2* re;
  DateOrder order;
  bool month_name;
};

}  // namespace

// The first valid date that `pattern` finds in `text` at or after `from`.
std::optional<DateWords::Found> DateWords::NextDate(const void* pattern_pointer,
                                                    std::string_view text, size_t from,
                                                    bool slash_month_first) const {
  const DatePattern& pattern = *static_cast<const DatePattern*>(pattern_pointer);
  while (from < text.size()) {
    std::array<re2::StringPiece, 4> pieces;
    if (!pattern.re->Match(text, from, text.size(), RE2::UNANCHORED, pieces.data(), 4)) break;
    const auto groups = Views(pieces);
    const size_t offset = static_cast<size_t>(groups[1].data() - text.data());
    from = static_cast<size_t>(groups[0].data() - text.data()) + 1;
    int year = 0, month = 0, day = 0;
    auto number = [](std::string_view digits) { return ParseNumber(digits).value_or(0); };
    if (pattern.order == DateOrder::kYmd) {
      year = number(groups[1]);
      month = number(groups[2]);
      day = number(groups[3]);
    } else if (pattern.month_name) {
      std::string_view name = pattern.order == DateOrder::kDmy ? groups[2] : groups[1];
      auto found = patterns_->months.find(MonthKey(name));
      if (found == patterns_->months.end()) continue;
      month = found->second;
      day = number(pattern.order == DateOrder::kDmy ? groups[1] : groups[2]);
      year = number(groups[3]);
    } else {
      int first = number(groups[1]), second = number(groups[2]);
      year = number(groups[3]);
      // "/" is month first (US) unless the caller says otherwise or the
      // first number cannot be a month.
      if (pattern.order == DateOrder::kMdy && slash_month_first && first <= 12) {
        month = first;
        day = second;
      } else {
        day = first;
        month = second;
      }
    }
    if (!IsValidDate(year, month, day)) continue;
    return Found{FormatDate(year, month, day), offset};
  }
  return std::nullopt;
}

std::vector<DateWords::Found> DateWords::FindDates(std::string_view text, size_t limit,
                                                   bool slash_month_first) const {
  const std::array<DatePattern, 5> patterns = {
      {{patterns_->day_month_year.get(), DateOrder::kDmy, true},
       {patterns_->month_day_year.get(), DateOrder::kMdy, true},
       {patterns_->dotted.get(), DateOrder::kDmy, false},
       {patterns_->slashed.get(), DateOrder::kMdy, false},
       {patterns_->iso.get(), DateOrder::kYmd, false}}};
  // Each pattern keeps its next match, so the text is scanned about once
  // per pattern however many dates it holds.
  std::array<std::optional<Found>, patterns.size()> next;
  for (size_t i = 0; i < patterns.size(); ++i) {
    next[i] = NextDate(&patterns[i], text, 0, slash_month_first);
  }
  std::vector<Found> dates;
  while (dates.size() < limit) {
    std::optional<size_t> first;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (next[i] && (!first || next[i]->offset < next[*first]->offset)) first = i;
    }
    if (!first) break;
    dates.push_back(*next[*first]);
    const size_t after = dates.back().offset + 1;
    for (size_t i = 0; i < patterns.size(); ++i) {
      if (next[i] && next[i]->offset < after) {
        next[i] = NextDate(&patterns[i], text, after, slash_month_first);
      }
    }
  }
  return dates;
}

std::optional<DateWords::Found> DateWords::FindDate(std::string_view text,
                                                    bool slash_month_first) const {
  std::vector<Found> dates = FindDates(text, 1, slash_month_first);
  if (dates.empty()) return std::nullopt;
  return dates.front();
}

bool DateWords::IsStamp(std::string_view word) const {
  return patterns_->stamps.count(MonthKey(word)) > 0;
}

std::optional<std::string> DateWords::StampBefore(std::string_view text, size_t offset) const {
  constexpr size_t kWindow = 40;
  size_t start = offset > kWindow ? offset - kWindow : 0;
  while (start > 0 && start < offset && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  std::string_view window = text.substr(start, offset - start);
  size_t at = 0;
  while (at < window.size()) {
    auto is_letter = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             static_cast<unsigned char>(c) >= 0x80;
    };
    if (!is_letter(window[at])) {
      ++at;
      continue;
    }
    size_t end = at;
    while (end < window.size() && is_letter(window[end])) ++end;
    std::string_view word = window.substr(at, end - at);
    if (patterns_->stamps.count(MonthKey(word))) return std::string(word);
    at = end;
  }
  return std::nullopt;
}

DateWords::DateWords(std::unique_ptr<const Patterns> patterns) : patterns_(std::move(patterns)) {}
DateWords::DateWords(DateWords&&) noexcept = default;
DateWords& DateWords::operator=(DateWords&&) noexcept = default;
DateWords::~DateWords() = default;

namespace {

// ---------------------------------------------------------------------------
// Candidates.

struct Candidate {
  MetadataField field;
  int rank = 0;
  int order = 0;         // page order
  int group = 0;         // authors of one source share a group
  int text_offset = -1;  // headings: where their text starts in the page text
};

class Collector {
 public:
  Collector(const PageContext& context, const DateWords& words)
      : context_(context), words_(words) {}

  const DateWords& words() const { return words_; }
  // The first date written out in `text`; "3/4/2020" is read month first
  // only on English pages.
  std::optional<DateWords::Found> FindDate(std::string_view text) const {
    return words_.FindDate(text, slash_month_first_);
  }
  std::vector<DateWords::Found> FindDates(std::string_view text, size_t limit) const {
    return words_.FindDates(text, limit, slash_month_first_);
  }
  void SetLanguage(std::string_view language) {
    const std::string lower = Lower(Trim(language));
    slash_month_first_ =
        lower == "en" || lower.substr(0, 5) == "en-us" || lower.substr(0, 5) == "en_us";
  }
  int NewGroup() { return ++group_; }

  void Add(std::string_view field, std::string_view value, std::string_view how,
           std::string evidence, int rank, int group = 0, int text_offset = -1) {
    std::string clean = Collapse(how == "json-ld" ? DecodeEntities(value) : std::string(value));
    if (clean.empty()) return;
    candidates_.push_back(
        {{std::string(field), std::move(clean), std::string(how), std::move(evidence)},
         rank,
         static_cast<int>(candidates_.size()),
         group ? group : NewGroup(),
         text_offset});
  }

  // A date value from markup: normalised, checked, then added.
  void AddDate(std::string_view field, std::string_view raw, std::string_view how,
               std::string evidence, int rank) {
    std::optional<std::string> date = NormalizeDate(raw);
    if (date) Add(field, *date, how, std::move(evidence), rank);
  }

  std::optional<std::string> NormalizeDate(std::string_view raw) const {
    raw = Trim(raw);
    std::optional<std::string> date = ParseIsoLike(raw);
    if (!date) {
      std::optional<DateWords::Found> found = FindDate(raw);
      if (found) date = found->date;
    }
    if (!date || !Acceptable(*date)) return std::nullopt;
    return date;
  }

  bool Acceptable(std::string_view date) const {
    if (YearOf(date) < kMinYear) return false;
    if (context_.captured && context_.captured->size() >= 10 &&
        date.substr(0, 10) > std::string_view(*context_.captured).substr(0, 10))
      return false;
    return true;
  }

  // An author name from markup, cleaned; false when it is not a name.
  bool AddAuthor(std::string_view raw, std::string_view how, std::string evidence, int rank,
                 int group) {
    std::optional<std::string> name = CleanAuthor(raw);
    if (!name) return false;
    Add("author", *name, how, std::move(evidence), rank, group);
    return true;
  }

  std::optional<std::string> CleanAuthor(std::string_view raw) const;

  std::vector<Candidate>& candidates() { return candidates_; }

 private:
  const PageContext& context_;
  const DateWords& words_;
  bool slash_month_first_ = true;
  std::vector<Candidate> candidates_;
  int group_ = 0;
};

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && Lower(text.substr(0, prefix.size())) == prefix;
}

// Words that introduce a name in a byline ("View all posts by", "Von"),
// matched at the start, without regard to case.
constexpr std::array<std::string_view, 34> kBylinePrefixes = {"artikel von",
                                                              "ein artikel von",
                                                              "about",
                                                              "über",
                                                              "view all posts by",
                                                              "zeige alle beiträge von",
                                                              "alle beiträge von",
                                                              "all posts by",
                                                              "veröffentlicht von",
                                                              "publiziert von",
                                                              "eingestellt von",
                                                              "geschrieben von",
                                                              "verfasst von",
                                                              "ein beitrag von",
                                                              "beitrag von",
                                                              "beitragvon",
                                                              "written by",
                                                              "posted by",
                                                              "published by",
                                                              "text von",
                                                              "interview:",
                                                              "text:",
                                                              "authors",
                                                              "author",
                                                              "autorin",
                                                              "autoren",
                                                              "autor",
                                                              "vom",
                                                              "von",
                                                              "by",
                                                              "por",
                                                              "par",
                                                              "door",
                                                              "posted"};
// Bylines that name no one.
constexpr std::array<std::string_view, 8> kNotNames = {
    "no author", "admin",   "administrator",       "wordpressadmin",
    "follow",    "unknown", "gesponserte inhalte", "redaktion"};
// Words after which a byline goes on with something else ("am Samstag").
constexpr std::array<std::string_view, 8> kNameEnds = {"am", "on", "um",  "le",
                                                       "el", "il", "den", "|"};

std::optional<std::string> Collector::CleanAuthor(std::string_view raw) const {
  std::string text = Collapse(raw);
  std::string_view view = text;
  const std::string lower = Lower(view);
  if (ContainsAny(lower, {"http://", "https://", "www.", "@", "[at]", ".com/", "/"}))
    return std::nullopt;
  // A date and what follows it are not part of the name.
  if (std::optional<DateWords::Found> found = FindDate(view)) {
    view = view.substr(0, found->offset);
  }
  static constexpr std::array<std::string_view, 8> kCuts = {" | ", " - ", " – ", " — ",
                                                            "\n",  " / ", " • ", " · "};
  for (std::string_view cut : kCuts) {
    size_t at = view.find(cut);
    if (at != std::string_view::npos && at > 0) view = view.substr(0, at);
  }
  for (bool again = true; again;) {
    again = false;
    view = Trim(view);
    while (!view.empty() &&
           std::string_view(":|»>-–,").find(view.front()) != std::string_view::npos) {
      view.remove_prefix(1);
      view = Trim(view);
    }
    for (std::string_view prefix : kBylinePrefixes) {
      if (!StartsWithNoCase(view, prefix)) continue;
      // "AuthorJane Doe" and "By: Jane" as well as "By Jane"; not "Bystrom".
      const std::string_view rest = view.substr(prefix.size());
      const unsigned char next = rest.empty() ? ' ' : static_cast<unsigned char>(rest.front());
      if (next == ' ' || next == ':' || (next >= 'A' && next <= 'Z') || next >= 0x80 ||
          prefix.back() == ':') {
        view = rest;
        again = true;
        break;
      }
    }
  }
  // Cut at a stamp word or a joiner: "Jane Doe Stand", "Jane Doe am Samstag".
  for (size_t at = view.find(' '); at != std::string_view::npos; at = view.find(' ', at + 1)) {
    size_t end = view.find(' ', at + 1);
    std::string_view word = view.substr(at + 1, end == std::string_view::npos ? end : end - at - 1);
    const std::string key = Lower(word);
    if (words_.IsStamp(word) ||
        std::find(kNameEnds.begin(), kNameEnds.end(), key) != kNameEnds.end()) {
      view = view.substr(0, at);
      break;
    }
  }
  // Trailing punctuation left by a cut.
  view = Trim(view);
  while (!view.empty() &&
         std::string_view(",;:|-–(»").find(view.back()) != std::string_view::npos) {
    view.remove_suffix(1);
    view = Trim(view);
  }
  for (std::string_view arrow : {"→", "»", "›"}) {
    if (view.size() > arrow.size() && view.substr(view.size() - arrow.size()) == arrow)
      view = Trim(view.substr(0, view.size() - arrow.size()));
  }
  if (std::find(kNotNames.begin(), kNotNames.end(), Lower(view)) != kNotNames.end() ||
      words_.IsStamp(view))
    return std::nullopt;
  view = Trim(view);
  if (view.size() < 2 || view.size() > kMaxNameBytes) return std::nullopt;
  size_t words = 1 + static_cast<size_t>(std::count(view.begin(), view.end(), ' '));
  if (words > kMaxNameWords) return std::nullopt;
  bool has_letter = false;
  for (char c : view) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80)
      has_letter = true;
  }
  if (!has_letter) return std::nullopt;
  return std::string(view);
}

// ---------------------------------------------------------------------------
// JSON-LD.

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::optional<std::string_view> StringAt(object item, std::string_view key) {
  std::string_view value;
  if (item[key].get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::vector<std::string_view> TypesOf(object item) {
  std::vector<std::string_view> types;
  element type;
  if (item["@type"].get(type) != simdjson::SUCCESS) return types;
  std::string_view one;
  if (type.get_string().get(one) == simdjson::SUCCESS) {
    types.push_back(one);
  } else if (type.is_array()) {
    for (element entry : type.get_array()) {
      if (entry.get_string().get(one) == simdjson::SUCCESS) types.push_back(one);
    }
  }
  for (std::string_view& entry : types) {
    // "http://schema.org/NewsArticle" and "schema:NewsArticle".
    size_t at = entry.find_last_of("/:");
    if (at != std::string_view::npos) entry.remove_prefix(at + 1);
  }
  return types;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsArticleType(std::string_view type) {
  return EndsWith(type, "Article") || EndsWith(type, "Posting") || type == "Report" ||
         type == "Review";
}

bool IsPageType(std::string_view type) { return EndsWith(type, "Page"); }

class JsonLdReader {
 public:
  JsonLdReader(Collector& collector, std::optional<std::string>& body)
      : collector_(collector), body_(body) {}

  void Read(std::string_view script) {
    std::string text(script);
    for (char& c : text) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    // Some pages wrap the JSON in an HTML comment or CDATA markers.
    std::string_view view = Trim(text);
    for (std::string_view wrapper : {"<!--", "//<![CDATA[", "<![CDATA["}) {
      if (view.substr(0, wrapper.size()) == wrapper) view.remove_prefix(wrapper.size());
    }
    for (std::string_view wrapper : {"-->", "//]]>", "]]>"}) {
      view = Trim(view);
      if (EndsWith(view, wrapper)) view.remove_suffix(wrapper.size());
    }
    element root;
    if (parser_.parse(view.data(), view.size()).get(root) != simdjson::SUCCESS) return;
    Visit(root, 0);
  }

 private:
  void Visit(element value, int depth) {
    if (depth > kMaxJsonDepth) return;
    if (value.is_array()) {
      for (element entry : value.get_array()) Visit(entry, depth + 1);
      return;
    }
    object item;
    if (value.get_object().get(item) != simdjson::SUCCESS) return;
    Take(item);
    for (auto [key, member] : item) {
      if (key == "author" || key == "publisher" || key == "creator") continue;
      if (member.is_object() || member.is_array()) Visit(member, depth + 1);
    }
  }

  void Take(object item) {
    std::vector<std::string_view> types = TypesOf(item);
    if (types.empty()) return;
    std::string_view type = types.front();
    int base = rank::kJsonOther;
    for (std::string_view entry : types) {
      if (IsArticleType(entry)) {
        base = rank::kJsonArticle;
        type = entry;
        break;
      }
      if (IsPageType(entry) && base > rank::kJsonPage) {
        base = rank::kJsonPage;
        type = entry;
      }
    }
    const std::string prefix = "JSON-LD " + std::string(type) + ".";
    if (type == "WebSite") {
      if (auto name = StringAt(item, "name"))
        collector_.Add("site_name", *name, "json-ld", prefix + "name", rank::kJsonWebSite);
      return;
    }
    if (base == rank::kJsonOther) {
      // Organizations, people, images, breadcrumbs...: only a date of
      // publication is taken from other types.
      if (type == "Person" || type == "Organization" || type == "ImageObject" ||
          type == "BreadcrumbList" || type == "ListItem" || type == "SearchAction")
        return;
    }
    if (base != rank::kJsonOther) {
      // Pages' names are often the <title> again: trusted less than <meta>.
      const int title_rank = base == rank::kJsonArticle ? base : rank::kJsonPageTitle;
      if (auto headline = StringAt(item, "headline")) {
        collector_.Add("title", *headline, "json-ld", prefix + "headline", title_rank);
      } else if (auto name = StringAt(item, "name")) {
        collector_.Add("title", *name, "json-ld", prefix + "name", title_rank + 1);
      }
    }
    if (auto date = StringAt(item, "datePublished")) {
      collector_.AddDate("published", *date, "json-ld", prefix + "datePublished", base);
    } else if (auto created = StringAt(item, "dateCreated")) {
      collector_.AddDate("published", *created, "json-ld", prefix + "dateCreated", base + 1);
    }
    if (auto date = StringAt(item, "dateModified")) {
      collector_.AddDate("modified", *date, "json-ld", prefix + "dateModified", base);
    }
    if (base == rank::kJsonOther) return;
    element author;
    if (item["author"].get(author) == simdjson::SUCCESS) {
      const int group = collector_.NewGroup();
      ReadAuthors(author, 0, prefix + "author", base, group);
    }
    object publisher;
    if (item["publisher"].get_object().get(publisher) == simdjson::SUCCESS) {
      if (auto name = StringAt(publisher, "name"))
        collector_.Add("site_name", *name, "json-ld", prefix + "publisher.name", base + 5);
    }
    if (auto language = StringAt(item, "inLanguage")) {
      collector_.Add("language", *language, "json-ld", prefix + "inLanguage", base + 5);
    }
    if (auto url = StringAt(item, "url")) {
      collector_.Add("canonical_url", *url, "json-ld", prefix + "url", base + 20);
    } else {
      object main;
      if (item["mainEntityOfPage"].get_object().get(main) == simdjson::SUCCESS) {
        if (auto id = StringAt(main, "@id"))
          collector_.Add("canonical_url", *id, "json-ld", prefix + "mainEntityOfPage", base + 21);
      } else if (auto id = StringAt(item, "mainEntityOfPage")) {
        collector_.Add("canonical_url", *id, "json-ld", prefix + "mainEntityOfPage", base + 21);
      }
    }
    if (!body_ && base == rank::kJsonArticle) {
      auto body = StringAt(item, "articleBody");
      if (!body) body = StringAt(item, "text");
      if (body && !Trim(*body).empty()) body_ = std::string(Trim(*body));
    }
  }

  void ReadAuthors(element value, int depth, const std::string& evidence, int base, int group) {
    if (depth > 4) return;
    std::string_view name;
    if (value.get_string().get(name) == simdjson::SUCCESS) {
      collector_.AddAuthor(name, "json-ld", evidence, base, group);
      return;
    }
    if (value.is_array()) {
      for (element entry : value.get_array()) ReadAuthors(entry, depth + 1, evidence, base, group);
      return;
    }
    object item;
    if (value.get_object().get(item) != simdjson::SUCCESS) return;
    if (auto text = StringAt(item, "name")) {
      collector_.AddAuthor(*text, "json-ld", evidence, base, group);
    } else {
      element nested;
      if (item["name"].get(nested) == simdjson::SUCCESS)
        ReadAuthors(nested, depth + 1, evidence, base, group);
    }
  }

  Collector& collector_;
  std::optional<std::string>& body_;
  simdjson::dom::parser parser_;
};

// ---------------------------------------------------------------------------
// <meta> tags.

enum class MetaKind { kNone, kTitle, kPublished, kModified, kAuthor, kSite, kUrl, kLanguage };

struct MetaRule {
  std::string_view key;  // lower case
  MetaKind kind;
  int rank;
};

constexpr std::array<MetaRule, 64> kMetaRules = {{
    {"og:title", MetaKind::kTitle, rank::kMetaStrong},
    {"twitter:title", MetaKind::kTitle, rank::kMetaStrong + 1},
    {"dc.title", MetaKind::kTitle, rank::kMetaWeak},
    {"citation_title", MetaKind::kTitle, rank::kMetaWeak},
    {"headline", MetaKind::kTitle, rank::kMetaWeak},
    {"article:published_time", MetaKind::kPublished, rank::kMetaStrong},
    {"article:published", MetaKind::kPublished, rank::kMetaStrong},
    {"og:published_time", MetaKind::kPublished, rank::kMetaStrong},
    {"og:article:published_time", MetaKind::kPublished, rank::kMetaStrong},
    {"datepublished", MetaKind::kPublished, rank::kMetaStrong},
    {"article.published", MetaKind::kPublished, rank::kMetaStrong},
    {"published_time", MetaKind::kPublished, rank::kMetaStrong},
    {"published-date", MetaKind::kPublished, rank::kMetaStrong},
    {"publication_date", MetaKind::kPublished, rank::kMetaStrong},
    {"publish-date", MetaKind::kPublished, rank::kMetaStrong},
    {"publish_date", MetaKind::kPublished, rank::kMetaStrong},
    {"parsely-pub-date", MetaKind::kPublished, rank::kMetaStrong},
    {"sailthru.date", MetaKind::kPublished, rank::kMetaStrong},
    {"dc.date.issued", MetaKind::kPublished, rank::kMetaStrong},
    {"dcterms.issued", MetaKind::kPublished, rank::kMetaStrong},
    {"dc.date.created", MetaKind::kPublished, rank::kMetaStrong},
    {"dcterms.created", MetaKind::kPublished, rank::kMetaStrong},
    {"citation_publication_date", MetaKind::kPublished, rank::kMetaStrong},
    {"citation_date", MetaKind::kPublished, rank::kMetaStrong},
    {"originalpublicationdate", MetaKind::kPublished, rank::kMetaStrong},
    {"article_date_original", MetaKind::kPublished, rank::kMetaStrong},
    {"bt:pubdate", MetaKind::kPublished, rank::kMetaStrong},
    {"pubdate", MetaKind::kPublished, rank::kMetaDateWeak},
    {"publishdate", MetaKind::kPublished, rank::kMetaDateWeak},
    {"date", MetaKind::kPublished, rank::kMetaDateWeak},
    {"dc.date", MetaKind::kPublished, rank::kMetaDateWeak},
    {"dcterms.date", MetaKind::kPublished, rank::kMetaDateWeak},
    {"created", MetaKind::kPublished, rank::kMetaDateWeak},
    {"article:modified_time", MetaKind::kModified, rank::kMetaStrong},
    {"article:modified", MetaKind::kModified, rank::kMetaStrong},
    {"og:updated_time", MetaKind::kModified, rank::kMetaStrong},
    {"og:article:modified_time", MetaKind::kModified, rank::kMetaStrong},
    {"datemodified", MetaKind::kModified, rank::kMetaStrong},
    {"modified_time", MetaKind::kModified, rank::kMetaStrong},
    {"dc.date.modified", MetaKind::kModified, rank::kMetaStrong},
    {"dcterms.modified", MetaKind::kModified, rank::kMetaStrong},
    {"article.updated", MetaKind::kModified, rank::kMetaStrong},
    {"last-modified", MetaKind::kModified, rank::kMetaWeak},
    {"lastmod", MetaKind::kModified, rank::kMetaWeak},
    {"author", MetaKind::kAuthor, rank::kMetaStrong},
    {"article:author", MetaKind::kAuthor, rank::kMetaStrong},
    {"article:author_name", MetaKind::kAuthor, rank::kMetaStrong},
    {"dc.creator", MetaKind::kAuthor, rank::kMetaStrong},
    {"dcterms.creator", MetaKind::kAuthor, rank::kMetaStrong},
    {"citation_author", MetaKind::kAuthor, rank::kMetaStrong},
    {"parsely-author", MetaKind::kAuthor, rank::kMetaStrong},
    {"sailthru.author", MetaKind::kAuthor, rank::kMetaStrong},
    {"byl", MetaKind::kAuthor, rank::kMetaWeak},
    {"og:site_name", MetaKind::kSite, rank::kMetaStrong - 10},
    {"application-name", MetaKind::kSite, rank::kMetaWeak},
    {"og:url", MetaKind::kUrl, rank::kMetaStrong},
    {"twitter:url", MetaKind::kUrl, rank::kMetaWeak},
    {"og:locale", MetaKind::kLanguage, rank::kMetaStrong},
    {"content-language", MetaKind::kLanguage, rank::kMetaWeak},
    {"language", MetaKind::kLanguage, rank::kMetaWeak},
    {"dc.language", MetaKind::kLanguage, rank::kMetaWeak},
    {"dcterms.language", MetaKind::kLanguage, rank::kMetaWeak},
    {"og:locale:alternate", MetaKind::kNone, 0},
    {"", MetaKind::kNone, 0},
}};

const MetaRule* FindMetaRule(std::string_view key) {
  for (const MetaRule& rule : kMetaRules) {
    if (!rule.key.empty() && rule.key == key) return &rule;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// The URL.

void ReadUrlDate(std::string_view url, Collector& collector) {
  static const RE2 kSlashed(R"([/_-]((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$))");
  static const RE2 kCompact(R"([/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$))");
  for (const RE2* re : {&kSlashed, &kCompact}) {
    std::string_view year, month, day;
    std::string_view input = url;
    std::array<re2::StringPiece, 4> pieces;
    if (!re->Match(input, 0, input.size(), RE2::UNANCHORED, pieces.data(), 4)) continue;
    const auto groups = Views(pieces);
    year = groups[1];
    month = groups[2];
    day = groups[3];
    int y = ParseNumber(year).value_or(0), m = ParseNumber(month).value_or(0),
        d = ParseNumber(day).value_or(0);
    if (!IsValidDate(y, m, d)) continue;
    std::string date = FormatDate(y, m, d);
    if (!collector.Acceptable(date)) continue;
    collector.Add("published", date, "url", "URL " + std::string(groups[0]), rank::kUrl);
    return;
  }
}

// ---------------------------------------------------------------------------
// Titles.

// Lower case without spaces, dots, hyphens and underscores.
std::string Squeeze(std::string_view text) {
  std::string out;
  for (char c : Lower(Trim(text))) {
    if (c != ' ' && c != '.' && c != '-' && c != '_') out.push_back(c);
  }
  return out;
}

bool SameName(std::string_view a, std::string_view b) {
  std::string x = Lower(Trim(a)), y = Lower(Trim(b));
  if (x.empty() || y.empty()) return false;
  if (x == y) return true;
  // "Spiegel Online" vs "SPIEGEL ONLINE", "example.com" vs "Example".
  auto squeeze = [](std::string text) {
    std::string out;
    for (char c : text) {
      if (c != ' ' && c != '.' && c != '-' && c != '_') out.push_back(c);
    }
    return out;
  };
  x = squeeze(x);
  y = squeeze(y);
  if (x.empty() || y.empty()) return false;
  return x == y || (x.size() >= 4 && Contains(y, x)) || (y.size() >= 4 && Contains(x, y));
}

// The title without a site-name part (see metadata.h).
std::string CutSiteName(std::string_view title, std::string_view site, bool guess) {
  static constexpr std::array<std::string_view, 9> kSeparators = {
      " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " • "};
  // Last separator: "Headline | Section | Site".
  size_t last = std::string_view::npos, last_size = 0;
  size_t first = std::string_view::npos, first_size = 0;
  for (std::string_view separator : kSeparators) {
    size_t at = title.rfind(separator);
    if (at != std::string_view::npos && (last == std::string_view::npos || at > last)) {
      last = at;
      last_size = separator.size();
    }
    at = title.find(separator);
    if (at != std::string_view::npos && (first == std::string_view::npos || at < first)) {
      first = at;
      first_size = separator.size();
    }
  }
  if (last == std::string_view::npos) return std::string(title);
  std::string_view head = Trim(title.substr(0, last));
  std::string_view tail = Trim(title.substr(last + last_size));
  if (!site.empty()) {
    if (SameName(tail, site)) return std::string(head);
    std::string_view lead = Trim(title.substr(0, first));
    if (SameName(lead, site)) return std::string(Trim(title.substr(first + first_size)));
    return std::string(title);
  }
  if (!guess) return std::string(title);
  const size_t tail_words = 1 + static_cast<size_t>(std::count(tail.begin(), tail.end(), ' '));
  if (tail.size() < head.size() && tail_words <= 5) return std::string(head);
  return std::string(title);
}

// ---------------------------------------------------------------------------
// The page walk.

std::string ClassAndId(const xmlNode& node) {
  std::string text = Lower(AttributeOf(node, "class"));
  text += ' ';
  text += Lower(AttributeOf(node, "id"));
  return text;
}

bool IsCommentContainer(std::string_view class_and_id) {
  return ContainsAny(class_and_id, {"comment", "respond", "disqus", "reply"});
}

bool SuggestsDate(std::string_view class_and_id) {
  return ContainsAny(class_and_id,
                     {"date", "datum", "publish", "posted", "byline", "dateline", "entry-meta",
                      "post-meta", "article-meta", "postmeta", "meta-info", "time"});
}

bool SuggestsAuthor(std::string_view class_and_id) {
  return ContainsAny(class_and_id, {"author", "byline", "autor", "verfasser", "writer"}) &&
         !ContainsAny(class_and_id, {"avatar", "author-bio", "authorbio", "author-box",
                                     "about-author", "author-description", "authors-list"});
}

bool SuggestsModified(std::string_view class_and_id) {
  return ContainsAny(class_and_id, {"updated", "modified", "aktualisiert"});
}

std::string Tag(const xmlNode& node, std::string_view attribute, std::string_view value) {
  return "<" + std::string(NameOf(node)) + " " + std::string(attribute) + "=\"" + Shorten(value) +
         "\">";
}

// "Published on ..." vs "Updated ...": a written-out date counts as modified
// when a word for updating comes shortly before it.
bool UpdatedBefore(std::string_view text, size_t offset) {
  size_t from = offset > 40 ? offset - 40 : 0;
  std::string before = Lower(text.substr(from, offset - from));
  return ContainsAny(before, {"updat", "aktualisiert", "geändert", "modified", "mis à jour",
                              "actualizado", "aggiornato", "bearbeitet"});
}

class PageReader {
 public:
  PageReader(const xmlDoc& doc, Collector& collector, std::optional<std::string>& body)
      : doc_(doc), collector_(collector), json_(collector, body) {}

  void Read() {
    const xmlNode* root = xmlDocGetRootElement(&doc_);
    if (!root) return;
    int comment_depth = 0;
    int date_context = 0;
    WalkTree(
        *root,
        [&](const xmlNode& node) {
          if (!IsElement(node)) {
            if ((node.type == XML_TEXT_NODE || node.type == XML_CDATA_SECTION_NODE) &&
                node.content && comment_depth == 0 && text_.size() < kMaxPageText) {
              AppendCollapsed(reinterpret_cast<const char*>(node.content), text_);
            }
            return false;
          }
          if (!text_.empty() && text_.back() != ' ') text_.push_back(' ');
          const std::string class_and_id = ClassAndId(node);
          const bool in_comments = comment_depth > 0;
          if (IsCommentContainer(class_and_id)) ++comment_depth;
          if (SuggestsDate(class_and_id)) ++date_context;
          return Enter(node, class_and_id, in_comments, date_context > 0);
        },
        [&](const xmlNode& node) {
          if (!IsElement(node)) return;
          const std::string class_and_id = ClassAndId(node);
          if (IsCommentContainer(class_and_id)) --comment_depth;
          if (SuggestsDate(class_and_id)) --date_context;
          if (NameOf(node) == "svg") --svg_depth_;
        });
  }

  const std::string& raw_title() const { return raw_title_; }
  std::optional<size_t> first_h1_offset() const { return first_h1_offset_; }

  // Dates written in the page's text: the first one that a stamp word
  // ("Published", "Veröffentlicht", "Stand") introduces, and the first one
  // right after (or shortly before) the headline.
  void ReadTextDates(std::optional<size_t> headline_at) {
    const DateWords& words = collector_.words();
    std::string_view text = text_;
    const std::vector<DateWords::Found> dates = collector_.FindDates(text, kMaxTextDates);
    // The last resort: the first date in the text.
    for (const DateWords::Found& found : dates) {
      if (!collector_.Acceptable(found.date)) continue;
      collector_.Add(UpdatedBefore(text, found.offset) ? "modified" : "published", found.date,
                     "byline", "first date in the text", rank::kFirstTextDate);
      break;
    }
    for (const DateWords::Found& found : dates) {
      std::optional<std::string> stamp = words.StampBefore(text, found.offset);
      if (!stamp || !collector_.Acceptable(found.date)) continue;
      collector_.Add(UpdatedBefore(text, found.offset) ? "modified" : "published", found.date,
                     "byline", "text \"" + *stamp + "\"", rank::kStampedDate);
      break;
    }
    if (!headline_at || *headline_at > text.size()) return;
    std::string_view after = text.substr(*headline_at, kAfterHeadline);
    std::optional<DateWords::Found> found = collector_.FindDate(after);
    std::string evidence = "text after the headline";
    size_t at = *headline_at + (found ? found->offset : 0);
    if (!found) {
      const size_t start = *headline_at > kBeforeHeadline ? *headline_at - kBeforeHeadline : 0;
      std::string_view before = text.substr(start, *headline_at - start);
      found = collector_.FindDate(before);
      evidence = "text before the headline";
      at = start + (found ? found->offset : 0);
    }
    if (found && collector_.Acceptable(found->date)) {
      const bool modified = UpdatedBefore(text, at);
      collector_.Add(
          modified ? "modified" : "published", found->date, "byline", evidence,
          evidence == "text after the headline" ? rank::kNearHeadline : rank::kBeforeHeadline);
    }
  }

 private:
  // Returns whether to walk `node`'s children.
  bool Enter(const xmlNode& node, const std::string& class_and_id, bool in_comments,
             bool in_date_context) {
    const std::string_view name = NameOf(node);
    if (name == "html") {
      std::string_view lang = AttributeOf(node, "lang");
      if (!Trim(lang).empty()) {
        collector_.Add("language", lang, "html-lang", "<html lang>", 10);
        collector_.SetLanguage(lang);
      }
      return true;
    }
    if (name == "script") {
      if (Lower(Trim(AttributeOf(node, "type"))) == "application/ld+json") {
        std::string text;
        for (const xmlNode* child = node.children; child; child = child->next) {
          if (child->content) text += reinterpret_cast<const char*>(child->content);
        }
        json_.Read(text);
      }
      return false;
    }
    if (name == "style" || name == "noscript" || name == "template") return false;
    if (name == "meta") {
      ReadMeta(node);
      return false;
    }
    if (name == "link") {
      ReadLink(node);
      return false;
    }
    if (name == "svg") ++svg_depth_;
    if (name == "title" && raw_title_.empty() && svg_depth_ == 0) {
      AppendText(node, raw_title_);
      raw_title_ = std::string(Trim(raw_title_));
      return false;
    }
    if ((name == "h1" || name == "h2") && headings_ < kMaxHeadings && !in_comments) {
      std::string text = HeadingText(node, 400);
      if (!text.empty() && text.size() <= 400) {
        ++headings_;
        if (name == "h1" && !first_h1_offset_) first_h1_offset_ = text_.size();
        collector_.Add("title", text, "heading", name == "h1" ? "<h1>" : "<h2>",
                       name == "h1" ? rank::kHeading : rank::kHeading + 5, 0,
                       static_cast<int>(text_.size()));
      }
    }
    const std::string_view itemprop = AttributeOf(node, "itemprop");
    if (!itemprop.empty()) ReadItemprop(node, Lower(itemprop), in_comments);
    if (in_comments) return true;
    if (name == "time") {
      ReadTime(node, class_and_id, in_date_context);
    } else if (name == "abbr" && ContainsAny(class_and_id, {"published", "updated"})) {
      std::string_view title = AttributeOf(node, "title");
      const bool modified =
          Contains(class_and_id, "updated") && !Contains(class_and_id, "published");
      collector_.AddDate(modified ? "modified" : "published", title, "time",
                         Tag(node, "class", modified ? "updated" : "published"), rank::kItemprop);
    }
    if (author_reads_ < kMaxElementReads) {
      if (name == "a" && Lower(AttributeOf(node, "rel")) == "author") {
        ++author_reads_;
        collector_.AddAuthor(SpacedText(node, kMaxSnippetBytes), "byline", "<a rel=\"author\">",
                             rank::kByline - 2, collector_.NewGroup());
      } else if ((SuggestsAuthor(class_and_id) || name == "address") && name != "body" &&
                 name != "html" && name != "article" && name != "img") {
        ++author_reads_;
        std::string text = SpacedText(node, kMaxSnippetBytes);
        if (text.size() <= kMaxSnippetBytes) {
          collector_.AddAuthor(text, "byline",
                               Tag(node, AttributeOf(node, "class").empty() ? "id" : "class",
                                   AttributeOf(node, "class").empty() ? AttributeOf(node, "id")
                                                                      : AttributeOf(node, "class")),
                               rank::kByline, collector_.NewGroup());
        }
      }
    }
    if (date_reads_ < kMaxElementReads) {
      if (SuggestsDate(class_and_id) && name != "body" && name != "html" && name != "time") {
        ++date_reads_;
        ReadTextDate(node);
      }
    }
    return true;
  }

  void ReadMeta(const xmlNode& node) {
    std::string_view attribute = "property";
    std::string_view key = AttributeOf(node, "property");
    if (key.empty()) {
      attribute = "name";
      key = AttributeOf(node, "name");
    }
    if (key.empty()) {
      attribute = "itemprop";
      key = AttributeOf(node, "itemprop");
    }
    if (key.empty()) {
      attribute = "http-equiv";
      key = AttributeOf(node, "http-equiv");
    }
    if (key.empty()) return;
    const std::string lower = Lower(Trim(key));
    const MetaRule* rule = FindMetaRule(lower);
    if (!rule || rule->kind == MetaKind::kNone) return;
    std::string_view content = AttributeOf(node, "content");
    if (content.empty()) content = AttributeOf(node, "value");
    if (Trim(content).empty()) return;
    std::string evidence =
        "<meta " + std::string(attribute) + "=\"" + std::string(Trim(key)) + "\">";
    switch (rule->kind) {
      case MetaKind::kTitle:
        collector_.Add("title", content, "meta", evidence, rule->rank);
        break;
      case MetaKind::kPublished:
        collector_.AddDate("published", content, "meta", evidence, rule->rank);
        break;
      case MetaKind::kModified:
        collector_.AddDate("modified", content, "meta", evidence, rule->rank);
        break;
      case MetaKind::kAuthor: {
        // All <meta> tags with the same key are one source.
        int& group = meta_author_groups_[lower];
        if (!group) group = collector_.NewGroup();
        collector_.AddAuthor(content, "meta", evidence, rule->rank, group);
        break;
      }
      case MetaKind::kSite:
        collector_.Add("site_name", content, "meta", evidence, rule->rank);
        break;
      case MetaKind::kUrl:
        collector_.Add("canonical_url", content, "meta", evidence, rule->rank);
        break;
      case MetaKind::kLanguage: {
        std::string language(Trim(content));
        std::replace(language.begin(), language.end(), '_', '-');
        collector_.Add("language", language, "meta", evidence, rule->rank);
        break;
      }
      case MetaKind::kNone:
        break;
    }
  }

  void ReadLink(const xmlNode& node) {
    const std::string rel = Lower(Trim(AttributeOf(node, "rel")));
    std::string_view href = Trim(AttributeOf(node, "href"));
    if (rel != "canonical" || href.empty()) return;
    std::string value(href);
    if (doc_.URL) {
      xmlChar* resolved = xmlBuildURI(reinterpret_cast<const xmlChar*>(value.c_str()), doc_.URL);
      if (resolved) {
        value = reinterpret_cast<const char*>(resolved);
        xmlFree(resolved);
      }
    }
    collector_.Add("canonical_url", value, "link", "<link rel=\"canonical\">", 10);
  }

  void ReadItemprop(const xmlNode& node, const std::string& itemprop, bool in_comments) {
    const std::string_view name = NameOf(node);
    if (name == "meta") return;
    if (itemprop == "datepublished" || itemprop == "datecreated" || itemprop == "datemodified") {
      const bool modified = itemprop == "datemodified";
      std::string_view value = AttributeOf(node, "content");
      if (value.empty()) value = AttributeOf(node, "datetime");
      std::string text;
      if (value.empty()) {
        text = BoundedText(node, kMaxSnippetBytes);
        value = text;
      }
      collector_.AddDate(modified ? "modified" : "published", value,
                         name == "time" ? "time" : "meta",
                         Tag(node, "itemprop", AttributeOf(node, "itemprop")),
                         rank::kItemprop + (itemprop == "datecreated" ? 1 : 0));
      return;
    }
    if (itemprop == "author" && !in_comments && author_reads_ < kMaxElementReads) {
      ++author_reads_;
      std::string_view content = AttributeOf(node, "content");
      std::string text;
      // <span itemprop="author"><span itemprop="name">...</span></span>
      for (const xmlNode* at = node.children; at && text.empty(); at = NextInWalk(at, &node)) {
        if (IsElement(*at) && Lower(AttributeOf(*at, "itemprop")) == "name") {
          text = SpacedText(*at, kMaxSnippetBytes);
          if (text.empty()) text = std::string(AttributeOf(*at, "content"));
        }
      }
      if (text.empty())
        text = content.empty() ? SpacedText(node, kMaxSnippetBytes) : std::string(content);
      if (text.size() <= kMaxSnippetBytes) {
        if (!itemprop_author_group_) itemprop_author_group_ = collector_.NewGroup();
        collector_.AddAuthor(text, "byline", Tag(node, "itemprop", "author"), rank::kItemprop,
                             itemprop_author_group_);
      }
    }
  }

  void ReadTime(const xmlNode& node, const std::string& class_and_id, bool in_date_context) {
    std::string_view datetime = AttributeOf(node, "datetime");
    if (Trim(datetime).empty()) return;
    const bool modified = SuggestsModified(class_and_id);
    if (xmlHasProp(&node, reinterpret_cast<const xmlChar*>("pubdate"))) {
      collector_.AddDate("published", datetime, "time", "<time pubdate>", rank::kItemprop);
      return;
    }
    if (modified) {
      collector_.AddDate("modified", datetime, "time", Tag(node, "class", "updated"),
                         rank::kTimeInContext);
      return;
    }
    if (in_date_context || Contains(class_and_id, "publish") || Contains(class_and_id, "date")) {
      collector_.AddDate("published", datetime, "time", "<time datetime> in a date element",
                         rank::kTimeInContext);
      return;
    }
    collector_.AddDate("published", datetime, "time", "<time datetime>", rank::kAnyTime);
  }

  void ReadTextDate(const xmlNode& node) {
    std::string text = BoundedText(node, kMaxSnippetBytes);
    if (text.empty() || text.size() > kMaxSnippetBytes) return;
    std::optional<DateWords::Found> found = collector_.FindDate(text);
    if (!found || !collector_.Acceptable(found->date)) return;
    const bool modified = UpdatedBefore(text, found->offset);
    std::string_view class_name = AttributeOf(node, "class");
    collector_.Add(modified ? "modified" : "published", found->date, "byline",
                   Tag(node, class_name.empty() ? "id" : "class",
                       class_name.empty() ? AttributeOf(node, "id") : class_name),
                   rank::kTextDate);
  }

  const xmlDoc& doc_;
  Collector& collector_;
  JsonLdReader json_;
  std::string raw_title_;
  int headings_ = 0;
  int svg_depth_ = 0;  // <title> inside <svg> is not the page's title
  std::string text_;   // the page's text, collapsed, for dates written out
  std::optional<size_t> first_h1_offset_;
  int author_reads_ = 0;  // byline elements read
  int date_reads_ = 0;    // date elements read
  int itemprop_author_group_ = 0;
  std::map<std::string, int> meta_author_groups_;
};

std::string BestSiteName(const std::vector<Candidate>& candidates) {
  const Candidate* best = nullptr;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "site_name") continue;
    if (!best || candidate.rank < best->rank) best = &candidate;
  }
  return best ? best->field.value : std::string();
}

std::string Host(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = Lower(url.substr(start, end == std::string_view::npos ? end : end - start));
  if (host.substr(0, 4) == "www.") host.erase(0, 4);
  return host;
}

// Whether `text` is one of the site's names (not a longer text with it).
bool IsSiteName(std::string_view text, const std::vector<std::string>& site_names,
                bool exact = false) {
  auto squeezed_size = [](std::string_view value) {
    size_t size = 0;
    for (char c : value) size += c != ' ' && c != '.' && c != '-' && c != '_';
    return size;
  };
  for (const std::string& site : site_names) {
    if (exact ? Squeeze(text) == Squeeze(site)
              : SameName(text, site) && squeezed_size(text) <= squeezed_size(site) + 3)
      return true;
  }
  return false;
}

// The title (see metadata.h): a heading that the page's own titles confirm,
// else the first <h1> that is not the site's name, else the most trusted
// title candidate.
const MetadataField* ChooseTitle(const std::vector<Candidate>& candidates,
                                 const std::vector<std::string>& site_names) {
  auto is_site = [&](std::string_view text) { return IsSiteName(text, site_names); };
  std::vector<const Candidate*> references, headings;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field != "title") continue;
    if (candidate.field.how == "heading") {
      if (candidate.field.value.size() >= 3 && !is_site(candidate.field.value))
        headings.push_back(&candidate);
    } else {
      references.push_back(&candidate);
    }
  }
  std::stable_sort(headings.begin(), headings.end(), [](const Candidate* a, const Candidate* b) {
    return a->rank < b->rank;  // <h1> before <h2>, page order within
  });
  for (const Candidate* heading : headings) {
    const std::string text = Lower(heading->field.value);
    for (const Candidate* reference : references) {
      const std::string other = Lower(reference->field.value);
      if (text == other || (Contains(other, text) && text.size() * 10 >= other.size() * 3))
        return &heading->field;
    }
  }
  if (!headings.empty() && headings.front()->field.evidence == "<h1>")
    return &headings.front()->field;
  const Candidate* best = nullptr;
  for (const Candidate* reference : references) {
    if (!best || reference->rank < best->rank) best = reference;
  }
  return best ? &best->field : nullptr;
}

}  // namespace

namespace {

// All candidates of a page, the title chosen, and dates read from the page's
// text around the chosen headline.
struct Gathered {
  std::vector<Candidate> candidates;
  std::optional<MetadataField> title;
  std::vector<std::string> site_names;  // the site's names and host name
};

Gathered Gather(const xmlDoc& doc, const PageContext& context, const DateWords& words,
                std::optional<std::string>& body) {
  Collector collector(context, words);
  PageReader reader(doc, collector, body);
  reader.Read();
  if (!context.url.empty()) ReadUrlDate(context.url, collector);
  std::vector<Candidate>& candidates = collector.candidates();
  const std::string site = BestSiteName(candidates);
  if (!reader.raw_title().empty()) {
    collector.Add("title", CutSiteName(reader.raw_title(), site, true), "title-tag", "<title>",
                  rank::kTitleTag);
  }
  for (Candidate& candidate : candidates) {
    if (candidate.field.field == "title" && candidate.field.how != "title-tag") {
      candidate.field.value = CutSiteName(candidate.field.value, site, false);
    }
  }
  std::vector<std::string> site_names;
  for (const Candidate& candidate : candidates) {
    if (candidate.field.field == "site_name") site_names.push_back(candidate.field.value);
  }
  const std::string host = Host(context.url);
  if (!host.empty()) {
    site_names.push_back(host);
    site_names.push_back(host.substr(0, host.find('.')));
  }
  Gathered gathered;
  std::optional<size_t> headline_at;
  if (const MetadataField* title = ChooseTitle(candidates, site_names)) {
    gathered.title = *title;
    for (const Candidate& candidate : candidates) {
      if (&candidate.field == title && candidate.text_offset >= 0)
        headline_at = static_cast<size_t>(candidate.text_offset);
    }
  }
  if (!headline_at) headline_at = reader.first_h1_offset();
  reader.ReadTextDates(headline_at);
  gathered.candidates = std::move(candidates);
  gathered.site_names = std::move(site_names);
  return gathered;
}

}  // namespace

std::vector<MetadataField> MetadataCandidates(const xmlDoc& doc, const PageContext& context,
                                              const DateWords& words) {
  std::optional<std::string> body;
  Gathered gathered = Gather(doc, context, words, body);
  std::vector<Candidate>& candidates = gathered.candidates;
  std::stable_sort(
      candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        auto field_index = [](const std::string& field) {
          return std::find(kFieldOrder.begin(), kFieldOrder.end(), field) - kFieldOrder.begin();
        };
        auto x = field_index(a.field.field), y = field_index(b.field.field);
        if (x != y) return x < y;
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.order < b.order;
      });
  std::vector<MetadataField> fields;
  for (Candidate& candidate : candidates) fields.push_back(std::move(candidate.field));
  return fields;
}

Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context, const DateWords& words) {
  Metadata metadata;
  Gathered gathered = Gather(doc, context, words, metadata.json_ld_body);
  const std::vector<Candidate>& candidates = gathered.candidates;
  for (std::string_view field : kFieldOrder) {
    if (field == "title") {
      if (gathered.title) metadata.fields.push_back(*gathered.title);
      continue;
    }
    // A site or publisher named as the author is taken only when nothing
    // else names one.
    auto rank_of = [&](const Candidate& candidate) {
      if (field == "author" && IsSiteName(candidate.field.value, gathered.site_names, true))
        return candidate.rank + rank::kSiteAsAuthor;
      return candidate.rank;
    };
    const Candidate* best = nullptr;
    for (const Candidate& candidate : candidates) {
      if (candidate.field.field != field) continue;
      if (!best || rank_of(candidate) < rank_of(*best) ||
          (rank_of(candidate) == rank_of(*best) && candidate.order < best->order))
        best = &candidate;
    }
    if (!best) continue;
    if (field == "author" && best->rank == rank::kByline) {
      // A byline element holds the name and more ("Jane Doe Staff writer");
      // the name's own element, inside it, comes later.
      for (const Candidate& candidate : candidates) {
        if (candidate.field.field != "author" || candidate.rank != rank::kByline ||
            candidate.order <= best->order)
          continue;
        const std::string& outer = best->field.value;
        const std::string& inner = candidate.field.value;
        if (inner.size() < outer.size() && outer.compare(0, inner.size(), inner) == 0 &&
            outer[inner.size()] == ' ') {
          best = &candidate;
        }
      }
    }
    const Candidate* url_date = nullptr;
    for (const Candidate& candidate : candidates) {
      if (candidate.field.field == "published" && candidate.rank == rank::kUrl)
        url_date = &candidate;
    }
    if (field == "published" && best->rank < rank::kNearHeadline) {
      // The date shown under the headline wins over markup a few days off
      // (time zones, re-publication): it is the date readers see.
      for (const Candidate& candidate : candidates) {
        if (candidate.field.field != "published" || candidate.rank != rank::kNearHeadline) continue;
        std::optional<long> shown = DayNumber(candidate.field.value);
        std::optional<long> marked = DayNumber(best->field.value);
        // A date in the URL that differs from the shown one settles it.
        const bool url_disagrees =
            url_date && url_date->field.value.substr(0, 10) != candidate.field.value.substr(0, 10);
        if (shown && marked && std::labs(*shown - *marked) <= kShownDateSlack && !url_disagrees)
          best = &candidate;
        break;
      }
    }
    if (field != "author") {
      metadata.fields.push_back(best->field);
      continue;
    }
    std::vector<std::string> seen;
    for (const Candidate& candidate : candidates) {
      if (candidate.field.field != "author" || candidate.group != best->group) continue;
      std::string key = Lower(candidate.field.value);
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
      seen.push_back(key);
      metadata.fields.push_back(candidate.field);
    }
  }
  return metadata;
}

Metadata ReadMetadata(const xmlDoc& doc, const PageContext& context) {
  return ReadMetadata(doc, context, DateWords::Default());
}

}  // namespace storyline::html
