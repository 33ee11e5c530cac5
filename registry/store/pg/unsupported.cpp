// What a PostgreSQL registry does not offer yet: it says so (exit 64)
// before anything is changed, rather than answer wrongly.
#include "registry/store/pg/pg_store.hpp"

namespace numreg::store::pg {

void PgStore::backup_to(const std::string&) {
  unsupported(location(), "backup");
}

}  // namespace numreg::store::pg
