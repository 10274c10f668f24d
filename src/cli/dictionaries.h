// dictionaries.h: the options that name users' dictionaries (--actors,
// --agents, --verbs, --discards), shared by `analyze` and `code`.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "pipeline/facts.h"

namespace storyline::cli {

struct DictionaryArgs {
  std::vector<std::string> actor_files;
  std::vector<std::string> agent_files;
  std::vector<std::string> verb_files;
  std::vector<std::string> discard_files;
};

// Registers the four options on `command`, storing into `args`.
void AddDictionaryOptions(CLI::App& command, DictionaryArgs& args);

// Names the files in the facts stage's options.
void ApplyDictionaries(const DictionaryArgs& args, pipeline::FactsOptions& options);

}  // namespace storyline::cli
