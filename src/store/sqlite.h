// sqlite.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// A thin layer over SQLite: a Connection with its cache of prepared
// statements (statements.h), the Query that binds and steps one of them, the
// Transaction that rolls back unless committed, and helpers for the
// per-article child rows.
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/article.h"
#include "core/status.h"
#include "store/statements.h"
#include "store/store.h"

namespace storyline::store::internal {

struct StatementDeleter {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

struct ConnectionCloser {
  // close_v2 defers the close until every statement is finalized, so the
  // order in which owners are destroyed cannot leak the connection.
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using ConnectionPtr = std::unique_ptr<sqlite3, ConnectionCloser>;

class Connection;

// A cached statement in use. Binds parameters and steps; resets the statement
// and clears its bindings when destroyed, so the next user finds it clean.
// Bind errors are kept and returned by the next step.
class Query {
 public:
  Query(const Connection* connection, sqlite3_stmt* stmt) : connection_(connection), stmt_(stmt) {}
  Query(Query&& other) noexcept
      : connection_(other.connection_),
        stmt_(std::exchange(other.stmt_, nullptr)),
        bind_rc_(other.bind_rc_) {}
  Query& operator=(Query&&) = delete;
  ~Query() {
    if (stmt_ == nullptr) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  // Text is bound without a copy (SQLITE_STATIC): it must outlive the step.
  Query& BindText(int index, std::string_view text) {
    Keep(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
  }
  Query& BindOptionalText(int index, const std::optional<std::string>& text) {
    return text ? BindText(index, *text) : BindNull(index);
  }
  Query& BindNull(int index) {
    Keep(sqlite3_bind_null(stmt_, index));
    return *this;
  }
  Query& BindBlob(int index, std::string_view bytes) {
    Keep(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC));
    return *this;
  }
  Query& BindInt(int index, int64_t value) {
    Keep(sqlite3_bind_int64(stmt_, index, value));
    return *this;
  }
  Query& BindDouble(int index, double value) {
    Keep(sqlite3_bind_double(stmt_, index, value));
    return *this;
  }

  // The number of parameters of the statement (the largest ?N).
  int ParameterCount() const { return sqlite3_bind_parameter_count(stmt_); }

  // Runs a statement that returns no rows; `what` names it in errors.
  Status Run(std::string_view what);
  // Steps to the next row: true on a row, false when done.
  Result<bool> Next(std::string_view what);
  // Makes the statement ready to run again with new bindings.
  void Reset() {
    sqlite3_reset(stmt_);
    bind_rc_ = SQLITE_OK;
  }

  std::string Text(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (text == nullptr) return {};
    return std::string(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::optional<std::string> OptionalText(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Text(column);
  }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Blob(int column) const {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
    if (bytes == nullptr) return {};
    return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }

 private:
  void Keep(int rc) {
    if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
  }
  int Step() { return bind_rc_ != SQLITE_OK ? bind_rc_ : sqlite3_step(stmt_); }

  const Connection* connection_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// An open SQLite connection with its statement cache.
class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const OpenOptions& options);

  // The cached statement `id`, prepared on first use. REQUIRES: no other
  // Query for `id` is alive.
  Result<Query> Prepare(StatementId id);

  // Runs one-off SQL (the schema, pragmas).
  Status Exec(const char* sql, std::string_view what);

  // The status for SQLite result code `rc`, naming the file and `what` failed.
  Status Error(int rc, std::string_view what) const;

  sqlite3* db() const { return db_.get(); }
  const std::string& path() const { return path_; }

 private:
  Connection(std::string path, ConnectionPtr db) : path_(std::move(path)), db_(std::move(db)) {}

  std::string path_;
  ConnectionPtr db_;  // declared before the statements: destroyed after them
  std::array<StatementPtr, kStatementCount> statements_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back when destroyed uncommitted, so every
// early return on an error leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Begin();
  Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

// Runs a query that returns one integer, e.g. a count.
Result<int64_t> QueryInt(Query& query, std::string_view what);

// The smallest string above every string that starts with `prefix`, in byte
// order, so that `col >= prefix AND col < PrefixEnd(prefix)` is a range
// scan: the prefix with its last byte below 0xFF incremented, bytes after it
// dropped. Text is UTF-8, which has no 0xFF byte, so a prefix of only 0xFF
// bytes (or none) is bounded by "\xFF".
std::string PrefixEnd(const std::string& prefix);

// A column holding an offset, index or line number, stored as an INTEGER.
uint32_t Uint32Column(const Query& query, int column);
// Such a column that may be NULL (nullopt).
std::optional<uint32_t> OptionalUint32Column(const Query& query, int column);
// Binds `value` to parameter `index`, or NULL.
void BindOptionalUint32(Query& query, int index, const std::optional<uint32_t>& value);

// Binds `span` to parameters `first` and `first + 1`, or NULL to both.
void BindOptionalSpan(Query& query, int first, const std::optional<ByteSpan>& span);
// The span in columns `first` and `first + 1`, or nullopt when NULL.
std::optional<ByteSpan> OptionalSpanColumns(const Query& query, int first);

// Inserts one row per item from `items[from]` on with `statement`, whose
// first two parameters are the article id and the item's position;
// `bind(query, 3, item)` binds the item's columns from parameter 3 on.
template <typename Item, typename Bind>
Status InsertRows(Connection& connection, StatementId statement, const std::string& article_id,
                  const std::vector<Item>& items, std::string_view what, Bind bind,
                  size_t from = 0) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(statement));
  for (size_t i = from; i < items.size(); ++i) {
    query.BindText(1, article_id).BindInt(2, static_cast<int64_t>(i));
    bind(query, 3, items[i]);
    SL_RETURN_IF_ERROR(query.Run(what));
    query.Reset();
  }
  return Status::Ok();
}

// As InsertRows, kRowsPerInsert rows per statement with `many` (whose rows
// share the article id ?1, then each has its position and the item's
// columns, as in statements.cc), the rest one at a time with `one`.
template <typename Item, typename Bind>
Status InsertManyRows(Connection& connection, StatementId one, StatementId many,
                      const std::string& article_id, const std::vector<Item>& items,
                      std::string_view what, Bind bind) {
  size_t i = 0;
  if (items.size() >= kRowsPerInsert) {
    SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(many));
    const int per_row = (query.ParameterCount() - 1) / static_cast<int>(kRowsPerInsert);
    for (; i + kRowsPerInsert <= items.size(); i += kRowsPerInsert) {
      query.BindText(1, article_id);
      for (size_t row = 0; row < kRowsPerInsert; ++row) {
        const int first = 2 + per_row * static_cast<int>(row);
        query.BindInt(first, static_cast<int64_t>(i + row));
        bind(query, first + 1, items[i + row]);
      }
      SL_RETURN_IF_ERROR(query.Run(what));
      query.Reset();
    }
  }
  return InsertRows(connection, one, article_id, items, what, bind, i);
}

// Appends to `items` one item per row that `statement` returns with its
// parameter ?1 bound to `key` (an article id, a story id, ...), in order;
// `read` turns the current row into an item.
template <typename Item, typename Read>
Status ReadRows(Connection& connection, StatementId statement, const std::string& key,
                std::string_view what, std::vector<Item>& items, Read read) {
  SL_ASSIGN_OR_RETURN(Query query, connection.Prepare(statement));
  query.BindText(1, key);
  while (true) {
    SL_ASSIGN_OR_RETURN(bool row, query.Next(what));
    if (!row) return Status::Ok();
    items.push_back(read(query));
  }
}

}  // namespace storyline::store::internal
