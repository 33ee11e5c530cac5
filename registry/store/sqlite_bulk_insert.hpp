// The SQLite store's bulk inserter: statements prepared once per kind,
// duplicate keys and missing references told by SQLite's constraints.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "registry/store/bulk_insert.hpp"
#include "registry/store/database.hpp"

namespace numreg::store {

class SqliteBulkInserter final : public BulkInserter {
 public:
  explicit SqliteBulkInserter(Database& db);
  ~SqliteBulkInserter() override;
  SqliteBulkInserter(const SqliteBulkInserter&) = delete;
  SqliteBulkInserter& operator=(const SqliteBulkInserter&) = delete;

  InsertResult insert(const Record& record, const std::vector<NumberRange>& permits) override;

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
