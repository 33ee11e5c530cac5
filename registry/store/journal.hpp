// The journal: every mutation, chained by SHA-256, written in the mutation's
// own transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/store/database.hpp"

namespace numreg::store {

/// One journal entry (stored in a block: journal_block.hpp).
struct JournalEntry {
  int64_t seq = 0;
  std::string time;  // UTC, "2026-11-29T09:30:00Z"
  std::string actor;
  std::string action;  // add, update, end, blacklist, remove, unmask, ...
  std::string entity;  // holder, lease, ...
  std::string key;
  std::optional<std::string> before;  // JSON of the record before, if any
  std::optional<std::string> after;   // JSON of the record after, if any
  std::optional<std::string> reason;
  std::optional<std::string> batch;
  std::string prev_hash;
  std::string hash;
};

/// The hash of the genesis predecessor: 64 zeros.
const std::string& genesis_hash();

/// The SHA-256 over every field of `entry` but `hash` (journal_block.cpp:
/// what is stored and what is hashed are kept together).
std::string entry_hash(const JournalEntry& entry);

/// Chain `entry` after the entry (`prev_seq`, `prev_hash`): set its seq,
/// prev_hash and hash.
void seal(JournalEntry& entry, int64_t prev_seq, const std::string& prev_hash);

/// The newest entry's seq and hash (0 and the genesis hash when empty).
struct JournalTail {
  int64_t seq = 0;
  std::string hash;
};

/// Filters for reading the journal; empty means any.
struct JournalQuery {
  std::string entity;
  std::string key;
  std::string since;  // entries whose time is on or after this date or time
  std::string batch;
  int64_t limit = 0;  // 0: no limit; otherwise the newest `limit` entries
};

/// The outcome of checking the chain.
struct ChainCheck {
  int64_t entries = 0;
  std::string head;            // hash of the last entry (genesis when empty)
  std::optional<int64_t> bad;  // seq of the first entry that does not verify
  std::string problem;         // what is wrong with it
};

/// Appends to and reads the journal of one database. Entries are kept in
/// blocks (journal_block.hpp): those appended wait in memory for their block
/// to close, and are written when a different time, actor, reason or batch
/// comes, at kBlockEntries, before every read, and by flush() (the store calls
/// it before it commits).
class Journal {
 public:
  explicit Journal(Database& db);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  /// Fill seq, prev_hash and hash of `entry` and append it; call inside a
  /// transaction. The head is re-read when the transaction is new.
  void append(JournalEntry& entry);
  /// Append an entry already sealed after tail(); call inside a transaction.
  /// An import seals entries on one thread while another writes them.
  void insert_sealed(const JournalEntry& entry);
  /// Write the entries waiting for their block to close.
  void flush();
  /// Drop the entries waiting and the cached head (the transaction rolled back).
  void discard();
  /// The newest entry, read once per transaction.
  JournalTail tail();
  /// Forget the cached head (at a new transaction); kept while entries wait.
  void forget_head() {
    if (pending_.empty())
      cached_ = false;
  }
  /// The hash of the newest entry.
  std::string head();
  /// How many entries there are.
  int64_t size();
  /// Entries matching `query`, oldest first.
  std::vector<JournalEntry> read(const JournalQuery& query);
  /// Recompute the chain from the first entry.
  ChainCheck check();
  /// Recompute the chain, handing every entry to `visit` in seq order (one
  /// pass for the chain and whatever else reads the whole journal).
  ChainCheck check(const std::function<void(const JournalEntry&)>& visit);
  /// Every entry about one of `entities`, in seq order, with seq, action,
  /// entity, key, before and after (no hashes: none is recomputed).
  void scan(const std::vector<std::string>& entities,
            const std::function<void(const JournalEntry&)>& visit);
  /// The hash of entry `seq`, or nullopt when there is none ("" when its
  /// block does not decode).
  std::optional<std::string> hash_at(int64_t seq);
  /// Up to `limit` entries (seq, hash) whose hash starts with `prefix`.
  std::vector<std::pair<int64_t, std::string>> with_hash_prefix(std::string_view prefix, int limit);

 private:
  struct Writer;
  Database& db_;
  std::unique_ptr<Writer> writer_;
  std::vector<JournalEntry> pending_;
  bool cached_ = false;
  int64_t last_seq_ = 0;
  std::string last_hash_;
};

}  // namespace numreg::store
