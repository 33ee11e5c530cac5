// What every store's journal shares: the sealing of an entry after the head,
// and the check of a chain whose entries keep their prev_hash (a store that
// keeps the journal in blocks checks its blocks instead). The entry's
// encoding and hash are in journal_block.cpp.
#include <stdexcept>

#include <fmt/format.h>

#include "registry/store/journal.hpp"

namespace numreg::store {

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

void Journal::append(JournalEntry&& e) {
  JournalTail t = tail();
  seal(e, t.seq, t.hash);
  insert_sealed(std::move(e));
}

void Journal::insert_block(const EncodedBlock&) {
  throw std::logic_error("a journal block handed to a store that does not keep blocks");
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
