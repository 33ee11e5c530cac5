#include <doctest/doctest.h>

#include <sys/stat.h>

#include "registry/store/migrate.hpp"
#include "testutil.hpp"

using namespace numreg;

TEST_CASE("migrate: a new registry reaches the latest version, mode 0600") {
  test::ScratchRegistry reg;
  store::Database db(reg.path(), {});
  CHECK(store::schema_version(db) == store::latest_schema_version());
  CHECK(store::latest_schema_version() >= 1);
  struct stat st {};
  REQUIRE(::stat(reg.path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(db.scalar("PRAGMA foreign_keys") == 1);
}

TEST_CASE("migrate: a registry newer than numreg is refused in one sentence") {
  test::ScratchRegistry reg;
  {
    store::Database db(reg.path(), {});
    db.exec("PRAGMA user_version = 999");
  }
  store::Database db(reg.path(), {});
  try {
    store::migrate(db);
    FAIL("expected a failure");
  } catch (const Failure& f) {
    CHECK(f.error().kind == ErrorKind::unavailable);
    CHECK(f.error().message ==
          "registry " + reg.path() + " has schema version 999 but this numreg knows only up to " +
              std::to_string(store::latest_schema_version()) + ": upgrade numreg");
  }
}

TEST_CASE("migrate: a foreign SQLite database is not taken over") {
  test::ScratchRegistry reg;
  std::string other = reg.dir() + "/other.db";
  store::Database db(other, {.create = true});
  db.exec("CREATE TABLE t (x)");
  CHECK_THROWS_WITH(store::migrate(db), (other + " is not a numreg registry").c_str());
}

TEST_CASE("Ledger: a missing registry says to run numreg init") {
  CHECK_THROWS_WITH(Ledger({"/nonexistent/registry.db"}, test::ScratchRegistry::clock()),
                    "no registry at /nonexistent/registry.db (run `numreg init` to create it)");
}
