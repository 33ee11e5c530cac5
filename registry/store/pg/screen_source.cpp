// Reading the permit index of a screening run out of a PostgreSQL registry:
// the same ordered scans as SQLite's, each through a server-side cursor
// fetched a chunk at a time, all in one read snapshot. The leases, permits
// and contracts cursors are open together and walked side by side, so no
// whole result set is ever held in memory.
#include "registry/store/pg/cursor.hpp"
#include "registry/store/pg/pg_store.hpp"
#include "registry/store/screen_loader.hpp"

namespace numreg::store::pg {

screen::ScreenIndex PgStore::load_screen_index() {
  ReadSnapshot snapshot(*this);  // one snapshot for all the scans
  return screen_loading::load<ChunkCursor>(*db_);
}

}  // namespace numreg::store::pg
