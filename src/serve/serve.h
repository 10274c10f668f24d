// serve.h: `storyline serve`, the HTTP server of the JSON API (api/api.h,
// docs/api.md) and the web app (assets.h), over cpp-httplib.
//
// The database is opened read-only, one connection per worker thread that
// needs one (a pool): `storyline analyze` may write to it meanwhile (WAL),
// and each request reads it as of its start. When the database cannot be
// opened (missing, locked, damaged) the API answers 503 with the reason and
// the server keeps serving; the next request tries again.
//
// Only GET and HEAD are served; static files come from the compiled-in table
// only, never from the file system, so no path can reach outside it.
//
//   serve::Server server(options);
//   std::thread stopper([&] { wait for a signal; server.Stop(); });
//   Status status = server.Run([](int port) { print the address; });
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "api/api.h"
#include "core/status.h"

namespace storyline::serve {

struct Options {
  std::string db = "storyline.db";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (Run's `ready` gets it)
  api::Options api;
  int busy_timeout_ms = 2000;  // how long a read waits for a writer's lock
  // Worker threads: each serves one open connection at a time (kept-alive
  // connections keep theirs), so this bounds the clients served at once.
  int threads = 64;
};

class Server {
 public:
  explicit Server(Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds host:port and serves until Stop(). `ready` is called once
  // listening, with the port. IoError when the address cannot be bound.
  Status Run(const std::function<void(int port)>& ready = {});
  // Makes a running Run() return; safe from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The content type for a file name, by its extension.
std::string ContentType(const std::string& name);

}  // namespace storyline::serve
