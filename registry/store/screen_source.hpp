// Reading the permit index of a screening run out of the registry: a few
// ordered scans, once per run.
#pragma once

#include "registry/screen/screen_index.hpp"
#include "registry/store/database.hpp"

namespace numreg::store {

/// Build the screening index from the registry `db`: resources, the leases
/// whose status is active with their permits and contract windows, and the
/// refusals.
screen::ScreenIndex load_screen_index(Database& db);

}  // namespace numreg::store
