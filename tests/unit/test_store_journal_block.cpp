#include <doctest/doctest.h>

#include <zlib.h>

#include "registry/store/journal_block.hpp"

using namespace numreg;
using store::JournalEntry;

namespace {

JournalEntry entry(const char* action, const char* key, std::optional<std::string> before,
                   std::optional<std::string> after) {
  JournalEntry e;
  e.time = "2026-11-29T09:30:00Z";
  e.actor = "clerk";
  e.action = action;
  e.entity = "lease";
  e.key = key;
  e.before = std::move(before);
  e.after = std::move(after);
  e.reason = "机房搬迁";
  return e;
}

// Entries sealed one after another from `prev`, as the journal writes them.
std::vector<JournalEntry> sealed(std::vector<JournalEntry> entries, int64_t prev_seq,
                                 const std::string& prev) {
  std::string hash = prev;
  for (auto& e : entries) {
    store::seal(e, prev_seq++, hash);
    hash = e.hash;
  }
  return entries;
}

}  // namespace

TEST_CASE("journal block: entries decode to what was sealed, hashes and all") {
  auto entries = sealed({entry("add", "L-1", std::nullopt, R"({"id":"L-1","location":"海口"})"),
                         entry("update", "L-1", R"({"id":"L-1","location":"海口"})",
                               R"({"id":"L-1","location":"三亚 3:4-"})"),
                         entry("remove", "", "", std::nullopt)},
                        41, std::string(64, 'a'));
  std::string bytes = store::encode_block(entries);
  auto back = store::decode_block(store::block_head(entries[0]), 3, bytes, std::string(64, 'a'));
  REQUIRE(back);
  REQUIRE(back->size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    const auto& a = entries[i];
    const auto& b = (*back)[i];
    CHECK(b.seq == 42 + static_cast<int64_t>(i));
    CHECK(b.time == a.time);
    CHECK(b.actor == a.actor);
    CHECK(b.action == a.action);
    CHECK(b.entity == a.entity);
    CHECK(b.key == a.key);
    CHECK(b.before == a.before);
    CHECK(b.after == a.after);
    CHECK(b.reason == a.reason);
    CHECK(b.batch == a.batch);
    CHECK(b.prev_hash == a.prev_hash);
    CHECK(b.hash == a.hash);
  }
  CHECK((*back)[2].before == std::string());  // empty, not absent
  CHECK_FALSE((*back)[2].after);
  CHECK(store::block_entities(entries) == "lease");
}

TEST_CASE("journal block: bytes that are not a block do not decode") {
  auto entries = sealed({entry("add", "L-1", std::nullopt, R"({"id":"L-1"})"),
                         entry("add", "L-2", std::nullopt, R"({"id":"L-2"})")},
                        0, store::genesis_hash());
  std::string bytes = store::encode_block(entries);
  auto head = store::block_head(entries[0]);
  const auto& genesis = store::genesis_hash();
  CHECK(store::decode_block(head, 2, bytes, genesis));
  CHECK_FALSE(store::decode_block(head, 1, bytes, genesis));  // an entry too many
  CHECK_FALSE(store::decode_block(head, 3, bytes, genesis));  // an entry too few
  // A count no block can hold (a row edited by hand) is refused, not
  // allocated.
  CHECK_FALSE(store::decode_block(head, int64_t{1} << 40, bytes, genesis));
  CHECK_FALSE(store::decode_block(head, store::kBlockEntries + 1, bytes, genesis));
  CHECK_FALSE(store::decode_block(head, 2, bytes.substr(0, bytes.size() - 1), genesis));
  CHECK_FALSE(store::decode_block(head, 2, bytes + "x", genesis));
  CHECK_FALSE(store::decode_block(head, 2, "", genesis));
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x10);
  CHECK_FALSE(store::decode_block(head, 2, flipped, genesis));
}

TEST_CASE("journal block: the shared fields decide which entries go together") {
  auto a = entry("add", "L-1", std::nullopt, "{}");
  auto b = a;
  CHECK(store::same_block(a, b));
  b.batch = "20261129T093000Z-0a1b2c3d";
  CHECK_FALSE(store::same_block(a, b));
  b = a;
  b.reason.reset();
  CHECK_FALSE(store::same_block(a, b));
  b = a;
  b.time = "2026-11-29T09:30:01Z";
  CHECK_FALSE(store::same_block(a, b));
  b = a;
  b.actor = "other";
  CHECK_FALSE(store::same_block(a, b));
  b = a;
  b.entity = "holder";
  CHECK(store::same_block(a, b));
  CHECK(store::block_entities({a, b, a}) == "lease,holder");
}

TEST_CASE("journal block: a block closes when full or at an entry of another change") {
  auto a = entry("add", "L-1", std::nullopt, "{}");
  std::vector<store::JournalEntry> block;
  CHECK_FALSE(store::closes_block(block, a));
  block.push_back(a);
  auto other = a;
  other.reason = "second load";
  CHECK(store::closes_block(block, other));
  block.resize(store::kBlockEntries - 1, a);
  CHECK_FALSE(store::closes_block(block, a));
  block.push_back(a);
  CHECK(store::closes_block(block, a));
}

TEST_CASE("journal block: an entry longer than the pieces it is compressed in") {
  // An inspection's entry holds every finding: its block is compressed as it
  // is written, to the bytes zlib gives for the whole text at once.
  std::string findings = "[";
  for (int i = 0; findings.size() < (size_t{5} << 20); ++i) {
    findings += R"({"rule":"R004","key":"L-)" + std::to_string(i * 7919 % 100003) +
                R"(","message":"permit outside the held ranges"},)";
  }
  findings += "0]";
  auto entries = sealed({entry("add", "L-1", std::nullopt, R"({"id":"L-1"})"),
                         entry("add", "2026-11-29-001", std::nullopt, findings)},
                        0, store::genesis_hash());
  std::string text = "1";
  for (const char* field : {"3:add3:add", "5:lease5:lease", "3:L-114:2026-11-29-001", "--"})
    text += field;
  text += "12:" + *entries[0].after + std::to_string(findings.size()) + ":" + findings;
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string whole(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(whole.data()), &size,
                    reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                    Z_BEST_SPEED) == Z_OK);
  whole.resize(size);
  std::string bytes = store::encode_block(entries);
  CHECK(bytes == whole);
  auto back = store::decode_block(store::block_head(entries[0]), 2, bytes, store::genesis_hash());
  REQUIRE(back);
  CHECK((*back)[1].after == findings);
  CHECK((*back)[1].hash == entries[1].hash);
}
