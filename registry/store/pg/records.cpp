// The PostgreSQL store's records by kind and key, lists, number ranges and
// `who`: the SQL of registry/store/records.cpp, list_queries.cpp and
// ranges.cpp in PostgreSQL's dialect.
#include <fmt/format.h>

#include "registry/store/pg/pg_store.hpp"
#include "registry/store/pg/records.hpp"
#include "registry/store/ranges.hpp"
#include "registry/store/scope_sql.hpp"

namespace numreg::store::pg {

namespace {

// Leases list their permits as the permitted_callers shortcut.
constexpr std::string_view kCallersSql =
    "(SELECT string_agg(CASE WHEN first = last THEN first ELSE first || '..' || last END, ';' "
    "ORDER BY first_key) FROM permits WHERE lease = t.id)";

std::string select_list(const Kind& kind) {
  std::string out;
  for (const auto& f : kind.fields) {
    out += out.empty() ? "" : ", ";
    out += f.stored ? "t." + quoted_name(f.name) : std::string(kCallersSql);
  }
  return out;
}

const Field& field(const Kind& kind, const std::string& name) {
  return kind.fields[static_cast<size_t>(kind.index(name))];
}

// An optional key part (a refusal's holder) may be NULL, bound as "".
std::string key_clause(const Kind& kind, size_t first) {
  std::string out;
  for (const auto& k : kind.key) {
    out += fmt::format("{}t.{} {} ${}", out.empty() ? "" : " AND ", quoted_name(k),
                       field(kind, k).required ? "=" : "IS NOT DISTINCT FROM", ++first);
  }
  return out;
}

void add_key(Params& params, const std::vector<std::string>& key) {
  for (const auto& part : key)
    params.push_back(part.empty() ? std::nullopt : std::optional<std::string>(part));
}

std::vector<std::string> key_of(const Record& record) {
  std::vector<std::string> out;
  for (const auto& k : record.kind->key)
    out.push_back(record.text(k));
  return out;
}

Record read_record(const Result& r, const Kind& kind) {
  Record out(kind);
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    out.values[i] = read_value(r, static_cast<int>(i), kind.fields[i]);
  }
  return out;
}

// A region filter covers its districts (prefecture) or everything (province).
// Codes come from parse_region: six digits, safe to inline.
std::string region_clause(const std::string& column, const std::string& code) {
  if (code.ends_with("0000"))
    return fmt::format("substr({}, 1, 2) = '{}'", column, code.substr(0, 2));
  if (code.ends_with("00"))
    return fmt::format("substr({}, 1, 4) = '{}'", column, code.substr(0, 4));
  return fmt::format("{} = '{}'", column, code);
}

// A WHERE clause over the kind's table (alias t) and its values.
struct Where {
  std::string sql = "true";
  Params params;

  // The next placeholder.
  std::string mark(std::string value) {
    params.push_back(std::move(value));
    return fmt::format("${}", params.size());
  }
  void also(const std::string& clause) { sql += " AND (" + clause + ")"; }
};

Where where_for(const Kind& kind, const ListQuery& q, Date today) {
  Where w;
  if (!q.regions.empty()) {
    std::string any;
    for (const auto& code : q.regions)
      any += (any.empty() ? "" : " OR ") + region_clause("t.region", code);
    w.also(any);
  }
  bool leases = kind.name == "leases";
  if (!q.kinds.empty()) {
    std::string marks;
    for (const auto& k : q.kinds)
      marks += (marks.empty() ? "" : ", ") + w.mark(k);
    w.also(leases ? "t.resource IN (SELECT id FROM resources WHERE kind IN (" + marks + "))"
                  : "t.kind IN (" + marks + ")");
  }
  if (!q.holder.empty())
    w.also("t.holder = " + w.mark(q.holder));
  if (!q.lease.empty())
    w.also("t.lease = " + w.mark(q.lease));
  if (!q.status.empty())
    w.also((leases ? "t.status = " : "t.credit_status = ") + w.mark(q.status));
  if (q.as_of && leases)
    w.also(active_on_sql("t", w.mark(q.as_of->iso())));
  if (q.expiring_days) {
    Date from = q.as_of.value_or(today);
    std::string column = leases ? "\"end\"" : "valid_to";
    std::string a = w.mark(from.iso());
    std::string b = w.mark(from.plus_days(*q.expiring_days).iso());
    w.also(fmt::format("t.{0} IS NOT NULL AND t.{0} BETWEEN {1} AND {2}", column, a, b));
  }
  if (!q.key_prefix.empty() && kind.key.size() == 1) {
    std::string p = w.mark(q.key_prefix);
    w.also(fmt::format("substr(t.{0}, 1, length({1}::text)) = {1}", quoted_name(kind.key[0]), p));
  }
  return w;
}

// A span class's covering probe: p covers the number bound at $1.
std::string covering_join(const std::string& table) {
  return fmt::format(
      "span_classes AS c JOIN {0} AS p ON c.tbl = '{0}' AND p.span_class = c.class "
      "AND p.first_key BETWEEN $1::bigint - ((1::bigint << c.class) - 1) AND $1::bigint "
      "AND p.last_key >= $1::bigint",
      table);
}

// The server's reason in a refusal from Connection::fail.
std::string reason_of(const Failure& f) {
  constexpr std::string_view kAfter = " this change: ";
  const std::string& m = f.error().message;
  auto at = m.find(kAfter);
  return at == std::string::npos ? m : m.substr(at + kAfter.size());
}

}  // namespace

