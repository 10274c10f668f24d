#include "serve/serve.h"

#include <httplib.h>

#include <algorithm>
#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "serve/assets.h"
#include "store/store.h"

namespace storyline::serve {
namespace {

// Read-only connections to one database, each used by one request at a time.
class DatabasePool {
 public:
  DatabasePool(std::string path, int busy_timeout_ms)
      : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}

  Result<std::unique_ptr<store::Database>> Acquire() {
    {
      std::lock_guard lock(mutex_);
      if (!idle_.empty()) {
        std::unique_ptr<store::Database> db = std::move(idle_.back());
        idle_.pop_back();
        return db;
      }
    }
    store::OpenOptions options;
    options.read_only = true;
    options.busy_timeout_ms = busy_timeout_ms_;
    SL_ASSIGN_OR_RETURN(store::Database db, store::Database::Open(path_, options));
    return std::make_unique<store::Database>(std::move(db));
  }

  void Release(std::unique_ptr<store::Database> db) {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }

 private:
  const std::string path_;
  const int busy_timeout_ms_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Database>> idle_;
};

// The latest answers, each with the database's change mark when it was made
// (store::Database::ChangeMark): a story page's digest costs milliseconds,
// and the same pages are asked for again and again between runs.
class ResponseCache {
 public:
  explicit ResponseCache(size_t capacity) : capacity_(capacity) {}

  std::optional<api::Response> Find(const std::string& key, const std::string& mark) {
    std::lock_guard lock(mutex_);
    const auto it = entries_.find(key);
    if (it == entries_.end() || it->second.mark != mark) return std::nullopt;
    order_.splice(order_.begin(), order_, it->second.position);
    return it->second.response;
  }

  void Put(const std::string& key, const std::string& mark, const api::Response& response) {
    std::lock_guard lock(mutex_);
    if (auto it = entries_.find(key); it != entries_.end()) {
      order_.erase(it->second.position);
      entries_.erase(it);
    }
    order_.push_front(key);
    entries_[key] = {mark, response, order_.begin()};
    if (entries_.size() > capacity_) {
      entries_.erase(order_.back());
      order_.pop_back();
    }
  }

 private:
  struct Entry {
    std::string mark;
    api::Response response;
    std::list<std::string>::iterator position;  // in order_
  };
  const size_t capacity_;
  std::mutex mutex_;
  std::list<std::string> order_;  // most recently used first
  std::unordered_map<std::string, Entry> entries_;
};

constexpr const char* kJson = "application/json; charset=utf-8";

void SendJson(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(body, kJson);
}

std::string ErrorBody(const std::string& message) {
  std::string body = "{\"error\":\"";
  for (char c : message) {
    if (c == '"' || c == '\\') body += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) body += c;
  }
  return body + "\"}";
}

const EmbeddedFile* FindAsset(std::string_view name) {
  const std::span<const EmbeddedFile> files = EmbeddedWebFiles();
  const auto it =
      std::lower_bound(files.begin(), files.end(), name,
                       [](const EmbeddedFile& f, std::string_view n) { return f.name < n; });
  return it != files.end() && it->name == name ? &*it : nullptr;
}

}  // namespace

std::string ContentType(const std::string& name) {
  const size_t dot = name.rfind('.');
  const std::string extension = dot == std::string::npos ? "" : name.substr(dot + 1);
  if (extension == "html") return "text/html; charset=utf-8";
  if (extension == "js" || extension == "mjs") return "text/javascript; charset=utf-8";
  if (extension == "css") return "text/css; charset=utf-8";
  if (extension == "json") return kJson;
  if (extension == "svg") return "image/svg+xml";
  if (extension == "png") return "image/png";
  return "application/octet-stream";
}

struct Server::Impl {
  explicit Impl(Options o)
      : options(std::move(o)), api(options.api), pool(options.db, options.busy_timeout_ms) {}

  void Api(const httplib::Request& request, httplib::Response& response) {
    api::Request call{request.path, {}};
    for (const auto& [name, value] : request.params) {
      if (!call.params.emplace(name, value).second) {
        return SendJson(response, 400, ErrorBody("parameter '" + name + "' is given twice"));
      }
    }
    Result<std::unique_ptr<store::Database>> db = pool.Acquire();
    if (!db.ok()) return SendJson(response, 503, ErrorBody(db.status().message()));
    const api::Response answer = Answer(**db, call);
    pool.Release(std::move(*db));
    SendJson(response, answer.status, answer.body);
  }

  api::Response Answer(store::Database& db, const api::Request& call) {
    Result<std::string> mark = db.ChangeMark();
    if (!mark.ok()) return {503, ErrorBody(mark.status().message())};
    std::string key = call.path;
    for (const auto& [name, value] : call.params) key += '\n' + name + '=' + value;
    if (std::optional<api::Response> cached = cache.Find(key, *mark)) return *cached;
    api::Response answer = api.Handle(db, call);
    if (answer.status == 200) cache.Put(key, *mark, answer);
    return answer;
  }

  void Asset(const httplib::Request& request, httplib::Response& response) {
    const std::string name = request.path == "/" ? "index.html" : request.path.substr(1);
    const EmbeddedFile* file = FindAsset(name);
    if (file == nullptr) {
      return SendJson(response, 404, ErrorBody("no such path: " + request.path.substr(0, 100)));
    }
    response.set_content(file->contents.data(), file->contents.size(), ContentType(name).c_str());
  }

  Options options;
  api::Api api;
  DatabasePool pool;
  ResponseCache cache{512};
  httplib::Server http;
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options))) {
  httplib::Server& http = impl_->http;
  Impl* impl = impl_.get();
  http.Get(R"(/api/.*)", [impl](const httplib::Request& request, httplib::Response& response) {
    impl->Api(request, response);
  });
  http.Get(R"(/.*)", [impl](const httplib::Request& request, httplib::Response& response) {
    impl->Asset(request, response);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string message = "internal error";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          message += std::string(": ") + e.what();
        } catch (...) {
        }
        SendJson(response, 500, ErrorBody(message));
      });
  // Errors httplib answers itself (unknown method, URI too long) get a JSON body too.
  http.set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) {
      SendJson(response, response.status,
               ErrorBody("HTTP status " + std::to_string(response.status)));
    }
  });
  http.set_payload_max_length(1 << 16);
  // httplib gives a kept-alive connection its worker thread until it closes,
  // so the pool bounds the open connections served at once, not the CPU
  // work: size it for many clients. A connection is closed after 100
  // requests or 5 s idle.
  const int threads = impl->options.threads;
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_keep_alive_max_count(100);
  // Answers go out as written: with Nagle's algorithm a response's last
  // segment waits for the client's delayed ACK (about 40 ms).
  http.set_tcp_nodelay(true);
}

Server::~Server() = default;

Status Server::Run(const std::function<void(int port)>& ready) {
  httplib::Server& http = impl_->http;
  int port = impl_->options.port;
  if (port == 0) {
    port = http.bind_to_any_port(impl_->options.host);
  } else if (!http.bind_to_port(impl_->options.host, port)) {
    port = -1;
  }
  if (port < 0) {
    return Status::IoError("cannot listen on " + impl_->options.host + ":" +
                           std::to_string(impl_->options.port));
  }
  if (ready) ready(port);
  if (!http.listen_after_bind()) {
    return Status::IoError("the server on port " + std::to_string(port) + " stopped on an error");
  }
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace storyline::serve
