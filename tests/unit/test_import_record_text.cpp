#include <doctest/doctest.h>

#include "registry/import/record_text.hpp"

using namespace numreg;

TEST_CASE("append_record_json writes what to_json(false).dump() writes") {
  Record holder(kind("holders"));
  holder.set("uscc", "91460400MA5TDR015T");
  holder.set("name", "儋州\"海韵\"\\科技\n有限公司\t\x01");
  holder.set("legal_rep_id", "460400197503140128");
  holder.set("contact", "王海 13976001234");
  Record contract(kind("contracts"));
  contract.set("lease", "L-1");
  contract.set("freq_cap", "007");
  contract.set("penalty", "true");
  contract.set("real_name_verified", "false");
  for (const Record* r : {&holder, &contract}) {
    std::string text;
    import::append_record_json(*r, text);
    CHECK(text == r->to_json(false).dump());
  }
}

TEST_CASE("append_record_json: the text as written of a retired region code") {
  Record holder(kind("holders"));
  holder.set("uscc", "91469005MA5TWC010L");
  holder.set("region", "469005");
  holder.as_written.emplace_back("region", "460005");
  std::string text;
  import::append_record_json(holder, text);
  CHECK(text == holder.to_json(false).dump());
  CHECK(holder.to_json(false)["as_written"] == nlohmann::ordered_json{{"region", "460005"}});
  CHECK(text.ends_with(",\"as_written\":{\"region\":\"460005\"}}"));
}
