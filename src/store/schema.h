// schema.h: internal to src/store; the public header is store/store.h.
// May change at any time.
//
// The tables of the database (docs/schema.md), the connection's settings and
// the meta table: creating the schema in a new file, upgrading an older one.
#pragma once

#include <string_view>

#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace storyline::store::internal {

// Applies the per-connection settings (WAL, cache size, ...). The first
// statement reads the file header: a file that is not a database fails here,
// before anything is written to it.
Status ConfigureConnection(Connection& connection, const OpenOptions& options);

// Creates the schema in a new file, upgrades an older one, refuses a newer
// one (errors as Database::Open documents them). Each upgrade runs in the
// same transaction as its version bump.
Status EnsureSchema(Connection& connection, const OpenOptions& options);

// Sets `key` in the meta table.
Status SetMeta(Connection& connection, std::string_view key, std::string_view value);

}  // namespace storyline::store::internal
