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

namespace {

// A long JSON text with every kind of byte that escapes: a recorded
// inspection's findings, in small.
std::string long_json(size_t size) {
  std::string s = "[";
  for (int i = 0; s.size() < size; ++i) {
    s += R"({"rule":"R008","key":"L-)" + std::to_string(i) +
         R"(","message":"儋州 \\ tab	end\nline )" + std::string(1, static_cast<char>(i % 32)) +
         "\"},";
  }
  return s + "0]";
}

}  // namespace

TEST_CASE("append_json_escaped: pieces cut anywhere make append_json_string's text") {
  std::string s = long_json(10000);
  std::string whole;
  append_json_string(s, whole);
  for (size_t piece : {size_t{1}, size_t{7}, size_t{1000}, s.size()}) {
    std::string out = "\"";
    for (size_t at = 0; at < s.size(); at += piece)
      append_json_escaped(std::string_view(s).substr(at, piece), out);
    out += '"';
    CHECK(out == whole);
  }
}

TEST_CASE("entry_hash of an entry longer than the pieces it is hashed in") {
  store::JournalEntry e;
  e.seq = 7;
  e.time = "2026-11-29T09:30:00Z";
  e.actor = "inspector";
  e.action = "add";
  e.entity = "inspection";
  e.key = "2026-11-29-001";
  e.after = long_json(size_t{5} << 20);  // five pieces and some
  e.reason = std::string(3 << 20, '"');  // escapes to twice its size
  e.prev_hash = std::string(64, 'b');
  nlohmann::ordered_json fields =
      nlohmann::ordered_json::array({e.seq, e.time, e.actor, e.action, e.entity, e.key, nullptr,
                                     *e.after, *e.reason, nullptr, e.prev_hash});
  CHECK(store::entry_hash(e) == sha256_hex(fields.dump()));
}

TEST_CASE("Sha256Stream: pieces hash as the whole text") {
  std::string s = long_json(100000);
  const std::string whole = sha256_hex(s);  // not while a stream lasts: they share a context
  for (size_t piece : {size_t{1}, size_t{63}, size_t{64}, size_t{4096}, s.size()}) {
    Sha256Stream hash;
    for (size_t at = 0; at < s.size(); at += piece)
      hash.update(std::string_view(s).substr(at, piece));
    CHECK(hash.hex() == whole);
  }
  Sha256Stream empty;
  CHECK(empty.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
