#include "peer_process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace storyline::eval {
namespace {

// A descriptor closed when it goes out of scope.
struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

std::string ReadAll(int fd) {
  std::string out;
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return out;
    out.append(buffer, static_cast<size_t>(got));
  }
}

}  // namespace

Result<std::string> RunPeerProcess(std::vector<std::string> argv,
                                   const PeerProcessOptions& options) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return Status::IoError("pipe: " + std::string(strerror(errno)));
  Descriptor read_end{pipe_fds[0]};
  Descriptor write_end{pipe_fds[1]};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (options.stdin_fd >= 0) {
    posix_spawn_file_actions_adddup2(&actions, options.stdin_fd, STDIN_FILENO);
  } else {
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  }
  posix_spawn_file_actions_adddup2(&actions, write_end.fd, STDOUT_FILENO);
  if (options.quiet) {
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  }
  std::vector<char*> args;
  for (std::string& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    std::string message = "cannot start " + argv[0] + ": " + strerror(spawned);
    if (!options.not_found_hint.empty()) message += " " + options.not_found_hint;
    return Status::NotFound(message);
  }
  ::close(write_end.fd);
  write_end.fd = -1;
  std::string output = ReadAll(read_end.fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::Internal(argv[0] + " " + argv[1] + " failed (exit status " +
                            std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")");
  }
  return output;
}

std::vector<PeerOutputLine> PeerOutputLines(std::string_view output) {
  std::vector<PeerOutputLine> lines;
  int number = 0;
  while (!output.empty()) {
    const size_t newline = output.find('\n');
    const std::string_view line = output.substr(0, newline);
    output.remove_prefix(newline == output.npos ? output.size() : newline + 1);
    ++number;
    if (!line.empty()) lines.push_back({number, line});
  }
  return lines;
}

}  // namespace storyline::eval
