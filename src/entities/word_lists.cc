// WordLists: data/entities/en.tsv, docs/formats/entities.md.
#include "core/tsv.h"
#include "entities/mentions.h"

namespace storyline::entities {

Result<WordLists> WordLists::Parse(std::string_view name, std::string_view contents) {
  WordLists lists;
  const std::pair<std::string_view, Set*> classes[] = {
      {"determiner", &lists.determiners_},  {"indefinite", &lists.indefinites_},
      {"modifier", &lists.role_modifiers_}, {"former", &lists.former_},
      {"possessive", &lists.possessives_},  {"connector", &lists.connectors_},
      {"pronoun", &lists.pronouns_}};
  for (const TsvRow& row : SplitTsv(contents)) {
    const std::string where = std::string(name) + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 2) {
      return Status::InvalidArgument(where + "expected 2 fields (class, word), got " +
                                     std::to_string(row.fields.size()));
    }
    const std::string word = actors::NormalizeWord(row.fields[1]);
    if (word.empty() || word != row.fields[1]) {
      return Status::InvalidArgument(where + "the word must be non-empty and in lower case: '" +
                                     std::string(row.fields[1]) + "'");
    }
    Set* set = nullptr;
    for (const auto& [class_name, target] : classes) {
      if (row.fields[0] == class_name) set = target;
    }
    if (set == nullptr) {
      return Status::InvalidArgument(where + "unknown class '" + std::string(row.fields[0]) + "'");
    }
    set->insert(word);
  }
  return lists;
}

}  // namespace storyline::entities
