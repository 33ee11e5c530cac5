#include "registry/store/records.hpp"

#include <fmt/format.h>

namespace numreg::store {

namespace {

// Leases list their permits as the permitted_callers shortcut.
constexpr std::string_view kCallersSql =
    "(SELECT group_concat(r, ';') FROM (SELECT CASE WHEN first = last THEN first "
    "ELSE first || '..' || last END AS r FROM permits WHERE lease = t.id ORDER BY first_key))";

std::string select_list(const Kind& kind) {
  std::string out;
  for (const auto& f : kind.fields) {
    out += out.empty() ? "" : ", ";
    out += f.stored ? "t." + sql_name(f.name) : std::string(kCallersSql);
  }
  return out;
}

// IS, not =: an optional key part (a refusal's holder) may be NULL, bound as "".
std::string key_clause(const Kind& kind) {
  std::string out;
  for (const auto& k : kind.key) {
    out += fmt::format("{}t.{} IS ?", out.empty() ? "" : " AND ", sql_name(k));
  }
  return out;
}

void bind_value(Statement& st, int index, const Field& f, const std::optional<std::string>& v) {
  if (!v) {
    st.bind_null(index);
  } else if (f.type == FieldType::boolean) {
    st.bind(index, int64_t{*v == "true" ? 1 : 0});
  } else if (f.type == FieldType::integer) {
    st.bind(index, static_cast<int64_t>(std::stoll(*v)));
  } else {
    st.bind(index, *v);
  }
}

std::optional<std::string> read_value(Statement& st, int column, const Field& f) {
  if (st.is_null(column)) {
    return std::nullopt;
  }
  if (f.type == FieldType::boolean) {
    return st.integer(column) != 0 ? "true" : "false";
  }
  return st.text(column);
}

Record read_record(Statement& st, const Kind& kind) {
  Record r(kind);
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    r.values[i] = read_value(st, static_cast<int>(i), kind.fields[i]);
  }
  return r;
}

// An empty key part stands for NULL.
void bind_key_part(Statement& st, int index, const std::string& part) {
  if (part.empty()) {
    st.bind_null(index);
  } else {
    st.bind(index, part);
  }
}

int bind_key(Statement& st, int index, const Record& record) {
  for (const auto& k : record.kind->key) {
    bind_key_part(st, index++, record.text(k));
  }
  return index;
}

}  // namespace

Where& Where::also(const std::string& clause, std::vector<std::string> values) {
  sql += " AND (" + clause + ")";
  binds.insert(binds.end(), values.begin(), values.end());
  return *this;
}

std::string sql_name(std::string_view name) {
  return fmt::format("\"{}\"", name);
}

void insert_record(Database& db, const Record& record) {
  const Kind& kind = *record.kind;
  std::string columns;
  std::string marks;
  for (const Field* f : kind.stored_fields()) {
    columns += (columns.empty() ? "" : ", ") + sql_name(f->name);
    marks += marks.empty() ? "?" : ", ?";
  }
  Statement& st =
      db.cached(fmt::format("INSERT INTO {} ({}) VALUES ({})", kind.table, columns, marks));
  int i = 1;
  for (const Field* f : kind.stored_fields()) {
    bind_value(st, i++, *f, record.get(f->name));
  }
  st.run();
}

void update_record(Database& db, const Record& record) {
  const Kind& kind = *record.kind;
  std::string sets;
  for (const Field* f : kind.stored_fields()) {
    sets += fmt::format("{}{} = ?", sets.empty() ? "" : ", ", sql_name(f->name));
  }
  Statement& st =
      db.cached(fmt::format("UPDATE {} AS t SET {} WHERE {}", kind.table, sets, key_clause(kind)));
  int i = 1;
  for (const Field* f : kind.stored_fields()) {
    bind_value(st, i++, *f, record.get(f->name));
  }
  bind_key(st, i, record);
  st.run();
}

void delete_record(Database& db, const Record& record) {
  Statement& st = db.cached(
      fmt::format("DELETE FROM {} AS t WHERE {}", record.kind->table, key_clause(*record.kind)));
  bind_key(st, 1, record);
  st.run();
}

std::optional<Record> find_record(Database& db, const Kind& kind,
                                  const std::vector<std::string>& key) {
  Statement& st = db.cached(fmt::format("SELECT {} FROM {} AS t WHERE {}", select_list(kind),
                                        kind.table, key_clause(kind)));
  for (size_t i = 0; i < key.size(); ++i) {
    bind_key_part(st, static_cast<int>(i + 1), key[i]);
  }
  if (!st.step()) {
    return std::nullopt;
  }
  Record r = read_record(st, kind);
  st.reset();  // no read left open between records
  return r;
}

std::string exists_sql(const Kind& kind) {
  return fmt::format("SELECT 1 FROM {} AS t WHERE {}", kind.table, key_clause(kind));
}

bool record_exists(Database& db, const Kind& kind, const std::vector<std::string>& key) {
  Statement& st = db.cached(exists_sql(kind));
  for (size_t i = 0; i < key.size(); ++i) {
    bind_key_part(st, static_cast<int>(i + 1), key[i]);
  }
  const bool found = st.step();
  st.reset();
  return found;
}

std::vector<Record> select_records(Database& db, const Kind& kind, const Where& where) {
  std::string order = where.order;
  if (order.empty()) {
    for (const auto& k : kind.key) {
      order += (order.empty() ? "t." : ", t.") + sql_name(k);
    }
  }
  std::string sql = fmt::format("SELECT {} FROM {} AS t WHERE {} ORDER BY {}", select_list(kind),
                                kind.table, where.sql, order);
  if (where.limit > 0) {
    sql += fmt::format(" LIMIT {}", where.limit);
  }
  Statement st(db, sql);
  for (size_t i = 0; i < where.binds.size(); ++i) {
    st.bind(static_cast<int>(i + 1), where.binds[i]);
  }
  std::vector<Record> out;
  while (st.step()) {
    out.push_back(read_record(st, kind));
  }
  return out;
}

}  // namespace numreg::store