std::string text_array(const std::vector<std::string>& values) {
  std::string out = "{";
  for (const auto& v : values) {
    out += out.size() > 1 ? ",\"" : "\"";
    for (char c : v) {
      if (c == '"' || c == '\\')
        out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

std::string quoted_name(std::string_view name) {
  return fmt::format("\"{}\"", name);
}

std::optional<std::string> read_value(const Result& r, int column, const Field& f) {
  if (r.is_null(column))
    return std::nullopt;
  if (f.type == FieldType::boolean)
    return r.integer(column) != 0 ? "true" : "false";
  return r.text(column);
}

std::optional<std::string> stored_value(const Field& f, const std::optional<std::string>& v) {
  if (v && f.type == FieldType::boolean)
    return std::string(*v == "true" ? "1" : "0");
  return v;
}

void PgStore::insert(const Record& record) {
  const Kind& kind = *record.kind;
  std::string columns;
  std::string marks;
  Params params;
  for (const Field* f : kind.stored_fields()) {
    columns += (columns.empty() ? "" : ", ") + quoted_name(f->name);
    params.push_back(stored_value(*f, record.get(f->name)));
    marks += fmt::format("{}${}", marks.empty() ? "" : ", ", params.size());
  }
  permitted(record, [&] {
    return db_->run(fmt::format("INSERT INTO {} ({}) VALUES ({})", kind.table, columns, marks),
                    params);
  });
}

void PgStore::update(const Record& record) {
  const Kind& kind = *record.kind;
  std::string sets;
  Params params;
  for (const Field* f : kind.stored_fields()) {
    params.push_back(stored_value(*f, record.get(f->name)));
    sets +=
        fmt::format("{}{} = ${}", sets.empty() ? "" : ", ", quoted_name(f->name), params.size());
  }
  std::string where = key_clause(kind, params.size());
  add_key(params, key_of(record));
  Result done = permitted(record, [&] {
    return db_->run(fmt::format("UPDATE {} AS t SET {} WHERE {}", kind.table, sets, where), params);
  });
  if (done.affected() == 0)
    refused(record.kind->entity, record.key(), kCarrierPolicy);
}

void PgStore::remove(const Record& record) {
  Params params;
  add_key(params, key_of(record));
  Result done = permitted(record, [&] {
    return db_->run(fmt::format("DELETE FROM {} AS t WHERE {}", record.kind->table,
                                key_clause(*record.kind, 0)),
                    params);
  });
  if (done.affected() == 0)
    refused(record.kind->entity, record.key(), kCarrierPolicy);
}

// The ledger found the record in this transaction, under the chain lock that
// every writer takes: a write that meets no row was filtered out by
// row-level security, and must not pass for done.
void PgStore::refused(std::string_view entity, const std::string& key, std::string_view policy) {
  throw Failure(make_error(ErrorKind::not_permitted, "not-permitted",
                           fmt::format("registry {} did not permit database user {} to change {} "
                                       "'{}': {}",
                                       location(), db_->user(), entity, key, policy)));
}

// A refusal of the server names the table; say which record it was.
Result PgStore::permitted(std::string_view entity, const std::string& key, std::string_view policy,
                          const std::function<Result()>& write) {
  try {
    return write();
  } catch (const Failure& f) {
    if (f.error().kind != ErrorKind::not_permitted)
      throw;
    // A row-level security policy refused it: say what the policies allow
    // rather than the server's "new row violates ... policy".
    if (db_->refused_by_policy())
      refused(entity, key, policy);
    throw Failure(
        make_error(ErrorKind::not_permitted, "not-permitted",
                   fmt::format("registry {} did not permit database user {} to change {} '{}': {}",
                               location(), db_->user(), entity, key, reason_of(f))));
  }
}

Result PgStore::permitted(const Record& record, const std::function<Result()>& write) {
  return permitted(record.kind->entity, record.key(), kCarrierPolicy, write);
}

void PgStore::set_verified_on(const std::string& lease, Date on) {
  Result done = permitted("lease", lease, kCarrierPolicy, [&] {
    return db_->run("UPDATE leases SET verified_on = $1 WHERE id = $2", {on.iso(), lease});
  });
  if (done.affected() == 0)
    refused("lease", lease, kCarrierPolicy);
}

std::optional<Record> PgStore::find(const Kind& kind, const std::vector<std::string>& key) {
  Params params;
  add_key(params, key);
  Result r = db_->run(fmt::format("SELECT {} FROM {} AS t WHERE {}", select_list(kind), kind.table,
                                  key_clause(kind, 0)),
                      params);
  if (r.rows() == 0)
    return std::nullopt;
  return read_record(r, kind);
}

bool PgStore::exists(const Kind& kind, const std::vector<std::string>& key) {
  Params params;
  add_key(params, key);
  return db_->run(exists_sql(kind), params).rows() > 0;
}

std::string exists_sql(const Kind& kind) {
  return fmt::format("SELECT 1 FROM {} AS t WHERE {}", kind.table, key_clause(kind, 0));
}

std::vector<Record> PgStore::list(const Kind& kind, const ListQuery& query, Date today) {
  Where w = where_for(kind, query, today);
  std::string order;
  for (const auto& k : kind.key)
    order += (order.empty() ? "t." : ", t.") + quoted_name(k);
  std::string sql = fmt::format("SELECT {} FROM {} AS t WHERE {} ORDER BY {}", select_list(kind),
                                kind.table, w.sql, order);
  if (query.limit > 0)
    sql += fmt::format(" LIMIT {}", query.limit);
  Result r = db_->exec(sql, w.params);
  std::vector<Record> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.push_back(read_record(r, kind));
  }
  return out;
}

void PgStore::note_class(const std::string& table, int span) {
  db_->run("INSERT INTO span_classes (tbl, class) VALUES ($1, $2) ON CONFLICT DO NOTHING",
           {table, std::to_string(span)});
}

void PgStore::set_resource_range(const std::string& resource,
                                 const std::optional<NumberRange>& range) {
  const std::string sql =
      "UPDATE resources SET first_key = $1, last_key = $2, span_class = $3 WHERE id = $4";
  if (!range) {
    db_->run(sql, {std::nullopt, std::nullopt, std::nullopt, resource});
    return;
  }
  int64_t first = range->first.key();
  int64_t last = range->last.key();
  int c = span_class(first, last);
  db_->run(sql, {std::to_string(first), std::to_string(last), std::to_string(c), resource});
  note_class("resources", c);
}

void PgStore::replace_permits(const std::string& lease, const std::vector<NumberRange>& ranges) {
  db_->run("DELETE FROM permits WHERE lease = $1", {lease});
  for (const auto& r : ranges)
    insert_permit(lease, r);
}

void PgStore::insert_permit(const std::string& lease, const NumberRange& r) {
  int64_t first = r.first.key();
  int64_t last = r.last.key();
  int c = span_class(first, last);
  db_->run(
      "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      {lease, r.first.canonical, r.last.canonical, std::to_string(first), std::to_string(last),
       std::to_string(c)});
  note_class("permits", c);
}

std::vector<WhoMatch> PgStore::who(const Number& number, Date date) {
  // The holder's name by its key, row by row: the planner cannot tell how
  // few ranges the span classes' probes find, and joined the holders by
  // hashing the whole table (10 ms a lookup at 200,000 leases, against 0.3).
  // Every lease's holder exists (a foreign key), as the join required.
  std::string sql = fmt::format(
      "SELECT l.holder, (SELECT h.name FROM holders AS h WHERE h.uscc = l.holder), l.id, "
      "l.resource, 'resource' FROM {0} JOIN leases AS l ON l.resource = p.id WHERE {2} "
      "UNION ALL "
      "SELECT l.holder, (SELECT h.name FROM holders AS h WHERE h.uscc = l.holder), l.id, "
      "l.resource, 'permit' FROM {1} JOIN leases AS l ON l.id = p.lease WHERE {2} "
      "ORDER BY 5 DESC, 3",
      covering_join("resources"), covering_join("permits"), active_on_sql("l", "$2::text"));
  Result r = db_->run(sql, {std::to_string(number.key()), date.iso()});
  std::vector<WhoMatch> out;
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }
  return out;
}

}  // namespace numreg::store::pg
