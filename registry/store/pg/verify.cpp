// The PostgreSQL store's reads for verify's replay and checkpoints; whole
// tables and the journal through cursors, a chunk of rows at a time.
#include <map>

#include <fmt/format.h>

#include "registry/store/pg/cursor.hpp"
#include "registry/store/pg/journal.hpp"
#include "registry/store/pg/pg_store.hpp"
#include "registry/store/pg/records.hpp"

namespace numreg::store::pg {

namespace {

// The replayed records in memory, by key.
class MemoryScratch final : public ReplayScratch {
 public:
  void put(std::string_view key, int64_t seq, const std::optional<std::string>& text) override {
    rows_.insert_or_assign(std::string(key), Row{seq, text});
  }
  void erase_prefix(const std::string& prefix) override {
    auto it = rows_.lower_bound(prefix);
    while (it != rows_.end() && it->first.starts_with(prefix))
      it = rows_.erase(it);
  }
  std::optional<Row> find(std::string_view key) override {
    auto it = rows_.find(key);
    if (it == rows_.end())
      return std::nullopt;
    return it->second;
  }
  std::optional<Row> take(std::string_view key) override {
    auto it = rows_.find(key);
    if (it == rows_.end())
      return std::nullopt;
    Row row = std::move(it->second);
    rows_.erase(it);
    return row;
  }
  void remaining(const std::function<void(std::string_view key, const Row& row)>& visit) override {
    for (const auto& [key, row] : rows_) {
      if (row.text)
        visit(key, row);
    }
  }

 private:
  std::map<std::string, Row, std::less<>> rows_;
};

}  // namespace

void PgStore::scan_records(const Kind& kind, const std::function<void(const Record&)>& visit) {
  std::string columns;
  for (const auto& f : kind.fields) {
    columns += columns.empty() ? "" : ", ";
    columns += f.stored ? "t." + quoted_name(f.name) : std::string("NULL");
  }
  ChunkCursor r(*db_, fmt::format("SELECT {} FROM {} AS t", columns, kind.table));
  Record record(kind);
  while (r.step()) {
    for (size_t c = 0; c < kind.fields.size(); ++c)
      record.values[c] = read_value(r.row(), static_cast<int>(c), kind.fields[c]);
    visit(record);
  }
}

void PgStore::scan_permits(
    const std::function<void(std::string_view, std::string_view, std::string_view)>& visit) {
  ChunkCursor r(*db_, "SELECT lease, first, last FROM permits");
  while (r.step())
    visit(r.view(0), r.view(1), r.view(2));
}

void PgStore::scan_entries(const std::vector<std::string>& entities,
                           const std::function<void(const JournalEntry&)>& visit) {
  Params params;
  std::string marks;
  for (const auto& e : entities) {
    params.push_back(e);
    marks += fmt::format("{}${}", marks.empty() ? "" : ", ", params.size());
  }
  ChunkCursor r(*db_,
                fmt::format("SELECT {} FROM journal WHERE entity IN ({}) ORDER BY seq",
                            kJournalColumns, marks),
                params);
  while (r.step())
    visit(read_entry(r.row()));
}

int64_t PgStore::count_records(const Kind& kind) {
  return db_->scalar(fmt::format("SELECT count(*) FROM {}", kind.table)).value_or(0);
}

std::optional<std::string> PgStore::entry_hash_at(int64_t seq) {
  Result r = db_->exec("SELECT hash FROM journal WHERE seq = $1", {std::to_string(seq)});
  if (r.rows() == 0)
    return std::nullopt;
  return r.text(0);
}

std::vector<std::pair<int64_t, std::string>> PgStore::entries_with_hash_prefix(
    std::string_view prefix, int limit) {
  Result r = db_->exec(
      "SELECT seq, hash FROM journal WHERE substr(hash, 1, length($1::text)) = $1 "
      "ORDER BY seq LIMIT $2",
      {std::string(prefix), std::to_string(limit)});
  std::vector<std::pair<int64_t, std::string>> out;
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.emplace_back(r.integer(0), r.text(1));
  }
  return out;
}

// The server checks its own pages and every constraint as it writes; what a
// client can check is that the rows hold now: for every single-column foreign
// key of the schema, a query for the rows whose parent is missing (a key
// dropped, or disabled triggers, would let one in).
IntegrityReport PgStore::check_integrity() {
  IntegrityReport report{"postgresql", "", {}};
  Result keys = db_->exec(
      "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, f.attname "
      "FROM pg_constraint c "
      "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
      "JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1] "
      "WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace "
      "AND cardinality(c.conkey) = 1 ORDER BY c.conrelid::regclass::text COLLATE \"C\", a.attname "
      "COLLATE \"C\"");
  for (int i = 0; i < keys.rows(); ++i) {
    keys.at(i);
    const std::string table = keys.text(0), column = keys.text(1), parent = keys.text(2);
    Result missing = db_->exec(
        fmt::format("SELECT DISTINCT t.{1} FROM {0} AS t WHERE t.{1} IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM {2} AS p WHERE p.{3} = t.{1}) ORDER BY 1 LIMIT 100",
                    table, quoted_name(column), parent, quoted_name(keys.text(3))));
    for (int j = 0; j < missing.rows(); ++j) {
      missing.at(j);
      report.problems.push_back(
          fmt::format("{} {} {} refers to a missing {}", table, column, missing.text(0), parent));
    }
  }
  report.checked = fmt::format("postgresql foreign keys hold ({} checked by query)", keys.rows());
  return report;
}

std::unique_ptr<ReplayScratch> PgStore::replay_scratch() {
  return std::make_unique<MemoryScratch>();
}

}  // namespace numreg::store::pg
