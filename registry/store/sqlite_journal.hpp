// The journal of a SQLite registry: the journal table of its file.
#pragma once

#include "registry/store/database.hpp"
#include "registry/store/journal.hpp"

namespace numreg::store {

class SqliteJournal final : public Journal {
 public:
  explicit SqliteJournal(Database& db);

  void insert_sealed(const JournalEntry& entry) override;
  JournalTail tail() override;
  void forget_head() override { cached_ = false; }
  std::vector<JournalEntry> read(const JournalQuery& query) override;

 protected:
  void scan(const std::function<void(const JournalEntry&)>& visit) override;

 private:
  void read_head();

  Database& db_;
  Statement insert_;
  bool cached_ = false;
  int64_t last_seq_ = 0;
  std::string last_hash_;
};

}  // namespace numreg::store
