// commands.h: the subcommands of the storyline tool. Each registers its
// options on a CLI11 subcommand and, when chosen, sets the handler to run.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "core/status.h"

namespace storyline::cli {

// Exit statuses of the storyline tool (documented in `storyline --help`).
enum ExitCode : int {
  kSuccess = 0,       // everything read was ingested
  kSomeRejected = 1,  // some input was rejected; the rest was processed
  kUsage = 2,         // the command line was wrong
  kFailure = 3,       // the run could not be done (database, rule files)
};

using Handler = std::function<int()>;

// Prints "storyline: " and the status to stderr; returns kFailure.
int Fail(const Status& status);

void AddAnalyzeCommand(CLI::App& command, Handler& run);
void AddShowCommand(CLI::App& command, Handler& run);
void AddBriefCommand(CLI::App& command, Handler& run);
void AddServeCommand(CLI::App& command, Handler& run);
void AddExportCommand(CLI::App& command, Handler& run);
void AddTrainCommand(CLI::App& command, Handler& run);
void AddEvalCommand(CLI::App& command, Handler& run);
void AddCodeCommand(CLI::App& command, Handler& run);
void AddTrainNerCommand(CLI::App& command, Handler& run);
void AddEvalNerCommand(CLI::App& command, Handler& run);
void AddEvalQuotesCommand(CLI::App& command, Handler& run);
void AddEvalTabariCommand(CLI::App& command, Handler& run);
void AddEvalPetrarchCommand(CLI::App& command, Handler& run);

}  // namespace storyline::cli
