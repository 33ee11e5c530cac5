// What a PostgreSQL registry does not offer yet: each says so (exit 64)
// before anything is changed, rather than answer wrongly.
#include "registry/store/pg/pg_store.hpp"

namespace numreg::store::pg {

screen::ScreenIndex PgStore::load_screen_index() {
  unsupported(location(), "screen");
}

void PgStore::backup_to(const std::string&) {
  unsupported(location(), "backup");
}

}  // namespace numreg::store::pg
