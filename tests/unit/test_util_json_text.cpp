#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "registry/store/journal.hpp"
#include "registry/util/json_text.hpp"
#include "registry/util/sha256.hpp"

using namespace numreg;

TEST_CASE("append_json_string escapes as nlohmann's dump()") {
  for (std::string s :
       {std::string(""), std::string("儋州 \"海韵\" \\ a/b"),
        std::string("\b\f\n\r\t\x01\x1f\x7f end", 12), std::string("+8689866123456")}) {
    std::string out;
    append_json_string(s, out);
    CHECK(out == nlohmann::json(s).dump());
  }
}

TEST_CASE("append_json_string escapes every ASCII byte as nlohmann's dump()") {
  for (int c = 0; c < 128; ++c) {
    std::string s{'a', static_cast<char>(c), 'b'};
    std::string out = "prefix";
    append_json_string(s, out);
    CHECK(out == "prefix" + nlohmann::json(s).dump());
  }
}

TEST_CASE("entry_hash is the SHA-256 of the entry's JSON array") {
  store::JournalEntry e;
  e.seq = 42;
  e.time = "2026-11-29T09:30:00Z";
  e.actor = "clerk";
  e.action = "add";
  e.entity = "holder";
  e.key = "91460400MA5TDR015T";
  e.after = R"({"uscc":"91460400MA5TDR015T","name":"儋州\"海韵\"","kind":"enterprise"})";
  e.batch = "20261129T093000Z-0a1b2c3d";
  e.prev_hash = store::genesis_hash();
  auto optional = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  nlohmann::ordered_json fields = nlohmann::ordered_json::array(
      {e.seq, e.time, e.actor, e.action, e.entity, e.key, optional(e.before), optional(e.after),
       optional(e.reason), optional(e.batch), e.prev_hash});
  CHECK(store::entry_hash(e) == sha256_hex(fields.dump()));
}
