// The SQLite store's inspections: recorded audits and their site results.
#include <fmt/format.h>

#include "registry/store/sqlite_store.hpp"

namespace numreg::store {

InspectionRow read_inspection(const Row& r) {
  return {r.text(0), r.text(1),          r.text(2),          r.text(3), r.text(4),
          r.text(5), r.optional_text(6), r.optional_text(7), r.text(8), r.optional_text(9)};
}

int64_t SqliteStore::count_inspections(const std::string& prefix) {
  Statement st(*db_, "SELECT count(*) FROM inspections WHERE id LIKE ?");
  st.bind(1, prefix + "%");
  st.step();
  return st.integer(0);
}

void SqliteStore::insert_inspection(const InspectionRow& i) {
  Statement st(*db_, fmt::format("INSERT INTO inspections ({}) VALUES "
                                 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                 kInspectionColumns));
  st.bind(1, i.id).bind(2, i.inspector).bind(3, i.date).bind(4, i.scope).bind(5, i.plan);
  // The sample and findings may run to hundreds of megabytes: not copied.
  st.bind(6, i.seed).bind_unowned(7, i.sample).bind_unowned(8, i.findings);
  st.bind(9, i.journal_head);
  st.bind(10, i.results);
  st.run();
}

std::vector<InspectionRow> SqliteStore::inspections() {
  Statement st(*db_, fmt::format("SELECT {} FROM inspections ORDER BY id", kInspectionColumns));
  std::vector<InspectionRow> out;
  while (st.step())
    out.push_back(read_inspection(st));
  return out;
}

std::optional<InspectionRow> SqliteStore::find_inspection(const std::string& id) {
  std::string sql = fmt::format("SELECT {} FROM inspections {} LIMIT 1", kInspectionColumns,
                                id.empty() ? "ORDER BY id DESC" : "WHERE id = ?");
  Statement st(*db_, sql);
  if (!id.empty())
    st.bind(1, id);
  if (!st.step())
    return std::nullopt;
  return read_inspection(st);
}

void SqliteStore::set_inspection_results(const std::string& id, const std::string& results) {
  Statement st(*db_, "UPDATE inspections SET results = ? WHERE id = ?");
  st.bind(1, results).bind(2, id);
  st.run();
}

}  // namespace numreg::store
