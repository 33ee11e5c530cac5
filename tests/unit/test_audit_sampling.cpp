// Tests for registry/audit/sampling: plans, GB/T 2828.1 tables, ranking.
#include "registry/audit/sampling.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "registry/util/sha256.hpp"

using namespace numreg;

TEST_CASE("parse_sample_plan: the three forms and their canonical text") {
  CHECK(parse_sample_plan("20")->text() == "20");
  CHECK(parse_sample_plan("12.5%")->text() == "12.5%");
  CHECK(parse_sample_plan("gb2828:ii")->text() == "gb2828:II");
  CHECK(parse_sample_plan("gb2828:S-3:1")->text() == "gb2828:S-3:1.0");
  CHECK(parse_sample_plan("gb2828:III:0.1")->text() == "gb2828:III:0.10");
  CHECK(parse_sample_plan("0").error().message ==
        "--sample: '0' is not a sampling plan (expected N, P% or gb2828:LEVEL[:AQL], LEVEL one "
        "of S-1, S-2, S-3, S-4, I, II, III)");
  CHECK(parse_sample_plan("120%").error().code == "sample-plan");
  CHECK(parse_sample_plan("gb2828:IV").error().message ==
        "--sample: 'gb2828:IV' has an unknown inspection level (expected N, P% or "
        "gb2828:LEVEL[:AQL], LEVEL one of S-1, S-2, S-3, S-4, I, II, III)");
  CHECK(parse_sample_plan("gb2828:II:3").error().message ==
        "--sample: AQL '3' is not in GB/T 2828.1 Table 2-A (0.010 ... 1000)");
}

TEST_CASE("code_letter: GB/T 2828.1 Table 1, every row") {
  // DOMAIN.md section 5, Table 1, row by row (lot size -> S-1 S-2 S-3 S-4 I II III).
  const std::pair<int64_t, const char*> rows[] = {
      {2, "AAAAAAB"},      {8, "AAAAAAB"},       {9, "AAAAABC"},      {15, "AAAAABC"},
      {16, "AABBBCD"},     {25, "AABBBCD"},      {26, "ABBCCDE"},     {50, "ABBCCDE"},
      {51, "BBCCCEF"},     {90, "BBCCCEF"},      {91, "BBCDDFG"},     {150, "BBCDDFG"},
      {151, "BCDEEGH"},    {280, "BCDEEGH"},     {281, "BCDEFHJ"},    {500, "BCDEFHJ"},
      {501, "CCEFGJK"},    {1200, "CCEFGJK"},    {1201, "CDEGHKL"},   {3200, "CDEGHKL"},
      {3201, "CDFGJLM"},   {10000, "CDFGJLM"},   {10001, "CDFHKMN"},  {35000, "CDFHKMN"},
      {35001, "DEGJLNP"},  {150000, "DEGJLNP"},  {150001, "DEGJMPQ"}, {500000, "DEGJMPQ"},
      {500001, "DEHKNQR"}, {1000000, "DEHKNQR"},
  };
  const char* levels[] = {"S-1", "S-2", "S-3", "S-4", "I", "II", "III"};
  for (const auto& [lot, letters] : rows) {
    for (int l = 0; l < 7; ++l) {
      CAPTURE(lot);
      CAPTURE(levels[l]);
      CHECK(code_letter(levels[l], lot) == letters[l]);
    }
  }
  CHECK(letter_sample_size('A') == 2);
  CHECK(letter_sample_size('N') == 500);
  CHECK(letter_sample_size('R') == 2000);
}

