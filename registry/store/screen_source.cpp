// Reading the permit index of a screening run out of a SQLite registry.
#include "registry/store/screen_source.hpp"

#include "registry/store/screen_loader.hpp"

namespace numreg::store {

screen::ScreenIndex load_screen_index(Database& db) {
  return screen_loading::load<Statement>(db);
}

}  // namespace numreg::store
