// The journal entries of a large import, held back until its records are
// written and then inserted in one sequential pass, in the same transaction.
// Written between the records, a million entries of half a kilobyte each
// push the record indexes out of SQLite's page cache; written after them,
// they only append. Entries wait in memory up to a few megabytes, beyond
// that in an unnamed temporary file beside the registry.
#pragma once

#include <cstdio>
#include <functional>
#include <string>

#include "registry/store/journal.hpp"

namespace numreg::import {

class JournalSpool {
 public:
  /// Spill beyond `memory_bytes` into a file in `dir`.
  explicit JournalSpool(std::string dir, size_t memory_bytes = 8 << 20);
  ~JournalSpool();
  JournalSpool(const JournalSpool&) = delete;
  JournalSpool& operator=(const JournalSpool&) = delete;

  /// Hold `entry` back (sealed: seq, prev_hash and hash set).
  void add(const store::JournalEntry& entry);
  /// Entries held back.
  size_t size() const { return count_; }
  /// Every entry held back, in the order added; the spool is empty after.
  void drain(const std::function<void(const store::JournalEntry&)>& insert);

 private:
  void spill();
  void write(const std::string& bytes);

  std::string dir_;
  size_t memory_bytes_;
  std::string buffer_;
  std::FILE* file_ = nullptr;
  size_t count_ = 0;
};

}  // namespace numreg::import
