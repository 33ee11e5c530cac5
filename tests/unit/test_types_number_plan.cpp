// Tests for registry/types/number_plan: China's numbering plan as
// libphonenumber's metadata gives it, and foreign numbers.
#include "registry/types/number_plan.hpp"

#include <doctest/doctest.h>

#include <optional>

#include "registry/types/foreign_plan.hpp"

namespace plan = numreg::plan;

TEST_CASE("plan::is_mobile and refused_mobile_prefix") {
  CHECK(plan::is_mobile("13800138000"));
  CHECK(plan::is_mobile("19912345678"));
  CHECK(plan::is_mobile("17405123456"));
  CHECK_FALSE(plan::is_mobile("17406123456"));
  CHECK_FALSE(plan::is_mobile("14012345678"));
  CHECK_FALSE(plan::is_mobile("15412345678"));
  CHECK_FALSE(plan::is_mobile("1380013800"));   // 10 digits
  CHECK_FALSE(plan::is_mobile("23800138000"));  // no 1
  CHECK_FALSE(plan::is_mobile("1a800138000"));  // not a digit
  CHECK(plan::refused_mobile_prefix("15412345678") == "154");
  CHECK(plan::refused_mobile_prefix("17412345678") == "1741");
  CHECK(plan::refused_mobile_prefix("17406123456") == "17406");
  CHECK(plan::refused_mobile_prefix("1a4") == "1a4");
}

TEST_CASE("plan: area codes and their subscriber lengths") {
  CHECK(plan::is_area_code("898"));
  CHECK(plan::is_area_code("10"));
  CHECK(plan::is_area_code("755"));
  CHECK_FALSE(plan::is_area_code("540"));
  CHECK_FALSE(plan::is_area_code("26"));
  CHECK_FALSE(plan::is_area_code("890"));  // Hainan's old code: numreg's own rule
  CHECK_FALSE(plan::is_area_code("8x8"));
  CHECK_FALSE(plan::is_area_code("8988"));
  CHECK(plan::subscriber_lengths("898") == "8");
  CHECK(plan::subscriber_lengths("543") == "7");
  CHECK(plan::subscriber_lengths("433") == "7 or 8");
  CHECK(plan::subscriber_lengths("540").empty());
  CHECK(plan::is_fixed_line("898", "66123456"));
  CHECK_FALSE(plan::is_fixed_line("898", "6612345"));
  CHECK(plan::is_fixed_line("543", "2345678"));
  CHECK_FALSE(plan::is_fixed_line("543", "23456789"));
  CHECK_FALSE(plan::is_fixed_line("898", "x6123456"));
  // 010 8...: whether it is a fixed line depends on the next digits (010 800
  // leads toll-free numbers), so libphonenumber itself is asked.
  CHECK(plan::is_fixed_line("10", "82345678"));
  CHECK(plan::is_area_96("755", "96166"));
  CHECK_FALSE(plan::is_area_96("540", "96166"));
}

TEST_CASE("plan::read_foreign") {
  CHECK(plan::read_foreign("442071234567").e164 == "+442071234567");
  CHECK(plan::read_foreign("4402071234567").e164 == "+442071234567");  // Parse drops the 0
  CHECK(plan::read_foreign("6837012").e164 == "+6837012");
  CHECK(plan::read_foreign("390612345678").e164 == "+390612345678");  // Italy keeps its 0
  CHECK(plan::read_foreign("12125550100").e164 == "+12125550100");
  const plan::Foreign made_up = plan::read_foreign("99912345678");
  CHECK(made_up.e164.empty());
  CHECK(made_up.problem == "it starts with no country code");
  CHECK(plan::read_foreign("6831234").problem == "it is not a valid number of +683 (NU)");
  CHECK(plan::read_foreign("12345678").problem == "it is not a valid number of +1");
}

TEST_CASE("plan::read_foreign_from_tables: libphonenumber's answers without it") {
  const std::optional<plan::Foreign> london = plan::read_foreign_from_tables("442071234567");
  REQUIRE(london.has_value());
  CHECK(london->e164 == "+442071234567");
  CHECK(plan::read_foreign_from_tables("79123456789")->e164 == "+79123456789");  // RU
  CHECK(plan::read_foreign_from_tables("77012345678")->e164 == "+77012345678");  // KZ
  CHECK(plan::read_foreign_from_tables("12684601234")->e164 == "+12684601234");  // AG
  // A refusal names the region libphonenumber names: by its leading digits
  // where several regions share the code, none where no region claims it.
  CHECK(plan::read_foreign_from_tables("12680000000")->problem ==
        "it is not a valid number of +1 (AG)");
  CHECK(plan::read_foreign_from_tables("12345678")->problem == "it is not a valid number of +1");
  CHECK(plan::read_foreign_from_tables("6831234")->problem ==
        "it is not a valid number of +683 (NU)");
  CHECK(plan::read_foreign_from_tables("8001234567")->problem ==
        "it is not a valid number of +800 (001)");
  // Left to libphonenumber: a national prefix Parse strips, no country code,
  // China's own code, too few digits.
  CHECK_FALSE(plan::read_foreign_from_tables("4402071234567").has_value());
  CHECK_FALSE(plan::read_foreign_from_tables("99912345678").has_value());
  CHECK_FALSE(plan::read_foreign_from_tables("8613800138000").has_value());
  CHECK_FALSE(plan::read_foreign_from_tables("441").has_value());
}

TEST_CASE("plan::check_foreign") {
  CHECK(plan::check_foreign(44, "2071234567").check == plan::ForeignCheck::valid);
  const plan::ForeignVerdict nanp = plan::check_foreign(1, "2680000000");
  CHECK(nanp.check == plan::ForeignCheck::invalid);
  CHECK(nanp.region == "AG");
  CHECK(plan::check_foreign(86, "13800138000").check == plan::ForeignCheck::no_table);
  CHECK(plan::check_foreign(999, "12345678").check == plan::ForeignCheck::no_table);
  CHECK(plan::check_foreign(44, "02071234567").check == plan::ForeignCheck::no_table);
  CHECK(plan::check_foreign(44, "20712x4567").check == plan::ForeignCheck::no_table);
  CHECK(plan::check_foreign(44, "").check == plan::ForeignCheck::no_table);
  CHECK(plan::check_foreign(44, "123456789012345678").check == plan::ForeignCheck::no_table);
}
