#include "registry/store/pg/bulk_insert.hpp"

#include <fmt/format.h>

#include "registry/model/record_range.hpp"
#include "registry/store/pg/records.hpp"
#include "registry/store/ranges.hpp"
#include "registry/types/uscc.hpp"

namespace numreg::store::pg {

std::string insert_columns(const Kind& kind) {
  std::string columns;
  for (const Field* f : kind.stored_fields())
    columns += (columns.empty() ? "" : ", ") + quoted_name(f->name);
  if (kind.name == "holders") {
    columns += ", uscc_check_ok";
  } else if (kind.name == "resources") {
    columns += ", first_key, last_key, span_class";
  }
  return columns;
}

Params insert_values(const Record& r) {
  const Kind& kind = *r.kind;
  Params params;
  for (const Field* f : kind.stored_fields())
    params.push_back(stored_value(*f, r.get(f->name)));
  if (kind.name == "holders") {
    params.push_back(parse_uscc(r.text("uscc")) ? "1" : "0");
  } else if (kind.name == "resources") {
    if (auto range = resource_range(r)) {
      int64_t a = range->first.key();
      int64_t b = range->last.key();
      params.push_back(std::to_string(a));
      params.push_back(std::to_string(b));
      params.push_back(std::to_string(span_class(a, b)));
    } else {
      params.insert(params.end(), 3, std::nullopt);
    }
  }
  return params;
}

namespace {

// The INSERT of `kind`'s stored fields and the columns derived from them.
std::string insert_sql(const Kind& kind) {
  size_t n = kind.stored_fields().size();
  if (kind.name == "holders") {
    n += 1;
  } else if (kind.name == "resources") {
    n += 3;
  }
  std::string marks;
  for (size_t i = 1; i <= n; ++i)
    marks += fmt::format("{}${}", i > 1 ? ", " : "", i);
  return fmt::format("INSERT INTO {} ({}) VALUES ({}) ON CONFLICT DO NOTHING", kind.table,
                     insert_columns(kind), marks);
}

}  // namespace

void PgBulkInserter::note_class(const char* table, int span) {
  if (!classes_.emplace(table, span).second)
    return;
  db_.run("INSERT INTO span_classes (tbl, class) VALUES ($1, $2) ON CONFLICT DO NOTHING",
          {std::string(table), std::to_string(span)});
}

bool PgBulkInserter::references_found(const Record& r) {
  for (size_t i = 0; i < r.kind->fields.size(); ++i) {
    const Field& f = r.kind->fields[i];
    if (f.ref.empty() || !f.stored || !r.values[i] || r.values[i]->empty())
      continue;
    const Kind& target = kind(f.ref);
    if (db_.run(exists_sql(target), {*r.values[i]}).rows() == 0)
      return false;
  }
  return true;
}

InsertResult PgBulkInserter::insert_permit(const std::string& lease, const NumberRange& r) {
  int64_t a = r.first.key();
  int64_t b = r.last.key();
  int c = span_class(a, b);
  Result done = db_.run(
      "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
      {lease, r.first.canonical, r.last.canonical, std::to_string(a), std::to_string(b),
       std::to_string(c)});
  if (done.affected() == 0)
    return InsertResult::duplicate_permit;
  note_class("permits", c);
  return InsertResult::inserted;
}

InsertResult PgBulkInserter::insert(const Record& r, const std::vector<NumberRange>& permits) {
  const Kind& kind = *r.kind;
  if (!references_found(r))
    return InsertResult::missing_reference;
  if (kind.name == "permits") {
    auto range = first_last_range(r);
    if (!range)
      return InsertResult::inserted;  // validated before: cannot happen
    InsertResult result = insert_permit(r.text("lease"), *range);
    return result == InsertResult::duplicate_permit ? InsertResult::duplicate : result;
  }
  std::optional<NumberRange> range;
  if (kind.name == "resources")
    range = resource_range(r);
  if (db_.run(insert_sql(kind), insert_values(r)).affected() == 0)
    return InsertResult::duplicate;
  if (range)
    note_class("resources", span_class(range->first.key(), range->last.key()));
  const std::string id = r.text("id");
  for (const auto& p : permits) {
    InsertResult pr = insert_permit(id, p);
    if (pr != InsertResult::inserted)
      return pr;
  }
  return InsertResult::inserted;
}

}  // namespace numreg::store::pg
