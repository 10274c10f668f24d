// status.h: error reporting at module boundaries.
//
// storyline uses no exceptions across module boundaries. A call that can fail
// returns a Status (a code and a message) or a Result<T> (a value or a Status).
// An OK Status holds no allocation. Third-party exceptions are caught in the
// module that wraps the library and turned into a Status.
//
//   Result<Cleaner> cleaner = Cleaner::Create(options);
//   if (!cleaner.ok()) return cleaner.status();
//
// The macros keep error passing to one line:
//   SL_RETURN_IF_ERROR(store.Put(article));
//   SL_ASSIGN_OR_RETURN(auto cues, LoadCues(path));
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace storyline {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller passed something unusable (bad option, bad rule file)
  kNotFound,         // a named file, article or key does not exist
  kIoError,          // the operating system refused a read or write
  kCorruption,       // stored data is not what this version can read
  kUnsupported,      // a valid request this build cannot serve (format, schema version)
  kInternal,         // a broken invariant or a third-party failure
};

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status Unsupported(std::string m) { return {StatusCode::kUnsupported, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ok", or the code's name and the message, e.g. "io error: cannot open a.txt".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds a T or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace storyline

#define SL_CONCAT_INNER_(a, b) a##b
#define SL_CONCAT_(a, b) SL_CONCAT_INNER_(a, b)

#define SL_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::storyline::Status sl_status_ = (expr); \
    if (!sl_status_.ok()) return sl_status_; \
  } while (0)

#define SL_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                              \
  if (!result.ok()) return result.status();          \
  lhs = std::move(result).value()

#define SL_ASSIGN_OR_RETURN(lhs, expr) \
  SL_ASSIGN_OR_RETURN_IMPL_(SL_CONCAT_(sl_result_, __LINE__), lhs, expr)
