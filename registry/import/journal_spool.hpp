// The journal entries of a large import, held back until its records are
// written and then inserted in one sequential pass, in the same transaction.
// Written between the records, a million entries of half a kilobyte each
// push the record indexes out of SQLite's page cache; written after them,
// they only append. Entries wait in memory up to a few megabytes, beyond
// that in an unnamed temporary file beside the registry. For a store that
// keeps its journal in blocks, entries are gathered into the blocks the
// store would make of them, and each full block is encoded (compressed) as
// it closes, on the thread that seals the entries: the writing thread then
// only inserts it, and a block holds back about a tenth of its entries'
// bytes.
#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "registry/store/journal.hpp"
#include "registry/store/journal_block.hpp"

namespace numreg::import {

class JournalSpool {
 public:
  /// Spill beyond `memory_bytes` into a file in `dir`; with `blocks`, hold
  /// entries back as encoded blocks.
  JournalSpool(std::string dir, bool blocks, size_t memory_bytes = 8 << 20);
  ~JournalSpool();
  JournalSpool(const JournalSpool&) = delete;
  JournalSpool& operator=(const JournalSpool&) = delete;

  /// Hold `entry` back (sealed: seq, prev_hash and hash set, each entry
  /// after the one added before).
  void add(store::JournalEntry entry);
  /// Entries held back.
  size_t size() const { return count_; }
  /// Everything held back, in the order added: full blocks to
  /// `insert_block`, entries (all of them without `blocks`, else those of
  /// the last block, not full) to `insert`. The spool is empty after.
  void drain(const std::function<void(const store::EncodedBlock&)>& insert_block,
             const std::function<void(const store::JournalEntry&)>& insert);

 private:
  void close_block();
  void held();
  void spill();
  void write(const std::string& bytes);
  void read_back(const std::function<void(const char* record)>& each);

  std::string dir_;
  bool blocks_;
  std::vector<store::JournalEntry> block_;  // the block being gathered (with `blocks`)
  size_t memory_bytes_;
  std::string buffer_;
  std::FILE* file_ = nullptr;
  size_t count_ = 0;
};

}  // namespace numreg::import