TEST_CASE("normal_plan: every cell DOMAIN.md lists of Table 2-A") {
  // Code, then per AQL 0.65 1.0 2.5 4.0: the sample size used, Ac (Re = Ac + 1).
  struct Row {
    char letter;
    int64_t n[4];
    int ac[4];
  };
  const Row table[] = {
      {'A', {20, 13, 5, 3}, {0, 0, 0, 0}},
      {'B', {20, 13, 5, 3}, {0, 0, 0, 0}},
      {'C', {20, 13, 5, 3}, {0, 0, 0, 0}},
      {'D', {20, 13, 5, 13}, {0, 0, 0, 1}},
      {'E', {20, 13, 20, 13}, {0, 0, 1, 1}},
      {'F', {20, 13, 20, 20}, {0, 0, 1, 2}},
      {'G', {20, 50, 32, 32}, {0, 1, 2, 3}},
      {'H', {80, 50, 50, 50}, {1, 1, 3, 5}},
      {'J', {80, 80, 80, 80}, {1, 2, 5, 7}},
      {'K', {125, 125, 125, 125}, {2, 3, 7, 10}},
      {'L', {200, 200, 200, 200}, {3, 5, 10, 14}},
      {'M', {315, 315, 315, 315}, {5, 7, 14, 21}},
      {'N', {500, 500, 500, 315}, {7, 10, 21, 21}},
      {'P', {800, 800, 500, 315}, {10, 14, 21, 21}},
      {'Q', {1250, 1250, 500, 315}, {14, 21, 21, 21}},
      {'R', {2000, 1250, 500, 315}, {21, 21, 21, 21}},
  };
  const char* aqls[] = {"0.65", "1.0", "2.5", "4.0"};
  for (const auto& row : table) {
    for (int a = 0; a < 4; ++a) {
      CAPTURE(row.letter);
      CAPTURE(aqls[a]);
      auto plan = normal_plan(row.letter, aqls[a]);
      REQUIRE(plan);
      CHECK(plan->n == row.n[a]);
      CHECK(plan->ac == row.ac[a]);
      CHECK(plan->re == row.ac[a] + 1);
    }
  }
}

TEST_CASE("sample_size: counts, percentages, GB/T 2828.1, and 100% when n reaches the lot") {
  CHECK(sample_size(*parse_sample_plan("20"), 1000).n == 20);
  CHECK(sample_size(*parse_sample_plan("20"), 12).n == 12);
  CHECK(sample_size(*parse_sample_plan("20"), 12).all);
  CHECK(sample_size(*parse_sample_plan("10%"), 1001).n == 101);
  SampleSize s = sample_size(*parse_sample_plan("gb2828:II:1.0"), 1000);
  CHECK(s.letter == 'J');
  CHECK(s.n == 80);
  CHECK(*s.ac == 2);
  CHECK(*s.re == 3);
  SampleSize small = sample_size(*parse_sample_plan("gb2828:II:0.65"), 10);  // B -> F 20
  CHECK(small.letter == 'B');
  CHECK(small.n == 10);
  CHECK(small.all);
  CHECK(sample_size(*parse_sample_plan("gb2828:S-2"), 3000).n == 8);
}

TEST_CASE("draw_sample: ranked by SHA-256 of seed:lease, lowest first") {
  std::vector<std::string> leases;
  for (int i = 0; i < 200; ++i)
    leases.push_back(fmt::format("L-{:04}", i));
  auto sample = draw_sample("2026-danzhou", leases, 10);
  REQUIRE(sample.size() == 10);
  // Re-derived here from the definition alone.
  std::vector<std::pair<std::string, std::string>> ranked;
  for (const auto& l : leases)
    ranked.emplace_back(sha256_hex("2026-danzhou:" + l), l);
  std::sort(ranked.begin(), ranked.end());
  for (size_t i = 0; i < 10; ++i)
    CHECK(sample[i] == ranked[i].second);
  CHECK(sample_rank("s", "L-1") == sha256_hex("s:L-1"));
  CHECK(draw_sample("another seed", leases, 10) != sample);

  SUBCASE("adding leases never reshuffles: only new leases can enter") {
    auto more = leases;
    for (int i = 200; i < 400; ++i)
      more.push_back(fmt::format("L-{:04}", i));
    std::reverse(more.begin(), more.end());
    auto again = draw_sample("2026-danzhou", more, 10);
    size_t kept = 0;
    for (const auto& id : again) {
      bool old = std::find(leases.begin(), leases.end(), id) != leases.end();
      if (old) {
        // An old lease in the new sample was in the old one, in the same order.
        CHECK(std::find(sample.begin(), sample.end(), id) != sample.end());
        ++kept;
      }
    }
    std::vector<std::string> old_in_new;
    for (const auto& id : again) {
      if (std::find(leases.begin(), leases.end(), id) != leases.end())
        old_in_new.push_back(id);
    }
    CHECK(std::equal(old_in_new.begin(), old_in_new.end(), sample.begin()));
    CHECK(kept < 10);  // 200 new leases: some enter
  }
}
