// Inserting many records in one transaction: statements prepared once per
// kind, duplicate keys and missing references told by SQLite's constraints
// instead of a lookup per row. Used by import; the Ledger's own writes stay
// the path for single changes and updates.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/database.hpp"
#include "registry/types/number.hpp"

namespace numreg::store {

/// What an insert did.
enum class InsertResult {
  inserted,
  duplicate,          // the key exists (UNIQUE or PRIMARY KEY)
  missing_reference,  // a referenced record does not exist (FOREIGN KEY)
  duplicate_permit,   // a lease's permitted callers repeat a first number
};

class BulkInserter {
 public:
  explicit BulkInserter(Database& db);
  ~BulkInserter();
  BulkInserter(const BulkInserter&) = delete;
  BulkInserter& operator=(const BulkInserter&) = delete;

  /// Insert `record` (a validated record of any kind) and what derives from
  /// it: a resource's number range, a lease's permits, a holder's check flag.
  /// A lease's permits come already read (`permits_of`, on another thread
  /// during an import). Call inside a transaction.
  InsertResult insert(const Record& record, const std::vector<NumberRange>& permits);
  /// The permitted caller ranges of a lease record (none for other kinds).
  static std::vector<NumberRange> permits_of(const Record& record);

 private:
  struct Prepared;
  Prepared& prepared(const Kind& kind);
  InsertResult insert_permit(const std::string& lease, const NumberRange& range);
  void note_class(const char* table, int span);

  Database& db_;
  std::vector<std::pair<const Kind*, std::unique_ptr<Prepared>>> kinds_;
  std::unique_ptr<Prepared> permit_;
  std::unique_ptr<Prepared> span_;
  std::set<std::pair<std::string, int>> classes_;
};

}  // namespace numreg::store
