// Tests for registry/store/database: a statement's column readers.
#include <doctest/doctest.h>

#include "registry/store/database.hpp"
#include "testutil.hpp"

using namespace numreg;

TEST_CASE("Statement::view gives a column's text without a copy, as text() does") {
  test::ScratchRegistry reg;
  store::Database db(reg.path(), {});
  db.exec("CREATE TEMP TABLE t (a TEXT, b TEXT)");
  db.exec(
      "INSERT INTO temp.t VALUES ('TRK-0570428', '儋州'), (NULL, ''), ('a' || char(0) || 'b', "
      "'x')");
  store::Statement st(db, "SELECT a, b FROM temp.t ORDER BY rowid");
  REQUIRE(st.step());
  CHECK(st.view(0) == "TRK-0570428");
  CHECK(st.view(1) == "儋州");
  CHECK(st.view(1) == st.text(1));
  REQUIRE(st.step());
  CHECK(st.view(0).empty());  // NULL
  CHECK(st.view(1).empty());
  REQUIRE(st.step());
  CHECK(st.view(0) == std::string_view("a\0b", 3));  // the bytes SQLite holds, NUL included
  CHECK_FALSE(st.step());
}
