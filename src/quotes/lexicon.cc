#include "quotes/lexicon.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/tsv.h"

namespace storyline::quotes {
namespace {

// A kind of row in the file: a cue kind, or a role its words play.
struct KindName {
  std::string_view name;
  std::optional<CueKind> cue;
  uint16_t role = 0;  // when not a cue
};

constexpr std::array<KindName, 16> kKinds = {{
    {"verb", CueKind::kVerb},
    {"object_verb", CueKind::kObjectVerb},
    {"source_after", CueKind::kSourceAfter},
    {"quote_verb", CueKind::kQuoteVerb},
    {"link", std::nullopt, kLink},
    {"left_boundary", std::nullopt, kLeftBoundary},
    {"right_boundary", std::nullopt, kRightBoundary},
    {"relative", std::nullopt, kRelative},
    {"person_pronoun", std::nullopt, kPersonPronoun},
    {"group_pronoun", std::nullopt, kGroupPronoun},
    {"determiner", std::nullopt, kDeterminer},
    {"be", std::nullopt, kBe},
    {"preposition", std::nullopt, kPreposition},
    {"noun_form", std::nullopt, kNounForm},
    {"quantifier", std::nullopt, kQuantifier},
    {"document", std::nullopt, kDocument},
}};

const KindName* KindNamed(std::string_view name) {
  for (const KindName& k : kKinds) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || c == '\'' || c == '-'; }

// "point out" -> {"point", "out"}; nullopt unless the form is lower-case
// words (letters, apostrophes, hyphens) separated by single spaces.
std::optional<std::vector<std::string_view>> SplitForm(std::string_view form) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= form.size(); ++i) {
    if (i < form.size() && form[i] != ' ') {
      if (!IsWordChar(form[i])) return std::nullopt;
      continue;
    }
    if (i == start) return std::nullopt;  // empty form, or a double space
    words.push_back(form.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

// "say, says, said" -> {"say", "says", "said"}.
std::vector<std::string_view> SplitForms(std::string_view field) {
  std::vector<std::string_view> forms;
  for (size_t start = 0;;) {
    const size_t comma = field.find(", ", start);
    forms.push_back(field.substr(start, comma == field.npos ? field.npos : comma - start));
    if (comma == field.npos) break;
    start = comma + 2;
  }
  return forms;
}

template <typename Phrase>
void SortLongestFirst(std::vector<std::vector<Phrase>>& table) {
  for (std::vector<Phrase>& phrases : table) {
    std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
      return a.words.size() > b.words.size();
    });
  }
}

}  // namespace

int32_t Lexicon::Intern(std::string_view lower) {
  auto [it, added] = ids_.try_emplace(std::string(lower), static_cast<int32_t>(roles_.size()));
  if (added) {
    roles_.push_back(0);
    cues_.emplace_back();
    long_links_.emplace_back();
  }
  return it->second;
}

Result<Lexicon> Lexicon::Parse(std::string_view contents, std::string_view name) {
  Lexicon lexicon;
  // The line each cue phrase was first given on, to report duplicates.
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> cue_lines;
  for (const TsvRow& row : SplitTsv(contents)) {
    auto error = [&](const std::string& message) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(row.line) + ": " +
                                     message);
    };
    if (row.fields.size() != 2) return error("expected 2 tab-separated fields: KIND, FORMS");
    const KindName* kind = KindNamed(row.fields[0]);
    if (kind == nullptr) return error("unknown kind '" + std::string(row.fields[0]) + "'");
    for (std::string_view form : SplitForms(row.fields[1])) {
      const std::optional<std::vector<std::string_view>> words = SplitForm(form);
      if (!words) {
        return error("a form must be lower-case words separated by single spaces, got '" +
                     std::string(form) + "'");
      }
      std::vector<int32_t> ids;
      for (std::string_view word : *words) ids.push_back(lexicon.Intern(word));
      if (const std::optional<CueKind> cue = kind->cue) {
        auto [first, added] = cue_lines.try_emplace(std::string(form), row.line);
        if (!added) {
          return error("cue '" + std::string(form) + "' already given on line " +
                       std::to_string(first->second));
        }
        lexicon.cues_[ids.front()].push_back({std::move(ids), *cue});
      } else if (ids.size() > 1) {
        if (kind->role != kLink) {
          return error(std::string(row.fields[0]) + " must be one word, got '" + std::string(form) +
                       "'");
        }
        lexicon.long_links_[ids.back()].push_back({std::move(ids)});
      } else {
        const uint16_t role = kind->role;
        if (lexicon.roles_[ids[0]] & role) {
          return error("duplicate " + std::string(row.fields[0]) + " '" + std::string(form) + "'");
        }
        lexicon.roles_[ids[0]] |= role;
      }
    }
  }
  SortLongestFirst(lexicon.cues_);
  SortLongestFirst(lexicon.long_links_);
  return lexicon;
}

int32_t Lexicon::WordId(std::string_view lower) const {
  const auto it = ids_.find(lower);
  return it == ids_.end() ? kUnknownWord : it->second;
}

const std::vector<CuePhrase>& Lexicon::CuesStartingWith(int32_t word) const {
  static const std::vector<CuePhrase> kNone;
  return word < 0 ? kNone : cues_[word];
}

const std::vector<LinkPhrase>& Lexicon::LinksEndingWith(int32_t word) const {
  static const std::vector<LinkPhrase> kNone;
  return word < 0 ? kNone : long_links_[word];
}

}  // namespace storyline::quotes
