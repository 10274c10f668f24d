#include "actors/cameo_syntax.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

#include "actors/actors.h"
#include "core/data_files.h"
#include "core/utf8.h"

namespace storyline::actors::cameo {
namespace {

// Synonym sets expand one line to at most this many nouns, so a line that
// names several large sets cannot exhaust memory.
constexpr size_t kMaxExpansions = 1000;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
char ToLower(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Quoted(std::string_view text) {
  std::string quoted(1, '"');
  quoted.append(text).push_back('"');
  return quoted;
}

std::string Source(std::string_view file, int line) {
  return std::string(file) + ":" + std::to_string(line);
}

// Calls `code` with the inside of each bracketed code at the start of
// `text` ("[USA] [GBR 950101-991231]"). What follows the last code is an
// error, or ignored by a lenient dialect.
Status ForEachBracket(std::string_view file, int line, std::string_view text,
                      const Dialect& dialect,
                      const std::function<Status(std::string_view inside)>& code) {
  size_t at = 0;
  while (true) {
    while (at < text.size() && IsBlank(text[at])) ++at;
    if (at == text.size()) return Status::Ok();
    if (text[at] != '[') {
      if (dialect.lenient) return Status::Ok();
      return LineError(file, line, "unexpected text after the codes: " + Quoted(text.substr(at)));
    }
    size_t end = at + 1;
    while (end < text.size() && text[end] != ']' && text[end] != '[' &&
           !(dialect.lenient && text[end] == '}')) {
      ++end;
    }
    if (end == text.size() || text[end] == '[') {
      return LineError(file, line, "unclosed '[' in code");
    }
    SL_RETURN_IF_ERROR(code(text.substr(at + 1, end - at - 1)));
    at = end + 1;
  }
}

// Checks a code: upper-case letters and digits, '/' between the codes of
// several actors named together ("ELR/GAL"), or one of TABARI's markers
// "---", "###" and "+++". A lenient dialect upper-cases it first. Returns
// why it is bad, or nothing. REQUIRES: `code` is not empty.
std::optional<std::string> CheckCode(std::string& code, const Dialect& dialect) {
  if (code == "---" || code == "###" || code == "+++") return std::nullopt;
  if (std::any_of(code.begin(), code.end(), IsLower)) {
    if (!dialect.lenient) return "code " + Quoted(code) + " has lower-case letters";
    std::transform(code.begin(), code.end(), code.begin(), ToUpper);
  }
  const bool valid_characters = std::all_of(
      code.begin(), code.end(), [](char c) { return IsUpper(c) || IsDigit(c) || c == '/'; });
  if (!valid_characters) return "bad code " + Quoted(code) + ": only A-Z, 0-9 and '/' may appear";
  if (code.front() == '/' || code.back() == '/' || code.find("//") != std::string::npos) {
    return "bad code " + Quoted(code) + ": '/' must stand between two codes";
  }
  return std::nullopt;
}

// The inside of an actor's brackets: "CODE", "CODE <DATE", "CODE >DATE",
// "CODE DATE-DATE" or "CODE DATE" (from that day on).
std::optional<DatedCode> ParseActorCode(std::string_view inside, const Dialect& dialect,
                                        std::string& error) {
  inside = Trim(inside);
  if (inside.empty()) {
    error = "empty code '[]'";
    return std::nullopt;
  }
  const size_t blank = inside.find_first_of(" \t");
  DatedCode result;
  result.code = inside.substr(0, blank);
  const char first = result.code.front();
  if (IsDigit(first) || first == '<' || first == '>') {
    error = "date without a code in '[" + std::string(inside) + "]'";
    return std::nullopt;
  }
  if (std::optional<std::string> bad = CheckCode(result.code, dialect)) {
    error = std::move(*bad);
    return std::nullopt;
  }
  const std::string_view dates = blank == inside.npos ? "" : Trim(inside.substr(blank));
  if (dates.empty()) return result;
  if (dates.front() == '<') {
    const std::optional<CivilDay> before = ParseDate(Trim(dates.substr(1)), error);
    if (!before) return std::nullopt;
    result.to = AddDays(*before, -1);
  } else if (dates.front() == '>') {
    result.from = ParseDate(Trim(dates.substr(1)), error);
    if (!result.from) return std::nullopt;
  } else if (const size_t dash = dates.find('-'); dash != dates.npos) {
    result.from = ParseDate(Trim(dates.substr(0, dash)), error);
    if (!result.from) return std::nullopt;
    result.to = ParseDate(Trim(dates.substr(dash + 1)), error);
    if (!result.to) return std::nullopt;
  } else {
    result.from = ParseDate(dates, error);
    if (!result.from) return std::nullopt;
  }
  return result;
}

// The inside of an agent's brackets: "~CODE" or "CODE~".
std::optional<AgentEntry> ParseAgentCode(std::string_view inside, const Dialect& dialect,
                                         std::string& error) {
  inside = Trim(inside);
  const bool suffix = inside.starts_with('~');
  const bool prefix = inside.ends_with('~');
  if (suffix == prefix) {
    error = "agent code " + Quoted(inside) + " needs one '~', before or after it";
    return std::nullopt;
  }
  AgentEntry result;
  result.prefix = prefix;
  result.code = std::string(Trim(suffix ? inside.substr(1) : inside.substr(0, inside.size() - 1)));
  if (std::optional<std::string> bad = CheckCode(result.code, dialect)) {
    error = std::move(*bad);
    return std::nullopt;
  }
  return result;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != text.npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// A role in plain words: "FOREIGN_MINISTER_" -> "foreign minister".
std::string RoleOf(std::string_view noun) {
  std::string role;
  for (const char c : noun) {
    const bool separator = c == '_' || IsBlank(c);
    if (separator) {
      if (!role.empty() && role.back() != ' ') role.push_back(' ');
    } else {
      role.push_back(c);
    }
  }
  while (!role.empty() && (role.back() == ' ' || role.back() == '=')) role.pop_back();
  return NormalizeWord(role);
}

// Splits "NOUN {PLURAL}" into the noun and the plural; nullopt plural when
// there are no braces.
Status SplitPlural(std::string_view file, int line, std::string_view head, std::string_view& noun,
                   std::optional<std::string_view>& plural) {
  noun = head;
  plural.reset();
  const size_t open = head.find('{');
  if (open == head.npos) return Status::Ok();
  const size_t close = head.find('}', open);
  if (close == head.npos) return LineError(file, line, "unclosed '{' in plural");
  if (!Trim(head.substr(close + 1)).empty()) {
    return LineError(file, line,
                     "unexpected text after the plural: " + Quoted(Trim(head.substr(close + 1))));
  }
  noun = Trim(head.substr(0, open));
  plural = Trim(head.substr(open + 1, close - open - 1));
  return Status::Ok();
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (IsBlank(text.front()) || text.front() == '\r')) text.remove_prefix(1);
  while (!text.empty() && (IsBlank(text.back()) || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::string_view ValidUtf8(std::string_view contents, std::string& storage) {
  if (IsValidUtf8(contents)) return contents;
  storage.assign(contents);
  RepairUtf8(storage);
  return storage;
}

Status LineError(std::string_view file, int line, std::string_view message) {
  return Status::InvalidArgument(Source(file, line) + ": " + std::string(message));
}

std::optional<CivilDay> ParseDate(std::string_view digits, std::string& error) {
  if (digits.size() < 6 || !std::all_of(digits.begin(), digits.end(), IsDigit)) {
    error = "bad date " + Quoted(digits) + ": expected YYMMDD or YYYYMMDD";
    return std::nullopt;
  }
  const auto number = [&](size_t at, size_t count) {
    int value = 0;
    for (size_t i = at; i < at + count; ++i) value = value * 10 + (digits[i] - '0');
    return value;
  };
  const bool short_year = digits.size() <= 7;
  int year = short_year ? number(0, 2) : number(0, 4);
  if (short_year) year += year <= 30 ? 2000 : 1900;
  const size_t month_at = short_year ? 2 : 4;
  const int month = number(month_at, 2);
  const int day = number(month_at + 2, 2);
  if (!IsValidDay(year, month, day)) {
    error = "bad date " + Quoted(digits) + ": no such day";
    return std::nullopt;
  }
  return CivilDay{year, month, day};
}

Result<PhraseSplitter> PhraseSplitter::Create() {
  SL_ASSIGN_OR_RETURN(text::Segmenter segmenter, text::Segmenter::Create({}, DataFiles{}));
  return PhraseSplitter(std::move(segmenter));
}

std::vector<std::string> PhraseSplitter::Words(std::string_view phrase) const {
  phrase = Trim(phrase);
  while (phrase.ends_with('=') || phrase.ends_with('_')) phrase.remove_suffix(1);
  // Words as a text writes them: capitalised, so that the abbreviation list
  // (which writes "Gen.", "St.") keeps their full stops as it does in text.
  std::string spaced;
  spaced.reserve(phrase.size());
  bool word_start = true;
  for (const char c : phrase) {
    if (c == '_' || IsBlank(c)) {
      spaced.push_back(' ');
      word_start = true;
    } else if (IsLetter(c)) {
      spaced.push_back(word_start ? ToUpper(c) : ToLower(c));
      word_start = false;
    } else {
      spaced.push_back(c);
      word_start = static_cast<unsigned char>(c) < 0x80;
    }
  }
  std::vector<std::string> words;
  for (const text::Token& token :
       segmenter_.Words(spaced, {0, static_cast<uint32_t>(spaced.size())})) {
    words.push_back(
        NormalizeWord(std::string_view(spaced).substr(token.span.begin, token.span.size())));
  }
  return words;
}

bool PhraseSplitter::EndsInStem(std::string_view phrase) {
  phrase = Trim(phrase);
  if (phrase.empty()) return false;
  const char last = phrase.back();
  return IsLetter(last) || IsDigit(last) || static_cast<unsigned char>(last) >= 0x80;
}

std::string RegularPlural(std::string_view phrase) {
  phrase = Trim(phrase);
  while (phrase.ends_with('_')) phrase.remove_suffix(1);
  size_t begin = phrase.size();
  while (begin > 0 && IsLetter(phrase[begin - 1])) --begin;
  if (phrase.size() - begin < 2) return "";
  const char last = ToLower(phrase.back());
  const char before = ToLower(phrase[phrase.size() - 2]);
  const bool upper = IsUpper(phrase.back());
  const auto with = [&](size_t keep, std::string_view ending) {
    std::string plural(phrase.substr(0, keep));
    for (const char c : ending) plural.push_back(upper ? ToUpper(c) : c);
    return plural;
  };
  if (last == 's') return before == 's' ? with(phrase.size(), "es") : "";
  if (last == 'x' || last == 'z' || (last == 'h' && (before == 'c' || before == 's'))) {
    return with(phrase.size(), "es");
  }
  const bool vowel_before =
      before == 'a' || before == 'e' || before == 'i' || before == 'o' || before == 'u';
  if (last == 'y' && !vowel_before) return with(phrase.size() - 1, "ies");
  return with(phrase.size(), "s");
}

Status ActorLines::Read(int line, std::string_view text) {
  if (text.starts_with('[')) {
    if (names_.empty()) return LineError(file_, line, "code without a name before it");
    return AddCodes(line, text);
  }
  if (text.starts_with('+')) {
    if (names_.empty()) return LineError(file_, line, "synonym without a name before it");
    return AddName(line, Trim(text.substr(1)));
  }
  if (!codes_.empty()) StoreGroup();
  return AddName(line, text);
}

Status ActorLines::AddName(int line, std::string_view text) {
  const size_t bracket = text.find('[');
  std::string phrase(Trim(text.substr(0, bracket)));
  if (phrase.find(']') != phrase.npos) {
    if (!dialect_.lenient) return LineError(file_, line, "']' without '['");
    std::erase(phrase, ']');
  }
  if (phrase.empty()) return LineError(file_, line, "empty name");
  std::vector<std::string> words = splitter_.Words(phrase);
  if (words.empty()) return LineError(file_, line, "name " + Quoted(phrase) + " has no words");
  if (names_.empty()) {
    first_line_ = line;
    first_phrase_ = phrase;
  }
  NameEntry& entry = names_.emplace_back();
  entry.words = std::move(words);
  entry.last_is_stem = dialect_.stems && PhraseSplitter::EndsInStem(phrase);
  entry.kind = NameKind::kUser;
  entry.source = Source(file_, line);
  if (bracket == text.npos) return Status::Ok();
  return AddCodes(line, text.substr(bracket));
}

Status ActorLines::AddCodes(int line, std::string_view text) {
  return ForEachBracket(file_, line, text, dialect_, [&](std::string_view inside) {
    std::string error;
    std::optional<DatedCode> code = ParseActorCode(inside, dialect_, error);
    if (!code) return LineError(file_, line, error);
    codes_.push_back(std::move(*code));
    return Status::Ok();
  });
}

void ActorLines::StoreGroup() {
  for (NameEntry& entry : names_) {
    entry.codes = codes_;
    out_.push_back(std::move(entry));
  }
  names_.clear();
  codes_.clear();
}

Status ActorLines::Finish() {
  if (!names_.empty() && codes_.empty()) {
    return LineError(file_, first_line_, "name " + Quoted(first_phrase_) + " has no code");
  }
  StoreGroup();
  return Status::Ok();
}

Status AgentLines::Read(int line, std::string_view text) {
  if (text.starts_with('!')) {
    const size_t close = text.find('!', 1);
    if (close != text.npos && Trim(text.substr(close + 1)).starts_with('=')) {
      return DefineSet(line, text);
    }
  }
  const size_t bracket = text.find('[');
  if (bracket == text.npos) {
    if (dialect_.lenient) return Status::Ok();
    return LineError(file_, line, "agent " + Quoted(text) + " has no code");
  }
  std::optional<AgentEntry> code;
  SL_RETURN_IF_ERROR(
      ForEachBracket(file_, line, text.substr(bracket), dialect_, [&](std::string_view inside) {
        if (code) return LineError(file_, line, "agent with more than one code");
        std::string error;
        code = ParseAgentCode(inside, dialect_, error);
        return code ? Status::Ok() : LineError(file_, line, error);
      }));
  const std::string_view head = Trim(text.substr(0, bracket));
  if (head.empty()) return LineError(file_, line, "agent code without a noun before it");
  std::vector<std::string> heads;
  SL_RETURN_IF_ERROR(ExpandSets(line, head, heads));
  const bool uses_sets = head.find('!') != head.npos;
  for (const std::string& expanded : heads) {
    std::string_view noun;
    std::optional<std::string_view> plural;
    SL_RETURN_IF_ERROR(SplitPlural(file_, line, expanded, noun, plural));
    if (noun.empty()) return LineError(file_, line, "plural without a noun before it");
    const std::string role = RoleOf(noun);
    SL_RETURN_IF_ERROR(AddEntry(line, noun, role, /*plural=*/false, *code));
    const bool stem = dialect_.stems && PhraseSplitter::EndsInStem(noun);
    std::string derived;
    if (!plural && !uses_sets && !stem && !noun.ends_with('=')) derived = RegularPlural(noun);
    const std::string_view plural_noun = plural ? *plural : std::string_view(derived);
    if (!plural_noun.empty()) SL_RETURN_IF_ERROR(AddEntry(line, plural_noun, role, true, *code));
  }
  return Status::Ok();
}

Status AgentLines::DefineSet(int line, std::string_view text) {
  const size_t close = text.find('!', 1);
  const std::string name(text.substr(0, close + 1));
  if (name.size() == 2) return LineError(file_, line, "synonym set without a name '!!'");
  if (const auto it = sets_.find(name); it != sets_.end()) {
    return LineError(file_, line,
                     "synonym set " + name + " is defined twice (first on line " +
                         std::to_string(it->second.line) + ")");
  }
  SynonymSet set;
  set.line = line;
  std::string_view members = Trim(text.substr(close + 1)).substr(1);
  while (true) {
    const size_t comma = members.find(',');
    const std::string_view member = Trim(members.substr(0, comma));
    if (member.empty()) return LineError(file_, line, "empty member in synonym set " + name);
    if (member.find('!') != member.npos) {
      return LineError(file_, line,
                       "member " + Quoted(member) + " of synonym set " + name + " contains '!'");
    }
    set.members.emplace_back(member);
    if (comma == members.npos) break;
    members.remove_prefix(comma + 1);
  }
  sets_.emplace(name, std::move(set));
  return Status::Ok();
}

Status AgentLines::ExpandSets(int line, std::string_view phrase,
                              std::vector<std::string>& phrases) const {
  std::vector<std::string> pending{std::string(phrase)};
  while (!pending.empty()) {
    std::string current = std::move(pending.back());
    pending.pop_back();
    const size_t open = current.find('!');
    if (open == current.npos) {
      phrases.push_back(std::move(current));
      continue;
    }
    const size_t close = current.find('!', open + 1);
    if (close == current.npos) return LineError(file_, line, "unclosed '!' in synonym set name");
    const std::string name = current.substr(open, close - open + 1);
    const auto set = sets_.find(name);
    if (set == sets_.end()) return LineError(file_, line, "unknown synonym set " + name);
    // Pushed last to first so that the nouns come out in the set's order.
    for (auto member = set->second.members.rbegin(); member != set->second.members.rend();
         ++member) {
      pending.push_back(ReplaceAll(current, name, *member));
    }
    if (pending.size() + phrases.size() > kMaxExpansions) {
      return LineError(
          file_, line,
          "synonym sets expand to more than " + std::to_string(kMaxExpansions) + " nouns");
    }
  }
  return Status::Ok();
}

Status AgentLines::AddEntry(int line, std::string_view noun, std::string_view role, bool plural,
                            const AgentEntry& code) {
  std::vector<std::string> words = splitter_.Words(noun);
  if (words.empty()) return LineError(file_, line, "noun " + Quoted(noun) + " has no words");
  AgentEntry& entry = out_.emplace_back();
  entry.words = std::move(words);
  entry.last_is_stem = !plural && dialect_.stems && PhraseSplitter::EndsInStem(noun);
  entry.code = code.code;
  entry.prefix = code.prefix;
  entry.role = role;
  // A plural names a group ("soldiers"); a singular is taken to name a
  // person, which a body noun ("ministry") is not: the files do not say.
  entry.person = !plural;
  entry.source = Source(file_, line);
  return Status::Ok();
}

Status ReadActorFile(std::string_view name, std::string_view contents, const Dialect& dialect,
                     EntryLineWalker walk, Entries& out) {
  std::string repaired;
  contents = ValidUtf8(contents, repaired);
  SL_ASSIGN_OR_RETURN(const PhraseSplitter splitter, PhraseSplitter::Create());
  std::vector<NameEntry> names;
  ActorLines actors(name, dialect, splitter, names);
  SL_RETURN_IF_ERROR(walk(
      name, contents, [&](int line, std::string_view text) { return actors.Read(line, text); }));
  SL_RETURN_IF_ERROR(actors.Finish());
  out.names.insert(out.names.end(), std::make_move_iterator(names.begin()),
                   std::make_move_iterator(names.end()));
  return Status::Ok();
}

Status ReadAgentFile(std::string_view name, std::string_view contents, const Dialect& dialect,
                     EntryLineWalker walk, Entries& out) {
  std::string repaired;
  contents = ValidUtf8(contents, repaired);
  SL_ASSIGN_OR_RETURN(const PhraseSplitter splitter, PhraseSplitter::Create());
  std::vector<AgentEntry> agents;
  AgentLines lines(name, dialect, splitter, agents);
  SL_RETURN_IF_ERROR(walk(name, contents,
                          [&](int line, std::string_view text) { return lines.Read(line, text); }));
  out.agents.insert(out.agents.end(), std::make_move_iterator(agents.begin()),
                    std::make_move_iterator(agents.end()));
  return Status::Ok();
}

}  // namespace storyline::actors::cameo
