// peer_process.h: runs a peer program (node, python) as a child process and
// captures what it writes to stdout. Shared by the chrono peer
// (eval/chrono) and the HTML peers (eval/html-peers).
//
// Contract of RunPeerProcess(argv, options):
//   - argv[0] is looked up on PATH (posix_spawnp); argv holds the program
//     and at least one argument (argv[1] names the run in error messages).
//   - stdin is options.stdin_fd (dup'ed in the child; the caller keeps and
//     closes it), or /dev/null when it is -1.
//   - stdout goes into a pipe that is read to its end; stderr is inherited,
//     or discarded when options.quiet.
//   - It waits for the child to exit, and returns its output when it exited
//     with status 0.
// Errors:
//   - NotFound: the program could not be started ("cannot start <program>:
//     <reason>", followed by options.not_found_hint when not empty).
//   - Internal: the program exited with another status or died of a signal
//     ("<argv[0]> <argv[1]> failed (exit status N)", N = -1 for a signal).
//   - IoError: the pipe could not be created.
//
// PeerOutputLines(output) splits what a peer wrote (JSON lines) at '\n' into
// its non-empty lines, numbered from 1 as in the output (empty lines count);
// nothing else is stripped.
//
//   Result<std::string> out = eval::RunPeerProcess({"python3", script, "--version"},
//                                                  {.quiet = true});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace storyline::eval {

struct PeerProcessOptions {
  int stdin_fd = -1;                // the child's stdin; -1: /dev/null
  bool quiet = false;               // discard the child's stderr
  std::string not_found_hint = {};  // appended to the NotFound message
};

Result<std::string> RunPeerProcess(std::vector<std::string> argv,
                                   const PeerProcessOptions& options = {});

struct PeerOutputLine {
  int number = 0;         // 1-based
  std::string_view text;  // without its '\n'; never empty
};

std::vector<PeerOutputLine> PeerOutputLines(std::string_view output);

}  // namespace storyline::eval
