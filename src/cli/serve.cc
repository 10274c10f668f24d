// storyline serve: the JSON API and the web app over a database, until
// interrupted (SIGINT, SIGTERM).
#include "serve/serve.h"

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "cli/analysis.h"
#include "cli/commands.h"

namespace storyline::cli {
namespace {

struct ServeArgs {
  serve::Options options;
  DigestArgs digest;
};

// Stops the server on SIGINT or SIGTERM. The signals are blocked in every
// thread (the server's threads inherit the mask) and taken by sigwait in
// this one, so no handler runs at an arbitrary point.
class SignalStopper {
 public:
  SignalStopper() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals_, nullptr);
  }
  void Start(serve::Server& server) {
    thread_ = std::thread([this, &server] {
      int signal = 0;
      sigwait(&signals_, &signal);
      if (signal != 0) server.Stop();
    });
  }
  ~SignalStopper() {
    if (!thread_.joinable()) return;
    pthread_kill(thread_.native_handle(), SIGTERM);  // wakes sigwait when Run ended alone
    thread_.join();
  }

 private:
  sigset_t signals_;
  std::thread thread_;
};

int RunServe(ServeArgs& args) {
  std::shared_ptr<const link::Stopwords> stopwords;
  Result<brief::Options> digest = DigestOptions(args.digest, stopwords);
  if (!digest.ok()) return Fail(digest.status());
  args.options.api.brief = *digest;
  {
    // Said at once rather than at the first request; the server still
    // starts, and answers 503 until the database can be read.
    store::OpenOptions read_only;
    read_only.read_only = true;
    Result<store::Database> db = store::Database::Open(args.options.db, read_only);
    if (!db.ok()) std::fprintf(stderr, "storyline: warning: %s\n", db.status().message().c_str());
  }
  SignalStopper stopper;
  serve::Server server(args.options);
  stopper.Start(server);
  const Status status = server.Run([&](int port) {
    std::printf("serving %s on http://%s:%d/ (Ctrl-C stops)\n", args.options.db.c_str(),
                args.options.host.c_str(), port);
    std::fflush(stdout);
  });
  return status.ok() ? kSuccess : Fail(status);
}

}  // namespace

void AddServeCommand(CLI::App& command, Handler& run) {
  auto args = std::make_shared<ServeArgs>();
  command.add_option("--db", args->options.db, "SQLite database to serve, opened read-only")
      ->capture_default_str();
  command.add_option("--port", args->options.port, "TCP port (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  command
      .add_option("--host", args->options.host,
                  "Address to listen on (0.0.0.0 for every interface)")
      ->capture_default_str();
  AddDigestOptions(command, args->digest);
  command.callback([args, &run] { run = [args] { return RunServe(*args); }; });
}

}  // namespace storyline::cli
