// numreg init --roles: the roles, grants and row-level security policies of
// schemas/pg/roles.sql, which says who may do what.
#include <algorithm>

#include <fmt/format.h>

#include "registry/embedded.hpp"
#include "registry/store/pg/pg_store.hpp"

namespace numreg::store::pg {

namespace {

constexpr std::string_view kRolesFile = "schemas/pg/roles.sql";

std::string roles_sql() {
  auto files = embedded_files();
  auto it = std::find_if(files.begin(), files.end(),
                         [](const EmbeddedFile& f) { return f.path == kRolesFile; });
  if (it == files.end()) {
    throw Failure(make_error(ErrorKind::internal, "embedded-missing",
                             fmt::format("{} is not built into this numreg", kRolesFile)));
  }
  return std::string(it->data);
}

}  // namespace

// Under the chain lock, as a write: two owners running it at once take
// turns, and a refusal (not the owner) leaves nothing half made.
void PgStore::create_roles(const StoreOptions& options) {
  PgStore store(options);
  std::string sql = roles_sql();
  store.begin_write();
  try {
    store.db_->script(sql);
    store.commit();
  } catch (...) {
    store.rollback();
    throw;
  }
}

}  // namespace numreg::store::pg
