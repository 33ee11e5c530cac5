// The PostgreSQL store's bulk inserter: statements prepared once per kind in
// the import's one transaction. A failed INSERT would abort the transaction,
// so duplicates are told by ON CONFLICT DO NOTHING inserting nothing, and
// missing references by probing the referred keys first.
#pragma once

#include <set>
#include <string>
#include <utility>

#include "registry/store/bulk_insert.hpp"
#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

class PgBulkInserter final : public BulkInserter {
 public:
  explicit PgBulkInserter(Connection& db) : db_(db) {}

  InsertResult insert(const Record& record, const std::vector<NumberRange>& permits) override;

 private:
  bool references_found(const Record& record);
  InsertResult insert_permit(const std::string& lease, const NumberRange& range);
  void note_class(const char* table, int span);

  Connection& db_;
  std::set<std::pair<std::string, int>> classes_;
};

}  // namespace numreg::store::pg
