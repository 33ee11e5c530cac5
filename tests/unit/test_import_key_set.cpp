#include <doctest/doctest.h>

#include <string>
#include <unordered_set>

#include "registry/import/key_set.hpp"

using numreg::import::KeySet;

TEST_CASE("KeySet holds the keys inserted and no other") {
  KeySet keys;
  CHECK_FALSE(keys.contains("TRK-460400-0000001"));
  CHECK(keys.size() == 0);
  keys.insert("TRK-460400-0000001");
  keys.insert("4000000930");
  keys.insert("");
  keys.insert("4000000930");  // again: kept once
  CHECK(keys.size() == 3);
  CHECK(keys.contains("TRK-460400-0000001"));
  CHECK(keys.contains("4000000930"));
  CHECK(keys.contains(""));
  CHECK_FALSE(keys.contains("TRK-460400-000000"));
  CHECK_FALSE(keys.contains("TRK-460400-00000011"));
  CHECK_FALSE(keys.contains("4000000931"));
}

TEST_CASE("KeySet: many keys, through its growing, answer as an unordered_set does") {
  KeySet keys;
  std::unordered_set<std::string> expected;
  for (int i = 0; i < 200000; i += 3) {
    std::string key = (i % 2 ? "L-" : "91460400MA5T") + std::to_string(i * 7919 % 1000003);
    keys.insert(key);
    expected.insert(key);
  }
  CHECK(keys.size() == expected.size());
  size_t found = 0;
  for (int i = 0; i < 200000; ++i) {
    std::string key = (i % 2 ? "L-" : "91460400MA5T") + std::to_string(i * 7919 % 1000003);
    bool in = keys.contains(key);
    CHECK(in == (expected.count(key) == 1));
    found += in;
  }
  CHECK(found > 0);
}
