// Steps 4 and 5: mentions joined into entities within one article, and each
// entity's attributes: name, type, role, country, key and actor code.
#include <algorithm>
#include <map>
#include <optional>

#include "entities/entities.h"
#include "entities/mentions.h"

namespace storyline::entities {
namespace {

// Acronyms compared with the initials of longer names: "NATO", "WHO".
constexpr size_t kMinAcronymLetters = 2;
constexpr size_t kMaxAcronymLetters = 8;

// One entity while it is being built.
struct Cluster {
  std::vector<uint32_t> names;     // indexes into the name mentions
  std::vector<uint32_t> nominals;  // indexes into the nominal mentions
  std::vector<std::string> full;   // the normalised words of its fullest name
  std::string type;
  const actors::AgentEntry* role = nullptr;
  std::string role_phrase;
  const actors::NameEntry* affiliation = nullptr;
  const actors::NameEntry* entry = nullptr;  // the dictionary entry of a name
  // Its role read in the text, else the office its dictionary entry holds on
  // the article's day (set once the names are joined).
  const actors::AgentEntry* effective_role = nullptr;
  std::string_view office;          // that office in plain words, when it is one
  std::vector<uint32_t> sentences;  // of its mentions, sorted
};

// What joins names through the dictionary: a person's or organisation's
// row (aliases share it), or a country's code (its names are on several rows).
std::string EntryIdentity(const actors::NameEntry& entry) {
  if (entry.kind == actors::NameKind::kCountry && !entry.codes.empty()) {
    return "country:" + entry.codes.front().code;
  }
  return entry.source;
}

std::string Joined(std::span<const std::string> words) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

bool ContainsRun(const std::vector<std::string>& haystack, std::span<const std::string> needle) {
  if (needle.empty() || needle.size() > haystack.size()) return false;
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

// "NATO" against "North Atlantic Treaty Organization": the initials of the
// words that are not connectors ("of", "the").
bool IsAcronymOf(std::string_view acronym_text, const std::vector<std::string>& words,
                 const WordLists& lists) {
  std::string acronym;
  for (const char c : acronym_text) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    acronym.push_back(static_cast<char>(c | 0x20));
  }
  if (acronym.size() < kMinAcronymLetters || acronym.size() > kMaxAcronymLetters) return false;
  std::string initials;
  for (const std::string& word : words) {
    if (!lists.IsNameConnector(word) && !word.empty()) initials.push_back(word.front());
  }
  return initials == acronym;
}

// The country an entity belongs to: a country or adjective names it, a
// capital, city, region, national organisation or person has one.
std::optional<std::string> CountryOf(const actors::NameEntry* entry) {
  if (entry == nullptr) return std::nullopt;
  if ((entry->kind == actors::NameKind::kCountry || entry->kind == actors::NameKind::kAdjective) &&
      !entry->codes.empty() && entry->codes.front().code.size() == 3) {
    return entry->codes.front().code;
  }
  if (!entry->country.empty()) return entry->country;
  return std::nullopt;
}

// The entity type a kind of dictionary entry names; nullopt for users'
// entries, which do not say.
std::optional<std::string_view> TypeOf(actors::NameKind kind) {
  switch (kind) {
    case actors::NameKind::kPerson:
      return "PER";
    case actors::NameKind::kOrganisation:
    case actors::NameKind::kGroup:
      return "ORG";
    case actors::NameKind::kCountry:
    case actors::NameKind::kCapital:
    case actors::NameKind::kRegion:
    case actors::NameKind::kPlace:
      return "LOC";
    case actors::NameKind::kAdjective:
      return "MISC";
    case actors::NameKind::kUser:
      return std::nullopt;
  }
  return std::nullopt;
}

class Joiner {
 public:
  Joiner(const Document& document, const std::vector<Mention>& names,
         const std::vector<Mention>& nominals, const actors::Dictionary& dictionary,
         std::optional<CivilDay> day)
      : document_(document),
        names_(names),
        nominals_(nominals),
        dictionary_(dictionary),
        day_(day) {}

  std::vector<Entity> Run(const WordLists& lists) {
    JoinFullNames();
    JoinPartialNames(lists);
    for (Cluster& cluster : clusters_) {
      if (cluster.role != nullptr) {
        cluster.effective_role = cluster.role;
        continue;
      }
      cluster.office = Office(cluster);
      cluster.effective_role = RoleNamed(cluster.office);
    }
    JoinNominals();
    return Build();
  }

