#include <doctest/doctest.h>

#include "registry/config.hpp"

using namespace numreg;

TEST_CASE("Config: defaults, file, environment, flags in that order") {
  std::string toml = "busy_timeout_ms = 2500\nactor = \"file-clerk\"\n[audit]\nverify_days = 90\n";
  auto c = Config::load(toml, "config.toml",
                        {{"NUMREG_AUDIT_VERIFY_DAYS", "120"}, {"NUMREG_ACTOR", "env-clerk"}},
                        {{"actor", "flag-clerk"}})
               .value();
  CHECK(c.at("busy_timeout_ms").value == "2500");
  CHECK(c.at("busy_timeout_ms").origin == "file");
  CHECK(c.get_int("audit.verify_days") == 120);
  CHECK(c.at("audit.verify_days").origin == "environment");
  CHECK(c.get("actor") == "flag-clerk");
  CHECK(c.at("actor").origin == "flag");
  CHECK(c.at("screen.bombing_calls").origin == "default");
  CHECK(c.get_list("audit.key_regions") == std::vector<std::string>{"460400", "469007"});
}

TEST_CASE("Config: errors name the file, line and key") {
  auto bad = Config::load("busy_timeout_ms = \"soon\"\n", "c.toml", {}, {});
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message == "c.toml:1: busy_timeout_ms: expected a whole number");
  auto env = Config::load(std::nullopt, "c.toml", {{"NUMREG_BUSY_TIMEOUT_MS", "5s"}}, {});
  REQUIRE_FALSE(env);
  CHECK(env.error().message == "NUMREG_BUSY_TIMEOUT_MS: expected a whole number, found '5s'");
  auto syntax = Config::load("busy_timeout_ms = \n", "c.toml", {}, {});
  REQUIRE_FALSE(syntax);
  CHECK(syntax.error().message.starts_with("c.toml:1:"));
}

TEST_CASE("env_name") {
  CHECK(env_name("audit.key_regions") == "NUMREG_AUDIT_KEY_REGIONS");
  CHECK(env_name("db") == "NUMREG_DB");
}
