#include "quotes/lexicon.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "core/tsv.h"

namespace storyline::quotes {
namespace {

enum class Kind {
  kVerb,
  kObjectVerb,
  kSourceAfter,
  kQuoteVerb,
  kLink,
  kLeftBoundary,
  kRightBoundary,
  kRelative,
  kPersonPronoun,
  kGroupPronoun,
  kDeterminer,
  kBe,
  kPreposition,
  kNounForm,
};

struct KindName {
  std::string_view name;
  Kind kind;
};

constexpr std::array<KindName, 14> kKinds = {{
    {"verb", Kind::kVerb},
    {"object_verb", Kind::kObjectVerb},
    {"source_after", Kind::kSourceAfter},
    {"quote_verb", Kind::kQuoteVerb},
    {"link", Kind::kLink},
    {"left_boundary", Kind::kLeftBoundary},
    {"right_boundary", Kind::kRightBoundary},
    {"relative", Kind::kRelative},
    {"person_pronoun", Kind::kPersonPronoun},
    {"group_pronoun", Kind::kGroupPronoun},
    {"determiner", Kind::kDeterminer},
    {"be", Kind::kBe},
    {"preposition", Kind::kPreposition},
    {"noun_form", Kind::kNounForm},
}};

std::optional<Kind> KindNamed(std::string_view name) {
  for (const KindName& k : kKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::optional<CueKind> CueKindOf(Kind kind) {
  switch (kind) {
    case Kind::kVerb:
      return CueKind::kVerb;
    case Kind::kObjectVerb:
      return CueKind::kObjectVerb;
    case Kind::kSourceAfter:
      return CueKind::kSourceAfter;
    case Kind::kQuoteVerb:
      return CueKind::kQuoteVerb;
    default:
      return std::nullopt;
  }
}

uint16_t RoleOf(Kind kind) {
  switch (kind) {
    case Kind::kLink:
      return kLink;
    case Kind::kLeftBoundary:
      return kLeftBoundary;
    case Kind::kRightBoundary:
      return kRightBoundary;
    case Kind::kRelative:
      return kRelative;
    case Kind::kPersonPronoun:
      return kPersonPronoun;
    case Kind::kGroupPronoun:
      return kGroupPronoun;
    case Kind::kDeterminer:
      return kDeterminer;
    case Kind::kBe:
      return kBe;
    case Kind::kPreposition:
      return kPreposition;
    case Kind::kNounForm:
      return kNounForm;
    default:
      return 0;
  }
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
    const std::optional<Kind> kind = KindNamed(row.fields[0]);
    if (!kind) return error("unknown kind '" + std::string(row.fields[0]) + "'");
    for (std::string_view form : SplitForms(row.fields[1])) {
      const std::optional<std::vector<std::string_view>> words = SplitForm(form);
      if (!words) {
        return error("a form must be lower-case words separated by single spaces, got '" +
                     std::string(form) + "'");
      }
      std::vector<int32_t> ids;
      for (std::string_view word : *words) ids.push_back(lexicon.Intern(word));
      if (const std::optional<CueKind> cue = CueKindOf(*kind)) {
        auto [first, added] = cue_lines.try_emplace(std::string(form), row.line);
        if (!added) {
          return error("cue '" + std::string(form) + "' already given on line " +
                       std::to_string(first->second));
        }
        lexicon.cues_[ids.front()].push_back({std::move(ids), *cue});
      } else if (ids.size() > 1) {
        if (*kind != Kind::kLink) {
          return error(std::string(row.fields[0]) + " must be one word, got '" + std::string(form) +
                       "'");
        }
        lexicon.long_links_[ids.back()].push_back({std::move(ids)});
      } else {
        const uint16_t role = RoleOf(*kind);
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
