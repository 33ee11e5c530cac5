#include "registry/store/replay.hpp"

#include <fmt/format.h>

#include "registry/store/records.hpp"

namespace numreg::store {

namespace {

std::optional<std::string> read_value(Statement& st, int column, const Field& f) {
  if (st.is_null(column))
    return std::nullopt;
  if (f.type == FieldType::boolean)
    return st.integer(column) != 0 ? "true" : "false";
  return st.text(column);
}

void create_scratch(Database& db) {
  db.exec(
      "DROP TABLE IF EXISTS temp.replay; "
      "CREATE TEMP TABLE replay (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, text TEXT) "
      "WITHOUT ROWID");
}

}  // namespace

void scan_records(Database& db, const Kind& kind, const std::function<void(const Record&)>& visit) {
  std::string columns;
  for (const auto& f : kind.fields) {
    columns += columns.empty() ? "" : ", ";
    columns += f.stored ? "t." + sql_name(f.name) : std::string("NULL");
  }
  Statement st(db, fmt::format("SELECT {} FROM {} AS t", columns, kind.table));
  Record r(kind);
  while (st.step()) {
    for (size_t i = 0; i < kind.fields.size(); ++i) {
      r.values[i] = read_value(st, static_cast<int>(i), kind.fields[i]);
    }
    visit(r);
  }
}

void scan_permits(
    Database& db,
    const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) {
  Statement st(db, "SELECT lease, first, last FROM permits");
  while (st.step()) {
    visit(st.view(0), st.view(1), st.view(2));
  }
}

int64_t count_records(Database& db, const Kind& kind) {
  return db.scalar(fmt::format("SELECT count(*) FROM {}", kind.table)).value_or(0);
}

ReplayTable::ReplayTable(Database& db)
    : db_((create_scratch(db), db)),
      put_(db, "INSERT OR REPLACE INTO temp.replay (key, seq, text) VALUES (?, ?, ?)"),
      find_(db, "SELECT seq, text FROM temp.replay WHERE key = ?"),
      erase_(db, "DELETE FROM temp.replay WHERE key = ?"),
      erase_prefix_(db, "DELETE FROM temp.replay WHERE key >= ? AND key < ?") {}

ReplayTable::~ReplayTable() {
  sqlite3_exec(db_.handle(), "DROP TABLE IF EXISTS temp.replay", nullptr, nullptr, nullptr);
}

void ReplayTable::put(std::string_view key, int64_t seq, const std::optional<std::string>& text) {
  put_.bind(1, key).bind(2, seq).bind(3, text);
  put_.run();
}

void ReplayTable::erase_prefix(const std::string& prefix) {
  // Keys from `prefix` up to the prefix with its last byte one higher.
  std::string end = prefix;
  while (!end.empty() && static_cast<unsigned char>(end.back()) == 0xff)
    end.pop_back();
  if (end.empty()) {
    db_.exec("DELETE FROM temp.replay");
    return;
  }
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  erase_prefix_.bind(1, prefix).bind(2, end);
  erase_prefix_.run();
}

std::optional<ReplayTable::Row> ReplayTable::find(std::string_view key) {
  find_.bind(1, key);
  std::optional<Row> row;
  if (find_.step()) {
    row = Row{find_.integer(0), find_.optional_text(1)};
  }
  find_.reset();
  return row;
}

std::optional<ReplayTable::Row> ReplayTable::take(std::string_view key) {
  auto row = find(key);
  if (row) {
    erase_.bind(1, key);
    erase_.run();
  }
  return row;
}

void ReplayTable::remaining(
    const std::function<void(std::string_view key, const Row& row)>& visit) {
  Statement st(db_, "SELECT key, seq, text FROM temp.replay WHERE text IS NOT NULL ORDER BY key");
  while (st.step()) {
    visit(st.view(0), Row{st.integer(1), st.optional_text(2)});
  }
}

}  // namespace numreg::store
