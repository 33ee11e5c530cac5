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
  SUBCASE("mysql") {
    CHECK(refusal("mysql://localhost/numreg") ==
          "--db: this numreg has no store for mysql:// registries yet (give the path of a "
          "registry file)");
  }
  SUBCASE("any scheme, and nothing is created") {
    std::string cwd = std::filesystem::current_path();
    test::ScratchRegistry reg;
    std::filesystem::current_path(reg.dir());
    CHECK_THROWS_WITH(store::create_store({"sqlite://clerk@db.example.cn/numreg", 5000}),
                      "--db: this numreg has no store for sqlite:// registries yet (give the "
                      "path of a registry file)");
    CHECK_FALSE(std::filesystem::exists(reg.dir() + "/sqlite:"));
    std::filesystem::current_path(cwd);
  }
  SUBCASE("postgresql is served: a server that is not there is unavailable, nothing is made") {
    std::string cwd = std::filesystem::current_path();
    test::ScratchRegistry reg;
    std::filesystem::current_path(reg.dir());
    std::string uri = "postgresql:///numreg?host=" + reg.dir() + "/no-server";
    for (bool create : {false, true}) {
      try {
        if (create)
          store::create_store({uri, 5000});
        else
          store::open_store({uri, 5000});
        FAIL("no server, yet the registry opened");
      } catch (const Failure& f) {
        CHECK(f.error().kind == ErrorKind::unavailable);
        CHECK(f.error().code == "registry-open");
        CHECK(f.error().message.starts_with("cannot open registry " + uri + ": "));
      }
    }
    CHECK_FALSE(std::filesystem::exists(reg.dir() + "/postgresql:"));
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