 private:
  // Names with the same words or the same dictionary entry are one entity,
  // whatever type the tagger gave each.
  void JoinFullNames() {
    std::map<std::string, uint32_t> by_identity;
    for (uint32_t i = 0; i < names_.size(); ++i) {
      const Mention& mention = names_[i];
      const std::span<const std::string> words = NormalizedOf(document_, mention.range);
      if (IsPartialCandidate(i)) continue;
      const std::string identity =
          mention.entry != nullptr ? EntryIdentity(*mention.entry) : "words:" + Joined(words);
      auto [it, added] = by_identity.try_emplace(identity, clusters_.size());
      if (added) clusters_.emplace_back();
      AddName(it->second, i);
    }
  }

  // A one-word person name or an acronym: joined to a longer name after
  // the full names have formed their entities.
  bool IsPartialCandidate(uint32_t i) const {
    const Mention& mention = names_[i];
    if (mention.entry != nullptr) return false;
    if (mention.type == "PER") return mention.range.size() == 1;
    return mention.range.size() == 1 && mention.type == "ORG";
  }

  // "Wang" -> "Wang Yi" (the nearest entity before it whose fullest name
  // holds the word, else the nearest after), "NATO" -> "North Atlantic
  // Treaty Organization"; otherwise an entity of its own.
  void JoinPartialNames(const WordLists& lists) {
    std::map<std::string, uint32_t> own;
    for (uint32_t i = 0; i < names_.size(); ++i) {
      if (!IsPartialCandidate(i)) continue;
      const Mention& mention = names_[i];
      const std::span<const std::string> words = NormalizedOf(document_, mention.range);
      // The nearest entity mentioned at or before it, else the first after.
      std::optional<uint32_t> before, after;
      uint32_t before_sentence = 0, after_sentence = 0;
      for (uint32_t c = 0; c < clusters_.size(); ++c) {
        const Cluster& cluster = clusters_[c];
        if (cluster.full.size() <= words.size()) continue;
        const bool person =
            mention.type == "PER" && cluster.type == "PER" && ContainsRun(cluster.full, words);
        const bool acronym = mention.type == "ORG" && cluster.type == "ORG" &&
                             IsAcronymOf(TextOf(document_, mention.range), cluster.full, lists);
        if (!person && !acronym) continue;
        if (const std::optional<uint32_t> last =
                LastSentenceBefore(cluster, mention.range.sentence)) {
          if (!before || *last >= before_sentence) {
            before = c;
            before_sentence = *last;
          }
        } else {
          const uint32_t first = names_[cluster.names.front()].range.sentence;
          if (!after || first < after_sentence) {
            after = c;
            after_sentence = first;
          }
        }
      }
      std::optional<uint32_t> target = before ? before : after;
      if (!target) {
        auto [it, added] = own.try_emplace(mention.type + ":" + Joined(words), clusters_.size());
        if (added) clusters_.emplace_back();
        target = it->second;
      }
      AddName(*target, i);
    }
  }

  void AddName(uint32_t c, uint32_t i) {
    Cluster& cluster = clusters_[c];
    const Mention& mention = names_[i];
    cluster.names.push_back(i);
    AddSentence(cluster, mention.range.sentence);
    const std::span<const std::string> words = NormalizedOf(document_, mention.range);
    if (words.size() > cluster.full.size()) cluster.full.assign(words.begin(), words.end());
    if (cluster.type.empty()) cluster.type = mention.type;
    if (cluster.role == nullptr && mention.role != nullptr) {
      cluster.role = mention.role;
      cluster.role_phrase = std::string(TextOf(document_, mention.role_range));
    }
    if (cluster.affiliation == nullptr) cluster.affiliation = mention.affiliation;
    if (cluster.entry == nullptr && mention.entry != nullptr) {
      cluster.entry = mention.entry;
      // What the dictionary knows it to be wins over the tagger's guess, so
      // that its key is the same in every article.
      if (const std::optional<std::string_view> type = TypeOf(mention.entry->kind)) {
        cluster.type = *type;
      }
    }
  }

