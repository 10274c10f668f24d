// storyline eval: quality evaluations of the stages on annotated data sets,
// one subcommand each (eval_<name>.cc). Each prints its figures; the quality
// gates that hold them up are tests.
#include "cli/commands.h"

namespace storyline::cli {

// eval_coref.cc
void AddEvalCorefCommand(CLI::App& command, Handler& run);
// eval_html.cc
void AddEvalHtmlCommand(CLI::App& command, Handler& run);

void AddEvalCommand(CLI::App& command, Handler& run) {
  command.require_subcommand(1);
  AddEvalNerCommand(*command.add_subcommand("ner", "Entity tagger on a CoNLL file, and its speed"),
                    run);
  AddEvalQuotesCommand(*command.add_subcommand("quotes", "Quotes and their speakers on PolNeAR"),
                       run);
  AddEvalTabariCommand(
      *command.add_subcommand("tabari", "CAMEO events on the TABARI validation suite"), run);
  AddEvalPetrarchCommand(
      *command.add_subcommand("petrarch", "CAMEO events on the PETRARCH unit-test records"), run);
  AddEvalCorefCommand(
      *command.add_subcommand("coref", "Event coreference across articles on examples/event-coref"),
      run);
  AddEvalHtmlCommand(*command.add_subcommand(
                         "html", "Main text and metadata of web pages, beside peer extractors"),
                     run);
}

}  // namespace storyline::cli
