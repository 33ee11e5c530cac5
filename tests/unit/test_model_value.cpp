#include <doctest/doctest.h>

#include "registry/model/kind.hpp"
#include "registry/model/value.hpp"

using namespace numreg;

namespace {

std::string canon(const char* kind_name, const char* field, const char* text) {
  auto v = canonical_value(*kind(kind_name).field(field), text, {Date{2026, 11, 29}});
  return v ? *v : "error:" + v.error().code;
}

}  // namespace

TEST_CASE("kinds: every schema loads, in dependency order, with keys among its fields") {
  std::vector<std::string> names;
  for (const auto& k : kinds()) {
    names.push_back(k.name);
    for (const auto& key : k.key)
      CHECK_MESSAGE(k.field(key), k.name << " key " << key);
    for (const auto& c : k.list_columns)
      CHECK_MESSAGE(k.field(c), k.name << " column " << c);
    for (const auto& f : k.fields) {
      CHECK_MESSAGE(!f.help.empty(), k.name << "." << f.name << " has no help");
      CHECK_MESSAGE(!f.help_zh.empty(), k.name << "." << f.name << " has no Chinese help");
      if (f.type == FieldType::ref)
        CHECK(find_kind(f.ref));
    }
  }
  CHECK(names == std::vector<std::string>{"holders", "credentials", "resources", "leases",
                                          "permits", "contracts", "campaigns", "refusals"});
  CHECK(kind("lease").name == "leases");
  CHECK_THROWS_WITH(kind("lessees"),
                    "unknown record kind 'lessees' (expected one of: holders, credentials, "
                    "resources, leases, permits, contracts, campaigns, refusals)");
}

TEST_CASE("canonical_value reads every field type") {
  CHECK(canon("holders", "uscc", " 91460400ma5tdr015t ") == "91460400MA5TDR015T");
  CHECK(canon("holders", "region", "儋州") == "460400");
  CHECK(canon("holders", "region", "Dongfang") == "469007");
  CHECK(canon("holders", "kind", "呼叫中心") == "call_centre");
  CHECK(canon("holders", "kind", "Enterprise") == "enterprise");
  CHECK(canon("holders", "kind", "shop") == "error:enum-value");
  CHECK(canon("holders", "legal_rep_id", "460400199003071233") == "460400199003071233");
  CHECK(canon("leases", "start", "2019/6/30") == "2019-06-30");
  CHECK(canon("leases", "permitted_callers", "0898-6610 0000..0898-6610 0099; 95105") ==
        "+8689866100000..+8689866100099;95105");
  CHECK(canon("leases", "resource", "400-810-8888") == "4008108888");
  CHECK(canon("leases", "resource", "TRK-DZ-0001") == "TRK-DZ-0001");
  CHECK(canon("resources", "international", "是") == "true");
  CHECK(canon("resources", "international", "N") == "false");
  CHECK(canon("resources", "capacity", "30") == "30");
  CHECK(canon("resources", "capacity", "3e1") == "error:int-form");
  CHECK(canon("contracts", "time_windows", "9:00-12:00") == "error:time-windows");
  CHECK(canon("contracts", "time_windows", "09:00-12:00; 14:00-20:00") ==
        "09:00-12:00;14:00-20:00");
  CHECK(canon("contracts", "time_windows", "20:00-14:00") == "error:time-windows");
  CHECK(canon("campaigns", "numbers", "4008108888;0898-66123456") == "4008108888;+8689866123456");
}

TEST_CASE("canonical_value errors carry the field and a masked personal value") {
  auto v = canonical_value(*kind("holders").field("legal_rep_id"), "460400199003071230",
                           {Date{2026, 11, 29}});
  REQUIRE_FALSE(v);
  CHECK(v.error().field == "legal_rep_id");
  CHECK(v.error().value == "460400********1230");
  CHECK(v.error().message.find("460400199003071230") == std::string::npos);
}

TEST_CASE("canonical_value refuses control characters, in every field, with where they are") {
  auto refused = [](const char* kind_name, const char* field, std::string_view text) {
    auto v = canonical_value(*kind(kind_name).field(field), text, {Date{2026, 11, 29}});
    REQUIRE_FALSE(v);
    CHECK(v.error().code == "control-character");
    CHECK(v.error().field == field);
    return v.error().message;
  };
  CHECK(refused("holders", "name", "海韵\x1b[2J科技") ==
        "control character U+001B at character 3 (expected printable text; line breaks and tabs "
        "are allowed)");
  CHECK(refused("leases", "id", "L-DZ-0001\x07") ==
        "control character U+0007 at character 10 (expected printable text; line breaks and "
        "tabs are allowed)");
  CHECK(refused("holders", "address", "那大镇\x7f") ==
        "control character U+007F at character 4 (expected printable text; line breaks and tabs "
        "are allowed)");
  CHECK(refused("holders", "address",
                "csi\xC2\x9B"
                "31m") ==
        "control character U+009B at character 4 (expected printable text; line breaks and tabs "
        "are allowed)");
  CHECK(refused("leases", "permitted_callers", std::string("0898-6610 0000\0", 15)) ==
        "control character U+0000 at character 15 (expected printable text; line breaks and "
        "tabs are allowed)");
  // Line breaks and tabs are text; so are ¥ (C2 A5) and CJK.
  CHECK(canon("holders", "address", "那大镇\r\n中兴大道\t1号") == "那大镇\r\n中兴大道\t1号");
  CHECK(canon("holders", "name", "¥ 海韵") == "¥ 海韵");
}

TEST_CASE("mask_value") {
  const Field& contact = *kind("holders").field("contact");
  CHECK(mask_value(contact, "王海 13800138000") == "王海 138****8000");
  CHECK(mask_value(contact, "0898-66123456 转 801") == "0898-661*3456 转 801");
  CHECK(mask_value(*kind("holders").field("legal_rep_id"), "460400199003071233") ==
        "460400********1233");
}

TEST_CASE("kinds: every enum value has a Chinese name, which input accepts too") {
  for (const auto& k : kinds()) {
    for (const auto& f : k.fields) {
      if (f.type != FieldType::enum_)
        continue;
      for (const auto& value : f.values) {
        auto name = f.value_names_zh.find(value);
        REQUIRE_MESSAGE(name != f.value_names_zh.end(),
                        k.name << "." << f.name << " value " << value << " has no Chinese name");
        auto read = canonical_value(f, name->second, {Date{2026, 11, 29}});
        CHECK_MESSAGE((read && *read == value), k.name << "." << f.name);
      }
    }
  }
  CHECK(canon("leases", "status", "已终止") == "ended");
  CHECK(canon("leases", "status", "已暂停") == "suspended");
  CHECK(canon("resources", "kind", "95号码") == "n95");
}
