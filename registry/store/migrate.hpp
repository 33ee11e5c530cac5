// Schema migrations: schemas/migrations/NNNN_*.sql, embedded, applied in order.
#pragma once

#include "registry/store/database.hpp"

namespace numreg::store {

/// The schema version this numreg writes: the highest migration number.
int latest_schema_version();

/// The schema version of `db` (PRAGMA user_version).
int schema_version(Database& db);

/// Refuse a database that is not a numreg registry or is newer than this
/// numreg; apply the missing migrations in one transaction.
void migrate(Database& db);

}  // namespace numreg::store
