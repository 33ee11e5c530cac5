// What every store's journal shares: the entry's encoding and hash, the
// sealing of an entry after the head, and the check of the chain.
#include <fmt/format.h>

#include "registry/store/journal.hpp"
#include "registry/util/json_text.hpp"
#include "registry/util/sha256.hpp"

namespace numreg::store {

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

std::string entry_hash(const JournalEntry& e) {
  // The SHA-256 of the JSON array [seq, time, actor, action, entity, key,
  // before, after, reason, batch, prev_hash], written directly (every write
  // journals, and imports write millions): the text nlohmann's dump() gives.
  thread_local std::string buffer;  // reused: its capacity outlives the entry
  std::string& text = buffer;
  text.clear();
  fmt::format_to(std::back_inserter(text), "[{}", e.seq);
  auto item = [&text](const std::string& s) {
    text += ',';
    append_json_string(s, text);
  };
  auto optional_item = [&](const std::optional<std::string>& s) {
    if (s) {
      item(*s);
    } else {
      text += ",null";
    }
  };
  item(e.time);
  item(e.actor);
  item(e.action);
  item(e.entity);
  item(e.key);
  optional_item(e.before);
  optional_item(e.after);
  optional_item(e.reason);
  optional_item(e.batch);
  item(e.prev_hash);
  text += ']';
  return sha256_hex(text);
}

void seal(JournalEntry& e, int64_t prev_seq, const std::string& prev_hash) {
  e.seq = prev_seq + 1;
  e.prev_hash = prev_hash;
  e.hash = entry_hash(e);
}

void Journal::append(JournalEntry& e) {
  JournalTail t = tail();
  seal(e, t.seq, t.hash);
  insert_sealed(e);
}

ChainCheck Journal::check() {
  return check([](const JournalEntry&) {});
}

ChainCheck Journal::check(const std::function<void(const JournalEntry&)>& visit) {
  ChainCheck result;
  result.head = genesis_hash();
  int64_t expected_seq = 1;
  scan([&](const JournalEntry& e) {
    ++result.entries;
    visit(e);
    if (!result.bad) {
      if (e.seq != expected_seq) {
        result.bad = expected_seq;
        result.problem =
            fmt::format("entry {} is missing (the next entry is {})", expected_seq, e.seq);
      } else if (e.prev_hash != result.head) {
        result.bad = e.seq;
        result.problem = fmt::format("entry {} does not link to entry {}", e.seq, e.seq - 1);
      } else if (entry_hash(e) != e.hash) {
        result.bad = e.seq;
        result.problem = fmt::format(
            "entry {} does not match its hash: it was changed after "
            "it was written",
            e.seq);
      }
    }
    result.head = e.hash;
    expected_seq = e.seq + 1;
  });
  return result;
}

}  // namespace numreg::store
