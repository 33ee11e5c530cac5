// Generic SQL for record kinds: insert, update, select by key, select many.
// Column names are the schema's field names; derived fields are computed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/database.hpp"

namespace numreg::store {

/// A WHERE clause over the kind's table (alias t) and its bound values.
struct Where {
  std::string sql = "1";  // e.g. "t.holder = ? AND t.region LIKE ?"
  std::vector<std::string> binds;
  std::string order;  // ORDER BY expression; default the key
  int64_t limit = 0;

  /// Add "AND (clause)" with its values.
  Where& also(const std::string& clause, std::vector<std::string> values = {});
};

/// Insert `record` into its kind's table.
void insert_record(Database& db, const Record& record);

/// Update the stored fields of the row whose key `record` has.
void update_record(Database& db, const Record& record);

/// Delete the row whose key `record` has.
void delete_record(Database& db, const Record& record);

/// The record of `kind` with these key values (in the kind's key order).
std::optional<Record> find_record(Database& db, const Kind& kind,
                                  const std::vector<std::string>& key);

/// SQL giving one row when a row of `kind` has the key bound as ?1, ?2, ...
/// (in the kind's key order).
std::string exists_sql(const Kind& kind);

/// True when a row of `kind` has these key values.
bool record_exists(Database& db, const Kind& kind, const std::vector<std::string>& key);

/// Every record of `kind` matching `where`.
std::vector<Record> select_records(Database& db, const Kind& kind, const Where& where);

/// `name` quoted as an SQL identifier.
std::string sql_name(std::string_view name);

}  // namespace numreg::store
