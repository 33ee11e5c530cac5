// The SQL behind `verify`'s replay: the tables read row by row, the journal
// read by entity, and a scratch table of replayed records that names what
// differs without holding a million records in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/database.hpp"
#include "registry/store/journal.hpp"
#include "registry/store/store.hpp"

namespace numreg::store {

/// Every row of `kind`'s table, in no particular order. Derived fields
/// (a lease's permitted_callers) are left empty: their rows are read apart.
void scan_records(Database& db, const Kind& kind, const std::function<void(const Record&)>& visit);

/// Every permit row: its lease, first and last number.
void scan_permits(Database& db,
                  const std::function<void(std::string_view lease, std::string_view first,
                                           std::string_view last)>& visit);

/// The rows of `kind`'s table.
int64_t count_records(Database& db, const Kind& kind);

/// A scratch table (in SQLite's temporary database, on disk beyond its cache)
/// of records by key: what the journal says each key holds and which entry
/// said it. Dropped when destroyed.
class ReplayTable final : public ReplayScratch {
 public:
  explicit ReplayTable(Database& db);
  ~ReplayTable() override;
  ReplayTable(const ReplayTable&) = delete;
  ReplayTable& operator=(const ReplayTable&) = delete;

  void put(std::string_view key, int64_t seq, const std::optional<std::string>& text) override;
  void erase_prefix(const std::string& prefix) override;
  std::optional<Row> find(std::string_view key) override;
  std::optional<Row> take(std::string_view key) override;
  void remaining(const std::function<void(std::string_view key, const Row& row)>& visit) override;

 private:
  Database& db_;
  Statement put_;
  Statement find_;
  Statement erase_;
  Statement erase_prefix_;
};

}  // namespace numreg::store
