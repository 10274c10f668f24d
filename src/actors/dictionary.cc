// The Dictionary: our entries or the users', indexed by first word, and the
// rules that turn an entity's description into an ActorCode.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

#include "absl/container/flat_hash_map.h"
#include "actors/actors.h"
#include "actors/ours.h"
#include "actors/phoenix.h"
#include "actors/tabari.h"
#include "core/data_files.h"

namespace storyline::actors {
namespace {

// Stems shorter than this are not looked up by prefix: "a" or "al" would
// match half the words of a text.
constexpr size_t kMinStemBytes = 3;

bool WordMatches(std::string_view entry_word, std::string_view word, bool stem) {
  return stem ? word.starts_with(entry_word) : word == entry_word;
}

// Entries by first word, longest first, so the first full match is the
// longest. Entries whose only word is a stem are kept apart and found by
// the prefixes of the word looked up.
template <typename Entry>
class WordIndex {
 public:
  explicit WordIndex(const std::vector<Entry>& entries) : entries_(entries) {
    for (uint32_t i = 0; i < entries.size(); ++i) {
      const Entry& entry = entries[i];
      if (entry.words.empty()) continue;
      const bool stem_first = entry.last_is_stem && entry.words.size() == 1;
      (stem_first ? by_stem_ : by_first_)[entry.words.front()].push_back(i);
    }
    for (auto* map : {&by_first_, &by_stem_}) {
      for (auto& [word, list] : *map) {
        // Longest first; among equals, the earlier entry (file order) wins.
        std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
          return entries[a].words.size() > entries[b].words.size();
        });
      }
    }
  }

  Match<Entry> Longest(std::span<const std::string> words) const {
    Match<Entry> best;
    if (words.empty()) return best;
    if (const auto it = by_first_.find(words.front()); it != by_first_.end()) {
      for (const uint32_t i : it->second) {
        if (Matches(entries_[i], words)) {
          best = {&entries_[i], entries_[i].words.size()};
          break;
        }
      }
    }
    if (best || by_stem_.empty()) return best;
    const std::string& word = words.front();
    for (size_t length = word.size(); length >= kMinStemBytes; --length) {
      const auto it = by_stem_.find(word.substr(0, length));
      if (it != by_stem_.end()) return {&entries_[it->second.front()], 1};
    }
    return best;
  }

 private:
  static bool Matches(const Entry& entry, std::span<const std::string> words) {
    if (entry.words.size() > words.size()) return false;
    for (size_t i = 0; i < entry.words.size(); ++i) {
      const bool stem = entry.last_is_stem && i + 1 == entry.words.size();
      if (!WordMatches(entry.words[i], words[i], stem)) return false;
    }
    return true;
  }

  const std::vector<Entry>& entries_;
  // Looked up for almost every word of an article: open addressing.
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_first_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> by_stem_;
};

Result<std::string> ReadUserFile(const std::string& path) {
  Result<std::string> contents = ReadFile(path);
  if (contents.ok()) return contents;
  return Status(contents.status().code(), "cannot read dictionary '" + path + "'");
}

std::string_view HowOfName(NameKind kind) {
  switch (kind) {
    case NameKind::kPerson:
      return "person";
    case NameKind::kCapital:
      return "capital";
    case NameKind::kAdjective:
      return "demonym";
    default:
      return "dictionary";
  }
}

// The code a qualifying country or organisation lends: a capital or a city
// lends its country's code.
std::optional<std::string> AffiliationCode(const NameEntry& entry, std::optional<CivilDay> day) {
  if (const DatedCode* code = Dictionary::CodeOn(entry, day)) return code->code;
  if (!entry.country.empty()) return entry.country;
  return std::nullopt;
}

}  // namespace

struct Dictionary::Index {
  Entries entries;
  // Country code -> its usual name, from our country list.
  std::unordered_map<std::string, std::string> country_names;
  // Built over `entries`, which must not move afterwards: Index is only
  // ever held through a unique_ptr.
  std::unique_ptr<WordIndex<NameEntry>> names;
  std::unique_ptr<WordIndex<AgentEntry>> agents;
};

std::string NormalizeWord(std::string_view word) {
  std::string out;
  NormalizeWordInto(word, out);
  return out;
}

void NormalizeWordInto(std::string_view word, std::string& out) {
  out.clear();
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    const unsigned char byte = word[i];
    if (byte < 0x80) {
      out.push_back(byte >= 'A' && byte <= 'Z' ? static_cast<char>(byte | 0x20)
                                               : static_cast<char>(byte));
      ++i;
      continue;
    }
    int32_t next = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(word.data(), next, static_cast<int32_t>(word.size()), c);
    if (c == 0x2019 || c == 0x2018) {
      out.push_back('\'');
    } else if (c < 0) {
      out.append(word.substr(i, static_cast<size_t>(next) - i));
    } else {
      const UChar32 lower = u_tolower(c);
      char buffer[U8_MAX_LENGTH];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buffer, length, lower);  // a code point never needs more
      out.append(buffer, static_cast<size_t>(length));
    }
    i = static_cast<size_t>(next);
  }
}

