// Tests for registry/screen/summary: JSON keys, and merging shards.
#include "registry/screen/summary.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace numreg::screen;

namespace {

ScreenSummary shard(uint64_t records, uint64_t s001, const std::string& trunk) {
  ScreenSummary s;
  s.records = records;
  s.violations = s001;
  s.by_rule[S001] = s001;
  s.by_trunk.add(trunk, s001);
  s.worst.push_back({"+8613800138000", s001});
  return s;
}

}  // namespace

TEST_CASE("ScreenSummary::to_json: DESIGN.md's keys first, every rule") {
  const auto json = shard(10, 2, "T1").to_json();
  std::vector<std::string> keys;
  for (const auto& [k, v] : json.items())
    keys.push_back(k);
  CHECK(keys == std::vector<std::string>{"records", "violations", "by_rule", "unreadable", "late",
                                         "by_trunk", "by_holder", "worst_callers"});
  CHECK(json["by_rule"].dump() ==
        R"({"S001":2,"S002":0,"S003":0,"S004":0,"S005":0,"S006":0,"S007":0})");
}

TEST_CASE("ScreenSummary::write_json writes what to_json().dump(2) would") {
  ScreenSummary s = shard(10, 2, "T1");
  s.by_trunk.add("T\"2", 1);
  s.by_holder.add("91460400MA5TDR015T", 3);
  s.worst.push_back({"+8613900000001", 1});
  for (const ScreenSummary& summary : {s, ScreenSummary{}}) {
    std::ostringstream out;
    summary.write_json(out);
    CHECK(out.str() == summary.to_json().dump(2) + "\n");
  }
}

TEST_CASE("ScreenSummary::merge adds shards") {
  ScreenSummary total = ScreenSummary::from_json(
      nlohmann::json::parse(shard(10, 2, "T1").to_json().dump()), "a.json");
  total.merge(ScreenSummary::from_json(nlohmann::json::parse(shard(5, 1, "T2").to_json().dump()),
                                       "b.json"));
  CHECK(total.records == 15);
  CHECK(total.violations == 3);
  CHECK(total.by_rule[S001] == 3);
  CHECK(total.by_trunk == NameCounts{{"T1", 2}, {"T2", 1}});
  REQUIRE(total.worst.size() == 1);
  CHECK(total.worst[0].violations == 3);
  CHECK(total.errors_found() == 3);
}

TEST_CASE("ScreenSummary::from_json rejects what is not a summary") {
  CHECK_THROWS_WITH(ScreenSummary::from_json(nlohmann::json::parse("[1]"), "x.json"),
                    "x.json: not a screening summary (expected the output of `numreg --json "
                    "screen`)");
  CHECK_THROWS_WITH(
      ScreenSummary::from_json(nlohmann::json::parse(R"({"records":-1,"by_rule":{}})"), "x.json"),
      "x.json: \"records\" is not a count (expected the output of `numreg --json screen`)");
}

TEST_CASE("ScreenSummary::tables: the top counts, most first, ties in name order") {
  ScreenSummary s;
  for (const auto& [trunk, n] : std::vector<std::pair<std::string, uint64_t>>{
           {"T5", 2}, {"T1", 7}, {"T3", 2}, {"T2", 9}, {"T4", 2}, {"T0", 1}})
    s.by_trunk.add(trunk, n);
  s.worst = {{"+8613800138000", 3}, {"+8613800138001", 5}, {"+8613800137999", 3}};
  const auto tables = s.tables(4);
  REQUIRE(tables.size() == 4);
  CHECK(tables[1].first == "worst trunks");
  CHECK(tables[1].second.rows ==
        std::vector<std::vector<std::string>>{{"T2", "9"}, {"T1", "7"}, {"T3", "2"}, {"T4", "2"}});
  CHECK(tables[2].second.rows.empty());
  CHECK(tables[3].second.rows == std::vector<std::vector<std::string>>{{"+8613800138001", "5"},
                                                                       {"+8613800137999", "3"},
                                                                       {"+8613800138000", "3"}});
}
