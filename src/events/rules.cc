#include "events/rules.h"

#include <charconv>
#include <utility>

#include "core/tsv.h"

namespace storyline::events {
namespace {

constexpr std::pair<std::string_view, WordClass> kClassNames[] = {
    {"negation", kNegation},
    {"future", kFuture},
    {"possible", kPossible},
    {"conditional", kConditional},
    {"condition", kCondition},
    {"subordinator", kSubordinator},
    {"relative", kRelative},
    {"coordinator", kCoordinator},
    {"be", kBe},
    {"have", kHave},
    {"do", kDo},
    {"determiner", kDeterminer},
    {"reporting", kReporting},
    {"place", kPlace},
    {"oblique", kOblique},
    {"pronoun", kPronoun},
    {"article", kArticle},
};

Status RowError(std::string_view name, int line, std::string_view message) {
  return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line) + ": " +
                                 std::string(message));
}

// "a, b, c" -> {"a", "b", "c"}
std::vector<std::string_view> SplitWords(std::string_view list) {
  std::vector<std::string_view> words;
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view word = list.substr(0, comma);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    while (!word.empty() && word.back() == ' ') word.remove_suffix(1);
    if (!word.empty()) words.push_back(word);
    list.remove_prefix(comma == list.npos ? list.size() : comma + 1);
  }
  return words;
}

bool IsCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4) return false;
  for (const char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<Rules> Rules::Parse(std::string_view contents, std::string_view name,
                           const std::vector<CodeInfo>& codes) {
  absl::flat_hash_map<std::string, bool> known_codes;
  for (const CodeInfo& info : codes) known_codes[info.code] = true;
  Rules rules;
  for (const TsvRow& row : SplitTsv(contents)) {
    const std::string_view kind = row.fields[0];
    if (kind == "intent") {
      if (row.fields.size() != 3 || !IsCode(row.fields[1]) || !IsCode(row.fields[2])) {
        return RowError(name, row.line, "an intent row is: intent<TAB>CODE<TAB>INTENT");
      }
      if (!known_codes.contains(std::string(row.fields[2]))) {
        return RowError(name, row.line, "unknown CAMEO code '" + std::string(row.fields[2]) + "'");
      }
      rules.intents_[std::string(row.fields[1])] = std::string(row.fields[2]);
      continue;
    }
    if (kind == "untargeted") {
      if (row.fields.size() != 2 || !IsCode(row.fields[1])) {
        return RowError(name, row.line, "an untargeted row is: untargeted<TAB>CODE");
      }
      rules.untargeted_.emplace_back(row.fields[1]);
      continue;
    }
    WordClass word_class{};
    for (const auto& [class_name, value] : kClassNames) {
      if (class_name == kind) word_class = value;
    }
    if (word_class == WordClass{}) {
      return RowError(name, row.line, "unknown class '" + std::string(kind) + "'");
    }
    if (row.fields.size() != 2) return RowError(name, row.line, "expected CLASS<TAB>WORDS");
    for (const std::string_view word : SplitWords(row.fields[1])) {
      rules.classes_[std::string(word)] |= word_class;
    }
  }
  return rules;
}

std::string_view Rules::Intent(std::string_view code) const {
  for (size_t length = code.size(); length >= 2; --length) {
    const auto it = intents_.find(std::string(code.substr(0, length)));
    if (it != intents_.end()) return it->second;
  }
  return code;
}

bool Rules::Untargeted(std::string_view code) const {
  for (const std::string& prefix : untargeted_) {
    if (code.starts_with(prefix)) return true;
  }
  return false;
}

Result<std::vector<CodeInfo>> ParseCodes(std::string_view contents, std::string_view name) {
  std::vector<CodeInfo> codes;
  for (const TsvRow& row : SplitTsv(contents)) {
    if (row.fields.size() != 5 || !IsCode(row.fields[0]) || !IsCode(row.fields[1])) {
      return RowError(name, row.line,
                      "expected CODE<TAB>ROOT<TAB>QUADCLASS<TAB>GOLDSTEIN<TAB>NAME");
    }
    CodeInfo& info = codes.emplace_back();
    info.code = row.fields[0];
    info.root = row.fields[1];
    const std::string_view quad = row.fields[2];
    const std::string goldstein(row.fields[3]);
    if (std::from_chars(quad.data(), quad.data() + quad.size(), info.quad_class).ec !=
            std::errc() ||
        info.quad_class < 1 || info.quad_class > 4) {
      return RowError(name, row.line, "QuadClass must be 1 to 4");
    }
    char* end = nullptr;
    info.goldstein = std::strtod(goldstein.c_str(), &end);
    if (end == goldstein.c_str() || *end != '\0') {
      return RowError(name, row.line, "bad Goldstein value");
    }
    info.name = row.fields[4];
  }
  return codes;
}

}  // namespace storyline::events
