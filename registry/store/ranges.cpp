#include "registry/store/ranges.hpp"

#include <bit>

#include <fmt/format.h>

namespace numreg::store {

namespace {

void note_class(Database& db, const std::string& table, int c) {
  Statement& st = db.cached("INSERT OR IGNORE INTO span_classes (tbl, class) VALUES (?, ?)");
  st.bind(1, table).bind(2, int64_t{c});
  st.run();
}

}  // namespace

int span_class(int64_t first_key, int64_t last_key) {
  return std::bit_width(static_cast<uint64_t>(last_key - first_key));
}

void set_resource_range(Database& db, const std::string& id,
                        const std::optional<NumberRange>& range) {
  Statement& st =
      db.cached("UPDATE resources SET first_key = ?, last_key = ?, span_class = ? WHERE id = ?");
  if (range) {
    int64_t first = range->first.key();
    int64_t last = range->last.key();
    int c = span_class(first, last);
    st.bind(1, first).bind(2, last).bind(3, int64_t{c});
    note_class(db, "resources", c);
  } else {
    st.bind_null(1).bind_null(2).bind_null(3);
  }
  st.bind(4, id);
  st.run();
}

void replace_permits(Database& db, const std::string& lease,
                     const std::vector<NumberRange>& ranges) {
  Statement& del = db.cached("DELETE FROM permits WHERE lease = ?");
  del.bind(1, lease);
  del.run();
  for (const auto& r : ranges) {
    insert_permit(db, lease, r);
  }
}

void insert_permit(Database& db, const std::string& lease, const NumberRange& r) {
  Statement& ins = db.cached(
      "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  int64_t first = r.first.key();
  int64_t last = r.last.key();
  int c = span_class(first, last);
  ins.bind(1, lease).bind(2, r.first.canonical).bind(3, r.last.canonical);
  ins.bind(4, first).bind(5, last).bind(6, int64_t{c});
  ins.run();
  note_class(db, "permits", c);
}

std::string covering_join(const std::string& table) {
  return fmt::format(
      "span_classes AS c JOIN {0} AS p ON c.tbl = '{0}' AND p.span_class = c.class "
      "AND p.first_key BETWEEN ?1 - ((1 << c.class) - 1) AND ?1 AND p.last_key >= ?1",
      table);
}

}  // namespace numreg::store
