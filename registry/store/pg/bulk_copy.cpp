// An import's chunk on PostgreSQL: which keys exist, asked once a table for
// the whole chunk; each row decided in order, as SQLite's one INSERT after
// another decides it (a key taken by the registry or by a row before it is
// a duplicate, then a reference the registry lacks is missing, then a
// lease's permitted callers may repeat a first number: the lease and the
// permits before the repeat are in, as on SQLite); the rows accepted sent
// with one COPY a table.
#include <fmt/format.h>

#include "registry/model/record_range.hpp"
#include "registry/store/pg/bulk_insert.hpp"
#include "registry/store/pg/records.hpp"
#include "registry/store/ranges.hpp"

namespace numreg::store::pg {

namespace {

// A permit's key as the UNIQUE (lease, first_key) constraint reads it.
std::string permit_key(const std::string& lease, int64_t first_key) {
  return lease + '\n' + std::to_string(first_key);
}

constexpr std::string_view kPermitColumns = "lease, first, last, first_key, last_key, span_class";

void add_permit(std::string& data, const std::string& lease, const NumberRange& r) {
  int64_t a = r.first.key();
  int64_t b = r.last.key();
  copy_field(data, lease, true);
  copy_field(data, r.first.canonical);
  copy_field(data, r.last.canonical);
  copy_field(data, std::to_string(a));
  copy_field(data, std::to_string(b));
  copy_field(data, std::to_string(span_class(a, b)));
  data += '\n';
}

}  // namespace

void PgBulkInserter::insert_all(std::span<Row> rows) {
  if (one_at_a_time_) {
    BulkInserter::insert_all(rows);
    return;
  }
  size_t at = 0;
  while (at < rows.size()) {
    const Kind* k = rows[at].record->kind;
    size_t end = at + 1;
    while (end < rows.size() && rows[end].record->kind == k)
      ++end;
    std::span<Row> run = rows.subspan(at, end - at);
    if (k->name == "permits") {
      copy_permits(run);
    } else if (k->key.size() == 1) {
      copy_records(run);  // the key is the table's primary key, its only uniqueness
    } else {
      BulkInserter::insert_all(run);  // credentials, refusals: other UNIQUE constraints
    }
    at = end;
  }
}

std::unordered_set<std::string> PgBulkInserter::existing(const std::string& table,
                                                         const std::string& column,
                                                         const std::vector<std::string>& keys) {
  std::unordered_set<std::string> out;
  if (keys.empty())
    return out;
  Result r = db_.run(
      fmt::format("SELECT {0} FROM {1} WHERE {0} = ANY($1::text[])", quoted_name(column), table),
      {text_array(keys)});
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.insert(r.text(0));
  }
  return out;
}

void PgBulkInserter::copy_records(std::span<Row> rows) {
  const Kind& k = *rows.front().record->kind;
  std::vector<std::string> keys;
  keys.reserve(rows.size());
  for (const Row& row : rows)
    keys.push_back(row.record->key());
  std::unordered_set<std::string> taken = existing(k.table, k.key.front(), keys);

  // The referred keys the registry holds, a referring field at a time.
  struct Refs {
    size_t field;
    std::unordered_set<std::string> found;
  };
  std::vector<Refs> refs;
  for (size_t i = 0; i < k.fields.size(); ++i) {
    const Field& f = k.fields[i];
    if (f.ref.empty() || !f.stored)
      continue;
    std::vector<std::string> wanted;
    for (const Row& row : rows) {
      const auto& v = row.record->values[i];
      if (v && !v->empty())
        wanted.push_back(*v);
    }
    const Kind& target = kind(f.ref);
    refs.push_back({i, existing(target.table, target.key.front(), wanted)});
  }
  auto references_found = [&refs](const Record& r) {
    for (const Refs& ref : refs) {
      const auto& v = r.values[ref.field];
      if (v && !v->empty() && !ref.found.count(*v))
        return false;
    }
    return true;
  };

  std::string data;
  std::string permits;
  std::set<int> resource_classes;
  std::set<int> permit_classes;
  std::unordered_set<int64_t> firsts;
  for (size_t n = 0; n < rows.size(); ++n) {
    Row& row = rows[n];
    const Record& r = *row.record;
    if (taken.count(keys[n])) {
      row.result = InsertResult::duplicate;
      continue;
    }
    if (!references_found(r)) {
      row.result = InsertResult::missing_reference;
      continue;
    }
    taken.insert(keys[n]);
    row.result = InsertResult::inserted;
    Params values = insert_values(r);
    for (size_t i = 0; i < values.size(); ++i)
      copy_field(data, values[i], i == 0);
    data += '\n';
    if (k.name == "resources") {
      if (auto range = resource_range(r))
        resource_classes.insert(span_class(range->first.key(), range->last.key()));
    }
    firsts.clear();
    for (const NumberRange& p : *row.permits) {
      if (!firsts.insert(p.first.key()).second) {
        row.result = InsertResult::duplicate_permit;
        break;
      }
      add_permit(permits, keys[n], p);
      permit_classes.insert(span_class(p.first.key(), p.last.key()));
    }
  }
  if (!data.empty())
    db_.copy_in(fmt::format("COPY {} ({}) FROM STDIN", k.table, insert_columns(k)), data);
  if (!permits.empty())
    db_.copy_in(fmt::format("COPY permits ({}) FROM STDIN", kPermitColumns), permits);
  for (int c : resource_classes)
    note_class("resources", c);
  for (int c : permit_classes)
    note_class("permits", c);
}

void PgBulkInserter::copy_permits(std::span<Row> rows) {
  std::vector<std::string> leases;
  std::vector<std::string> firsts;
  for (const Row& row : rows) {
    if (auto range = first_last_range(*row.record)) {
      leases.push_back(row.record->text("lease"));
      firsts.push_back(std::to_string(range->first.key()));
    }
  }
  std::unordered_set<std::string> taken;
  std::unordered_set<std::string> found;
  if (!leases.empty()) {
    Result r = db_.run(
        "SELECT p.lease, p.first_key FROM permits AS p JOIN unnest($1::text[], $2::bigint[]) "
        "AS u(lease, first_key) ON p.lease = u.lease AND p.first_key = u.first_key",
        {text_array(leases), text_array(firsts)});
    for (int i = 0; i < r.rows(); ++i) {
      r.at(i);
      taken.insert(permit_key(r.text(0), r.integer(1)));
    }
    found = existing("leases", "id", leases);
  }
  std::string data;
  std::set<int> classes;
  for (Row& row : rows) {
    row.result = InsertResult::inserted;
    auto range = first_last_range(*row.record);
    if (!range)
      continue;  // validated before: cannot happen
    std::string lease = row.record->text("lease");
    std::string key = permit_key(lease, range->first.key());
    if (taken.count(key)) {
      row.result = InsertResult::duplicate;
    } else if (!found.count(lease)) {
      row.result = InsertResult::missing_reference;
    } else {
      taken.insert(key);
      add_permit(data, lease, *range);
      classes.insert(span_class(range->first.key(), range->last.key()));
    }
  }
  if (!data.empty())
    db_.copy_in(fmt::format("COPY permits ({}) FROM STDIN", kPermitColumns), data);
  for (int c : classes)
    note_class("permits", c);
}

}  // namespace numreg::store::pg
