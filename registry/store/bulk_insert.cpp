#include "registry/store/sqlite_bulk_insert.hpp"

#include <fmt/format.h>

#include "registry/model/record_range.hpp"
#include "registry/store/ranges.hpp"
#include "registry/store/records.hpp"
#include "registry/types/number.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::store {

// One statement prepared for the life of the inserter.
struct SqliteBulkInserter::Prepared {
  Database& db;
  sqlite3_stmt* stmt = nullptr;
  std::vector<const Field*> fields;

  Prepared(Database& d, const std::string& sql) : db(d) {
    int rc = sqlite3_prepare_v3(db.handle(), sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
      db.fail(rc, "prepare");
  }
  ~Prepared() { sqlite3_finalize(stmt); }

  void text(int i, std::string_view v) {
    sqlite3_bind_text(stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
  }
  void integer(int i, int64_t v) { sqlite3_bind_int64(stmt, i, v); }
  void null(int i) { sqlite3_bind_null(stmt, i); }
  // Step once; constraint failures are answers, anything else fails.
  int run() {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (rc == SQLITE_DONE || (rc & 0xff) == SQLITE_CONSTRAINT)
      return rc;
    db.fail(rc, "step");
  }
};

namespace {

InsertResult answer(int rc) {
  if (rc == SQLITE_DONE)
    return InsertResult::inserted;
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    return InsertResult::missing_reference;
  return InsertResult::duplicate;
}

}  // namespace

SqliteBulkInserter::SqliteBulkInserter(Database& db) : db_(db) {
  // A large import touches every page of the leases, permits and journal
  // indexes: a page cache of 128 MiB keeps them in memory.
  db.exec("PRAGMA cache_size = -131072");
  permit_ = std::make_unique<Prepared>(
      db,
      "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  span_ = std::make_unique<Prepared>(
      db, "INSERT OR IGNORE INTO span_classes (tbl, class) VALUES (?, ?)");
}

SqliteBulkInserter::~SqliteBulkInserter() = default;

SqliteBulkInserter::Prepared& SqliteBulkInserter::prepared(const Kind& kind) {
  for (auto& [k, p] : kinds_) {
    if (k == &kind)
      return *p;
  }
  std::vector<const Field*> fields = kind.stored_fields();
  std::string columns;
  std::string marks;
  for (const Field* f : fields) {
    columns += (columns.empty() ? "" : ", ") + sql_name(f->name);
    marks += marks.empty() ? "?" : ", ?";
  }
  if (kind.name == "holders") {
    columns += ", uscc_check_ok";
    marks += ", ?";
  } else if (kind.name == "resources") {
    columns += ", first_key, last_key, span_class";
    marks += ", ?, ?, ?";
  }
  auto p = std::make_unique<Prepared>(
      db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", kind.table, columns, marks));
  p->fields = std::move(fields);
  kinds_.emplace_back(&kind, std::move(p));
  return *kinds_.back().second;
}

void SqliteBulkInserter::note_class(const char* table, int span) {
  // Looked up before it is added: emplace would make a node every time.
  std::pair<std::string, int> table_class(table, span);
  if (classes_.count(table_class))
    return;
  classes_.insert(std::move(table_class));
  span_->text(1, table);
  span_->integer(2, span);
  span_->run();
}

InsertResult SqliteBulkInserter::insert_permit(const std::string& lease, const NumberRange& r) {
  const NumberRange* range = &r;
  int64_t a = range->first.key();
  int64_t b = range->last.key();
  int c = span_class(a, b);
  permit_->text(1, lease);
  permit_->text(2, range->first.canonical);
  permit_->text(3, range->last.canonical);
  permit_->integer(4, a);
  permit_->integer(5, b);
  permit_->integer(6, c);
  InsertResult result = answer(permit_->run());
  if (result == InsertResult::duplicate)
    return InsertResult::duplicate_permit;
  if (result == InsertResult::inserted)
    note_class("permits", c);
  return result;
}

std::vector<NumberRange> BulkInserter::permits_of(const Record& r) {
  if (r.kind->name != "leases")
    return {};
  auto ranges = parse_number_ranges(r.text("permitted_callers"));
  return ranges ? std::move(*ranges) : std::vector<NumberRange>{};
}

InsertResult SqliteBulkInserter::insert(const Record& r, const std::vector<NumberRange>& permits) {
  const Kind& kind = *r.kind;
  if (kind.name == "permits") {
    auto range = first_last_range(r);
    if (!range)
      return InsertResult::inserted;  // validated before: cannot happen
    InsertResult result = insert_permit(r.text("lease"), *range);
    return result == InsertResult::duplicate_permit ? InsertResult::duplicate : result;
  }
  Prepared& p = prepared(kind);
  int i = 1;
  for (const Field* f : p.fields) {
    const auto& v = r.values[static_cast<size_t>(f - kind.fields.data())];
    if (!v) {
      p.null(i++);
    } else if (f->type == FieldType::boolean) {
      p.integer(i++, *v == "true" ? 1 : 0);
    } else if (f->type == FieldType::integer) {
      p.integer(i++, std::stoll(*v));
    } else {
      p.text(i++, *v);
    }
  }
  std::optional<NumberRange> range;
  if (kind.name == "holders") {
    p.integer(i++, parse_uscc(r.text("uscc")) ? 1 : 0);
  } else if (kind.name == "resources") {
    range = resource_range(r);
    if (range) {
      int64_t a = range->first.key();
      int64_t b = range->last.key();
      p.integer(i++, a);
      p.integer(i++, b);
      p.integer(i++, span_class(a, b));
    } else {
      p.null(i++);
      p.null(i++);
      p.null(i++);
    }
  }
  InsertResult result = answer(p.run());
  if (result != InsertResult::inserted)
    return result;
  if (range)
    note_class("resources", span_class(range->first.key(), range->last.key()));
  if (!permits.empty()) {
    const std::string id = r.text("id");
    for (const auto& range_item : permits) {
      InsertResult pr = insert_permit(id, range_item);
      if (pr != InsertResult::inserted)
        return pr;
    }
  }
  return InsertResult::inserted;
}

}  // namespace numreg::store
