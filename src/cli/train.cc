// storyline train: builds the learned models under data/, one subcommand
// each (train_<name>.cc).
#include "cli/commands.h"

namespace storyline::cli {

void AddTrainCommand(CLI::App& command, Handler& run) {
  command.require_subcommand(1);
  AddTrainNerCommand(*command.add_subcommand("ner", "Train the entity tagger on CoNLL files"), run);
}

}  // namespace storyline::cli