  // A role phrase joins the latest entity before it with the same role noun
  // (or the same head: "the minister" for a foreign minister) and no other
  // country; otherwise it stands alone when it names a country or
  // organisation or is indefinite ("a Taliban spokesman").
  void JoinNominals() {
    for (uint32_t n = 0; n < nominals_.size(); ++n) {
      const Mention& nominal = nominals_[n];
      std::optional<uint32_t> target;
      if (!nominal.indefinite) target = Antecedent(nominal);
      if (!target) {
        if (nominal.affiliation == nullptr && !nominal.indefinite) continue;
        target = static_cast<uint32_t>(clusters_.size());
        Cluster& cluster = clusters_.emplace_back();
        cluster.type = nominal.type;
        cluster.role = nominal.role;
        cluster.role_phrase = std::string(TextOf(document_, nominal.role_range));
        cluster.effective_role = nominal.role;
        cluster.affiliation = nominal.affiliation;
      }
      clusters_[*target].nominals.push_back(n);
      AddSentence(clusters_[*target], nominal.range.sentence);
    }
  }

  std::optional<uint32_t> Antecedent(const Mention& nominal) const {
    const std::string& head = nominal.role->words.back();
    const std::optional<std::string> country = CountryOf(nominal.affiliation);
    std::optional<uint32_t> best;
    uint32_t best_sentence = 0;
    for (uint32_t c = 0; c < clusters_.size(); ++c) {
      const Cluster& cluster = clusters_[c];
      if (cluster.type != nominal.type) continue;
      const actors::AgentEntry* role = cluster.effective_role;
      if (role == nullptr || (role != nominal.role && role->words.back() != head)) continue;
      const std::optional<std::string> other = CountryOf(cluster.affiliation);
      if (country && other && *country != *other) continue;
      const std::optional<uint32_t> last = LastSentenceBefore(cluster, nominal.range.sentence);
      if (!last) continue;
      if (!best || *last >= best_sentence) {
        best = c;
        best_sentence = *last;
      }
    }
    return best;
  }

  static void AddSentence(Cluster& cluster, uint32_t sentence) {
    std::vector<uint32_t>& sentences = cluster.sentences;
    sentences.insert(std::upper_bound(sentences.begin(), sentences.end(), sentence), sentence);
  }

  // The sentence of its latest mention at or before `sentence`.
  static std::optional<uint32_t> LastSentenceBefore(const Cluster& cluster, uint32_t sentence) {
    const auto after =
        std::upper_bound(cluster.sentences.begin(), cluster.sentences.end(), sentence);
    if (after == cluster.sentences.begin()) return std::nullopt;
    return *(after - 1);
  }

  // The office a person of the dictionary holds on the article's day ("foreign
  // minister"); empty when none.
  std::string_view Office(const Cluster& cluster) const {
    const actors::NameEntry* entry = cluster.entry;
    if (entry == nullptr || entry->kind != actors::NameKind::kPerson) return {};
    const actors::DatedCode* code = actors::Dictionary::CodeOn(*entry, day_);
    if (code == nullptr) return {};
    const size_t index = static_cast<size_t>(code - entry->codes.data());
    return index < entry->roles.size() ? std::string_view(entry->roles[index]) : "";
  }

  // The role noun an office is, when the dictionaries know it as one.
  const actors::AgentEntry* RoleNamed(std::string_view office) const {
    std::vector<std::string> words;
    while (!office.empty()) {
      const size_t space = std::min(office.find(' '), office.size());
      words.emplace_back(office.substr(0, space));
      office.remove_prefix(std::min(space + 1, office.size()));
    }
    if (words.empty()) return nullptr;
    const actors::Match<actors::AgentEntry> match = dictionary_.MatchAgent(words);
    return match && match.words == words.size() ? match.entry : nullptr;
  }

  std::vector<Entity> Build() const {
    std::vector<Entity> entities;
    entities.reserve(clusters_.size());
    for (const Cluster& cluster : clusters_) entities.push_back(BuildOne(cluster));
    // By first mention; mentions of each in text order.
    std::vector<uint32_t> order(entities.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    const auto first = [&](uint32_t e) {
      const EntityMention& m = entities[e].mentions.front();
      return std::make_pair(m.sentence, m.span.begin);
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return first(a) < first(b); });
    std::vector<Entity> sorted;
    sorted.reserve(entities.size());
    for (uint32_t i = 0; i < order.size(); ++i) {
      sorted.push_back(std::move(entities[order[i]]));
      sorted.back().id = i;
    }
    return sorted;
  }

