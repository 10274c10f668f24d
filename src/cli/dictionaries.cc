#include "cli/dictionaries.h"

namespace storyline::cli {

void AddDictionaryOptions(CLI::App& command, DictionaryArgs& args) {
  const struct {
    const char* name;
    std::vector<std::string>* files;
    const char* help;
  } options[] = {
      {"--actors", &args.actor_files,
       "A TABARI (.actors) or PETRARCH/Phoenix (*.actors.txt) actor dictionary; repeatable. "
       "Named ones replace the built-in names for actor codes"},
      {"--agents", &args.agent_files,
       "A TABARI (.agents) or PETRARCH/Phoenix agents dictionary; repeatable. Named ones "
       "replace the built-in role nouns"},
      {"--verbs", &args.verb_files,
       "A TABARI (.verbs) or PETRARCH/Phoenix (CAMEO.2.0.txt) verb dictionary; repeatable. "
       "Named ones replace the built-in CAMEO verb dictionary"},
      {"--discards", &args.discard_files,
       "A TABARI or Phoenix discard list: sentences (or, for '+' entries, whole articles) "
       "naming one of its phrases code no event; repeatable"},
  };
  for (const auto& option : options) {
    command.add_option(option.name, *option.files, option.help)
        ->option_text("FILE")
        ->check(CLI::ExistingFile);
  }
}

void ApplyDictionaries(const DictionaryArgs& args, pipeline::FactsOptions& options) {
  options.actors.actor_files = args.actor_files;
  options.actors.agent_files = args.agent_files;
  options.events.verb_files = args.verb_files;
  options.events.discard_files = args.discard_files;
}

}  // namespace storyline::cli
