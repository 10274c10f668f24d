// sqlite.cc: the SQLite wrapper of src/store (sqlite.h).

#include "store/sqlite.h"

#include <filesystem>
#include <system_error>

namespace storyline::store::internal {

Result<Query> Connection::Prepare(StatementId id) {
  StatementPtr& stmt = statements_[id];
  if (!stmt) {
    const std::string sql = StatementSql(id);
    sqlite3_stmt* raw = nullptr;
    const int rc =
        sqlite3_prepare_v3(db_.get(), sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) return Error(rc, "cannot prepare a statement");
    stmt.reset(raw);
  }
  return Query(this, stmt.get());
}

Status Connection::Exec(const char* sql, std::string_view what) {
  const int rc = sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : Error(rc, what);
}

Status Connection::Error(int rc, std::string_view what) const {
  const std::string detail = sqlite3_errmsg(db_.get());
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Status::Corruption("'" + path_ + "' is not a storyline database (" + detail + ")");
    case SQLITE_CORRUPT:
      return Status::Corruption("'" + path_ + "' is damaged: " + std::string(what) + ": " + detail);
    default:
      break;
  }
  std::string message = path_ + ": " + std::string(what) + ": " + detail;
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
    case SQLITE_TOOBIG:
    case SQLITE_RANGE:
    case SQLITE_MISMATCH:
      return Status::InvalidArgument(std::move(message));
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_PROTOCOL:
    case SQLITE_NOLFS:
      return Status::IoError(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

Status Query::Run(std::string_view what) {
  const int rc = Step();
  if (rc == SQLITE_DONE || rc == SQLITE_ROW) return Status::Ok();
  return connection_->Error(rc, what);
}

Result<bool> Query::Next(std::string_view what) {
  const int rc = Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return connection_->Error(rc, what);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const OpenOptions& options) {
  std::error_code error;
  if ((!options.create_if_missing || options.read_only) && !std::filesystem::exists(path, error)) {
    return Status::NotFound("no database at '" + path + "'");
  }
  int flags =
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  ConnectionPtr db(raw);  // SQLite returns a handle to close even on failure
  if (rc != SQLITE_OK) {
    const std::string detail = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    return Status::IoError("cannot open database '" + path + "': " + detail);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), options.busy_timeout_ms);
  return std::unique_ptr<Connection>(new Connection(path, std::move(db)));
}

Transaction::~Transaction() {
  // SQLite rolls back by itself after some errors (disk full, I/O): then
  // there is no transaction left to end.
  if (!open_ || sqlite3_get_autocommit(connection_.db()) != 0) return;
  Result<Query> rollback = connection_.Prepare(kRollback);
  if (!rollback.ok() || !rollback->Run("rollback").ok()) {
    sqlite3_exec(connection_.db(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

Status Transaction::Begin() {
  SL_ASSIGN_OR_RETURN(Query begin, connection_.Prepare(kBegin));
  SL_RETURN_IF_ERROR(begin.Run("cannot start a transaction"));
  open_ = true;
  return Status::Ok();
}

Status Transaction::Commit() {
  SL_ASSIGN_OR_RETURN(Query commit, connection_.Prepare(kCommit));
  SL_RETURN_IF_ERROR(commit.Run("cannot commit"));
  open_ = false;
  return Status::Ok();
}

Result<int64_t> QueryInt(Query& query, std::string_view what) {
  SL_ASSIGN_OR_RETURN(bool row, query.Next(what));
  if (!row) return Status::Internal(std::string(what) + ": no row");
  return query.Int(0);
}

std::string PrefixEnd(const std::string& prefix) {
  std::string end = prefix;
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xFF) end.pop_back();
  if (end.empty()) return "\xFF";
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return end;
}

uint32_t Uint32Column(const Query& query, int column) {
  return static_cast<uint32_t>(query.Int(column));
}

std::optional<uint32_t> OptionalUint32Column(const Query& query, int column) {
  if (query.IsNull(column)) return std::nullopt;
  return Uint32Column(query, column);
}

void BindOptionalUint32(Query& query, int index, const std::optional<uint32_t>& value) {
  if (value) {
    query.BindInt(index, *value);
  } else {
    query.BindNull(index);
  }
}

void BindOptionalSpan(Query& query, int first, const std::optional<ByteSpan>& span) {
  if (span) {
    query.BindInt(first, span->begin).BindInt(first + 1, span->end);
  } else {
    query.BindNull(first).BindNull(first + 1);
  }
}

std::optional<ByteSpan> OptionalSpanColumns(const Query& query, int first) {
  if (query.IsNull(first)) return std::nullopt;
  return ByteSpan{Uint32Column(query, first), Uint32Column(query, first + 1)};
}

}  // namespace storyline::store::internal
