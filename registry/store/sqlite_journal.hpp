// The journal of a SQLite registry: blocks of entries in its file
// (journal_blocks, journal_batches, journal_keys; journal_block.hpp).
// Entries appended wait in memory for their block to close, and are written
// when a different time, actor, reason or batch comes, at kBlockEntries,
// before every read, and by flush() (the store calls it before it commits).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "registry/store/database.hpp"
#include "registry/store/journal.hpp"

namespace numreg::store {

class SqliteJournal final : public Journal {
 public:
  explicit SqliteJournal(Database& db);
  ~SqliteJournal() override;
  SqliteJournal(const SqliteJournal&) = delete;
  SqliteJournal& operator=(const SqliteJournal&) = delete;

  void insert_sealed(const JournalEntry& entry) override;
  void insert_sealed(JournalEntry&& entry) override;
  bool keeps_blocks() const override { return true; }
  /// Written at once, after the entries waiting are.
  void insert_block(const EncodedBlock& block) override;
  JournalTail tail() override;
  /// Forget the cached head (at a new transaction); kept while entries wait.
  void forget_head() override {
    if (pending_.empty())
      cached_ = false;
  }
  std::vector<JournalEntry> read(const JournalQuery& query) override;
  /// Each block's entries recomputed from its stored bytes, their last hash
  /// compared with the block's.
  ChainCheck check(const std::function<void(const JournalEntry&)>& visit) override;
  using Journal::check;

  /// Write the entries waiting for their block to close.
  void flush();
  /// Drop the entries waiting and the cached head (the transaction rolled back).
  void discard();
  /// How many entries there are.
  int64_t size();
  /// Every entry about one of `entities`, in seq order, with seq, action,
  /// entity, key, before and after (no hashes: none is recomputed).
  void scan(const std::vector<std::string>& entities,
            const std::function<void(const JournalEntry&)>& visit);
  /// The hash of entry `seq`, or nullopt when there is none ("" when its
  /// block does not decode).
  std::optional<std::string> hash_at(int64_t seq);
  /// Up to `limit` entries (seq, hash) whose hash starts with `prefix`.
  std::vector<std::pair<int64_t, std::string>> with_hash_prefix(std::string_view prefix, int limit);

 protected:
  void scan(const std::function<void(const JournalEntry&)>& visit) override;

 private:
  struct Writer;
  void read_head();
  void write(const EncodedBlock& block);

  Database& db_;
  std::unique_ptr<Writer> writer_;
  std::vector<JournalEntry> pending_;
  bool cached_ = false;
  int64_t last_seq_ = 0;
  std::string last_hash_;
};

}  // namespace numreg::store
