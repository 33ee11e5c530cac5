// Inserting many records in one transaction, duplicate keys and missing
// references told by the store's constraints instead of a lookup per row.
// Used by import; the Ledger's own writes stay the path for single changes
// and updates.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/types/number.hpp"

namespace numreg::store {

/// What an insert did.
enum class InsertResult {
  inserted,
  duplicate,          // the key exists (UNIQUE or PRIMARY KEY)
  missing_reference,  // a referenced record does not exist (FOREIGN KEY)
  duplicate_permit,   // a lease's permitted callers repeat a first number
};

/// Inserts many records in the current write transaction. Each store
/// supplies its own (SqliteBulkInserter in sqlite_bulk_insert.hpp).
class BulkInserter {
 public:
  virtual ~BulkInserter() = default;

  /// Insert `record` (a validated record of any kind) and what derives from
  /// it: a resource's number range, a lease's permits, a holder's check flag.
  /// A lease's permits come already read (`permits_of`, on another thread
  /// during an import). Call inside a transaction.
  virtual InsertResult insert(const Record& record, const std::vector<NumberRange>& permits) = 0;

  /// One row of insert_all: what insert() takes, and what it did.
  struct Row {
    const Record* record = nullptr;
    const std::vector<NumberRange>* permits = nullptr;
    InsertResult result = InsertResult::inserted;
  };
  /// Insert `rows` in order, each with the result insert() would have given
  /// it had the rows before it gone in one at a time. A store whose round
  /// trips cost more than its rows sends them together (PostgreSQL); the
  /// default calls insert() for each.
  virtual void insert_all(std::span<Row> rows) {
    for (Row& row : rows)
      row.result = insert(*row.record, *row.permits);
  }
  /// How many rows insert_all is best given at once.
  virtual size_t chunk_rows() const { return 256; }

  /// The permitted caller ranges of a lease record (none for other kinds).
  static std::vector<NumberRange> permits_of(const Record& record);
};

}  // namespace numreg::store
