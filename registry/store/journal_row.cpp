#include "registry/store/journal_row.hpp"

namespace numreg::store {

void read_entry(const Row& row, JournalEntry& e) {
  e.seq = row.integer(0);
  e.time = row.view(1);
  e.actor = row.view(2);
  e.action = row.view(3);
  e.entity = row.view(4);
  e.key = row.view(5);
  e.before = row.optional_text(6);
  e.after = row.optional_text(7);
  e.reason = row.optional_text(8);
  e.batch = row.optional_text(9);
  e.prev_hash = row.view(10);
  e.hash = row.view(11);
}

}  // namespace numreg::store
