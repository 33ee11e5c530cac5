#include <doctest/doctest.h>

#include <sys/stat.h>

#include <filesystem>

#include "registry/store/store.hpp"
#include "testutil.hpp"

using namespace numreg;

namespace {

std::string refusal(const std::string& location) {
  try {
    store::open_store({location, 5000});
  } catch (const Failure& f) {
    CHECK(f.error().kind == ErrorKind::usage);
    return f.error().message;
  }
  return "";
}

}  // namespace

TEST_CASE("open_store, create_store: a URI is refused until a store serves it") {
  SUBCASE("postgresql") {
    CHECK(refusal("postgresql:///numreg") ==
          "--db: this numreg has no store for postgresql:// registries yet (give the path of a "
          "registry file)");
  }
  SUBCASE("any scheme, and nothing is created") {
    std::string cwd = std::filesystem::current_path();
    test::ScratchRegistry reg;
    std::filesystem::current_path(reg.dir());
    CHECK_THROWS_WITH(store::create_store({"postgres://clerk@db.example.cn/numreg", 5000}),
                      "--db: this numreg has no store for postgres:// registries yet (give the "
                      "path of a registry file)");
    CHECK_FALSE(std::filesystem::exists(reg.dir() + "/postgres:"));
    std::filesystem::current_path(cwd);
  }
  SUBCASE("a path with a colon is a path") {
    test::ScratchRegistry reg;
    std::string path = reg.dir() + "/a:b/registry.db";
    CHECK(store::create_store({path, 5000}));
    struct stat st {};
    REQUIRE(::stat((reg.dir() + "/a:b").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(store::open_store({path, 5000})->location() == path);
  }
}

TEST_CASE("WriteTransaction: rolled back unless committed") {
  test::ScratchRegistry reg;
  Ledger ledger = reg.open();
  store::Store& s = ledger.store();
  Record holder(kind("holders"));
  std::vector<Error> errors;
  holder = ledger.build(kind("holders"),
                        {{"uscc", "91469007MA5TDF0204"},
                         {"name", "东方市渔港通讯服务有限公司"},
                         {"kind", "enterprise"}},
                        test::change(), errors);
  REQUIRE(errors.empty());
  {
    store::WriteTransaction tx(s);
    s.insert(holder);
    CHECK(s.exists(kind("holders"), {"91469007MA5TDF0204"}));
  }
  CHECK_FALSE(s.exists(kind("holders"), {"91469007MA5TDF0204"}));
  {
    store::WriteTransaction tx(s);
    s.insert(holder);
    tx.commit();
  }
  CHECK(s.exists(kind("holders"), {"91469007MA5TDF0204"}));
  store::ReadSnapshot snapshot(s);
  CHECK(s.find(kind("holders"), {"91469007MA5TDF0204"})->text("name") ==
        "东方市渔港通讯服务有限公司");
}