  Entity BuildOne(const Cluster& cluster) const {
    Entity entity;
    entity.type = cluster.type;
    for (const uint32_t i : cluster.names) AddMention(entity, names_[i]);
    for (const uint32_t i : cluster.nominals) AddMention(entity, nominals_[i]);
    std::sort(
        entity.mentions.begin(), entity.mentions.end(),
        [](const EntityMention& a, const EntityMention& b) { return a.span.begin < b.span.begin; });
    entity.name = NameOf(cluster);
    if (cluster.effective_role != nullptr) {
      entity.role = cluster.effective_role->role;
    } else if (!cluster.office.empty()) {
      entity.role = std::string(cluster.office);
    }
    entity.country = CountryOf(cluster.affiliation);
    if (!entity.country) entity.country = CountryOf(cluster.entry);
    actors::Description description;
    description.type = cluster.type;
    description.names = NameWords(cluster);
    description.role = cluster.role;
    description.role_phrase = cluster.role_phrase;
    description.affiliation = cluster.affiliation;
    description.country = entity.country.value_or("");
    entity.actor = dictionary_.Resolve(description, day_);
    if (!cluster.names.empty()) entity.key = KeyOf(cluster, entity);
    return entity;
  }

  void AddMention(Entity& entity, const Mention& mention) const {
    entity.mentions.push_back({mention.range.sentence, SpanOf(document_, mention.range),
                               std::string(MentionKindName(mention.kind))});
  }

  // The fullest name (most words, then most bytes, then first); a role
  // phrase for an entity known by one only.
  std::string NameOf(const Cluster& cluster) const {
    if (cluster.names.empty()) {
      const Mention& nominal = nominals_[cluster.nominals.front()];
      TokenRange range = nominal.range;
      const std::vector<std::string>& words = document_.sentences[range.sentence].normalized;
      if (range.size() > 1 && (words[range.begin] == "the" || nominal.indefinite)) ++range.begin;
      return std::string(TextOf(document_, range));
    }
    std::string_view best;
    uint32_t best_words = 0;
    for (const uint32_t i : cluster.names) {
      const std::string_view text = TextOf(document_, names_[i].range);
      const uint32_t words = names_[i].range.size();
      if (words > best_words || (words == best_words && text.size() > best.size())) {
        best = text;
        best_words = words;
      }
    }
    return std::string(best);
  }

  std::vector<std::vector<std::string>> NameWords(const Cluster& cluster) const {
    std::vector<std::vector<std::string>> names;
    for (const uint32_t i : cluster.names) {
      const std::span<const std::string> words = NormalizedOf(document_, names_[i].range);
      std::vector<std::string> name(words.begin(), words.end());
      if (std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(std::move(name));
      }
    }
    std::stable_sort(names.begin(), names.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    return names;
  }

  // "TYPE:name[:COUNTRY]"; a country is named by our country list whatever
  // the article calls it.
  std::string KeyOf(const Cluster& cluster, const Entity& entity) const {
    std::string name = NormalizeName(entity.name);
    if (cluster.entry != nullptr && cluster.entry->kind == actors::NameKind::kCountry &&
        entity.country) {
      const std::string_view usual = dictionary_.CountryName(*entity.country);
      if (!usual.empty()) name = NormalizeName(usual);
    }
    std::string key = entity.type + ":" + name;
    if (entity.country) key += ":" + *entity.country;
    return key;
  }

  const Document& document_;
  const std::vector<Mention>& names_;
  const std::vector<Mention>& nominals_;
  const actors::Dictionary& dictionary_;
  const std::optional<CivilDay> day_;
  std::vector<Cluster> clusters_;
};

}  // namespace

std::vector<Entity> JoinMentions(const Document& document, const WordLists& lists,
                                 const std::vector<Mention>& names,
                                 const std::vector<Mention>& nominals,
                                 const actors::Dictionary& dictionary,
                                 std::optional<CivilDay> day) {
  return Joiner(document, names, nominals, dictionary, day).Run(lists);
}

}  // namespace storyline::entities