Result<Dictionary> Dictionary::Create(const Options& options, const DataFiles& data) {
  auto index = std::make_unique<Index>();
  SL_ASSIGN_OR_RETURN(Entries ours, LoadOurDictionaries(data));
  for (const NameEntry& entry : ours.names) {
    if (entry.kind != NameKind::kCountry || entry.codes.empty()) continue;
    std::string name;
    for (const std::string& word : entry.words) name += (name.empty() ? "" : " ") + word;
    index->country_names.try_emplace(entry.codes.front().code, std::move(name));
  }
  Entries users;
  for (const std::string& path : options.actor_files) {
    SL_ASSIGN_OR_RETURN(const std::string contents, ReadUserFile(path));
    SL_RETURN_IF_ERROR(ReadUserActors(path, contents, users));
  }
  for (const std::string& path : options.agent_files) {
    SL_ASSIGN_OR_RETURN(const std::string contents, ReadUserFile(path));
    SL_RETURN_IF_ERROR(ReadUserAgents(path, contents, users));
  }
  index->entries.names =
      options.actor_files.empty() ? std::move(ours.names) : std::move(users.names);
  index->entries.agents =
      options.agent_files.empty() ? std::move(ours.agents) : std::move(users.agents);
  index->names = std::make_unique<WordIndex<NameEntry>>(index->entries.names);
  index->agents = std::make_unique<WordIndex<AgentEntry>>(index->entries.agents);
  return Dictionary(std::move(index));
}

Dictionary::Dictionary(std::unique_ptr<const Index> index) : index_(std::move(index)) {}
Dictionary::Dictionary(Dictionary&&) noexcept = default;
Dictionary& Dictionary::operator=(Dictionary&&) noexcept = default;
Dictionary::~Dictionary() = default;

Match<NameEntry> Dictionary::MatchName(std::span<const std::string> words) const {
  return index_->names->Longest(words);
}

Match<AgentEntry> Dictionary::MatchAgent(std::span<const std::string> words) const {
  return index_->agents->Longest(words);
}

const DatedCode* Dictionary::CodeOn(const NameEntry& entry, std::optional<CivilDay> day) {
  const DatedCode* undated = nullptr;
  for (const DatedCode& code : entry.codes) {
    if (!code.from && !code.to) {
      if (undated == nullptr) undated = &code;
      continue;
    }
    if (!day) continue;
    const int64_t today = DaysFromCivil(*day);
    if (code.from && DaysFromCivil(*code.from) > today) continue;
    if (code.to && DaysFromCivil(*code.to) < today) continue;
    return &code;
  }
  return undated;
}

std::optional<ActorCode> Dictionary::Resolve(const Description& entity,
                                             std::optional<CivilDay> day) const {
  // A name the dictionaries know, covered whole: its own code comes first.
  for (const std::vector<std::string>& name : entity.names) {
    const Match<NameEntry> match = MatchName(name);
    if (!match || match.words != name.size()) continue;
    const NameEntry& entry = *match.entry;
    if (const DatedCode* code = CodeOn(entry, day)) {
      return ActorCode{code->code, std::string(HowOfName(entry.kind)), entry.source};
    }
    // A capital, region or city without a code of its own stands for its country.
    if (!entry.country.empty() && entry.kind != NameKind::kPerson) {
      return ActorCode{entry.country, std::string(HowOfName(entry.kind)), entry.source};
    }
  }
  std::optional<std::string> prefix;
  if (entity.affiliation != nullptr) prefix = AffiliationCode(*entity.affiliation, day);
  if (!prefix && entity.role != nullptr && !entity.country.empty()) prefix = entity.country;
  if (entity.role != nullptr) {
    // "-" roles (spokesman, envoy) take their organisation's code whole;
    // prefix agents (TABARI's "[NGO~]") go before it.
    const AgentEntry& role = *entity.role;
    if (role.code == "-") {
      if (!prefix) return std::nullopt;
      return ActorCode{*prefix, "role", entity.role_phrase};
    }
    std::string code =
        role.prefix ? role.code + prefix.value_or("") : prefix.value_or("") + role.code;
    return ActorCode{std::move(code), "role", entity.role_phrase};
  }
  if (prefix) {
    return ActorCode{*prefix, std::string(HowOfName(entity.affiliation->kind)),
                     entity.affiliation->source};
  }
  return std::nullopt;
}

std::string_view Dictionary::CountryName(std::string_view code) const {
  const auto it = index_->country_names.find(std::string(code));
  return it == index_->country_names.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<std::pair<std::string, std::vector<std::string>>> Dictionary::GazetteerPhrases() const {
  return actors::GazetteerPhrases(index_->entries);
}

}  // namespace storyline::actors
