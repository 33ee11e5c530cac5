// The PostgreSQL store's bulk inserter. An import's rows come in chunks
// (chunk_rows): for a chunk, one query a table tells which of its keys and
// of the keys it refers to exist, the rows are decided in order as one
// INSERT after another would decide them, and the accepted ones go in with
// one COPY (their permits with another). A failed statement would abort the
// import's transaction, so nothing is sent that the server could refuse.
// Rows one at a time (insert) use prepared statements with ON CONFLICT DO
// NOTHING, as do the kinds whose uniqueness is not their one-column key.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "registry/store/bulk_insert.hpp"
#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

/// Rows an import hands the PostgreSQL store at once.
inline constexpr size_t kCopyChunkRows = 1024;

class PgBulkInserter final : public BulkInserter {
 public:
  // A user under row-level security (a clerk) cannot COPY into the
  // tables it guards, and a row the roles refuse is best told on its own:
  // such a user's rows go one at a time.
  explicit PgBulkInserter(Connection& db) : db_(db), one_at_a_time_(db.row_security("leases")) {}

  InsertResult insert(const Record& record, const std::vector<NumberRange>& permits) override;
  void insert_all(std::span<Row> rows) override;
  size_t chunk_rows() const override { return one_at_a_time_ ? 1 : kCopyChunkRows; }

 private:
  bool references_found(const Record& record);
  InsertResult insert_permit(const std::string& lease, const NumberRange& range);
  void note_class(const char* table, int span);

  // bulk_copy.cpp: one kind's rows of a chunk.
  void copy_records(std::span<Row> rows);
  void copy_permits(std::span<Row> rows);
  std::unordered_set<std::string> existing(const std::string& table, const std::string& column,
                                           const std::vector<std::string>& keys);

  Connection& db_;
  bool one_at_a_time_;
  std::set<std::pair<std::string, int>> classes_;
};

/// The columns an insert of `kind` fills: its stored fields, then those
/// derived from them (a holder's check flag, a resource's range keys).
std::string insert_columns(const Kind& kind);
/// `record`'s values for insert_columns.
Params insert_values(const Record& record);

}  // namespace numreg::store::pg
