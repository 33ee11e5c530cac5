// The journal: every mutation, chained by SHA-256, written in the mutation's
// own transaction.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace numreg::store {

struct EncodedBlock;  // journal_block.hpp

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

/// Appends to and reads the journal of one registry. Each store supplies
/// its own (SqliteJournal in sqlite_journal.hpp, PgJournal in pg/); the
/// encoding, hashing and chain checking stay here, the same for every store.
class Journal {
 public:
  virtual ~Journal() = default;

  /// Fill seq, prev_hash and hash of `entry` and insert it; call inside a
  /// transaction. The head is re-read when the transaction is new.
  void append(JournalEntry& entry);
  /// The same for an entry the caller no longer needs: it is taken, not
  /// copied (an inspection's entry holds every finding's text).
  void append(JournalEntry&& entry);
  /// Insert an entry already sealed after tail(); call inside a transaction.
  /// An import seals entries on one thread while another writes them.
  virtual void insert_sealed(const JournalEntry& entry) = 0;
  /// The same, taking the entry; by default it is copied.
  virtual void insert_sealed(JournalEntry&& entry) {
    insert_sealed(static_cast<const JournalEntry&>(entry));
  }
  /// Whether the store keeps its entries in blocks (journal_block.hpp) and
  /// takes them whole: an import then encodes its blocks as it seals them.
  virtual bool keeps_blocks() const { return false; }
  /// Insert a block of entries sealed after tail(), encoded by
  /// encode_entries(); call inside a transaction, and only when
  /// keeps_blocks() (a store without blocks is handed entries: the default
  /// throws std::logic_error).
  virtual void insert_block(const EncodedBlock& block);
  /// The newest entry, read once per transaction.
  virtual JournalTail tail() = 0;
  /// Forget the cached head (after a rollback, or at a new transaction).
  virtual void forget_head() = 0;
  /// The hash of the newest entry.
  std::string head() { return tail().hash; }
  /// Entries matching `query`, oldest first.
  virtual std::vector<JournalEntry> read(const JournalQuery& query) = 0;
  /// Recompute the chain from the first entry.
  ChainCheck check();
  /// Recompute the chain, handing every entry to `visit` in seq order (one
  /// pass for the chain and whatever else reads the whole journal).
  virtual ChainCheck check(const std::function<void(const JournalEntry&)>& visit);

 protected:
  /// Every entry, in seq order (for the check above: a store that
  /// overrides check need not give it).
  virtual void scan(const std::function<void(const JournalEntry&)>& visit) = 0;
};

}  // namespace numreg::store
