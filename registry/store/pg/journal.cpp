#include "registry/store/pg/journal.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace numreg::store::pg {

JournalEntry read_entry(const Result& r) {
  JournalEntry e;
  e.seq = r.integer(0);
  e.time = r.text(1);
  e.actor = r.text(2);
  e.action = r.text(3);
  e.entity = r.text(4);
  e.key = r.text(5);
  e.before = r.optional_text(6);
  e.after = r.optional_text(7);
  e.reason = r.optional_text(8);
  e.batch = r.optional_text(9);
  e.prev_hash = r.text(10);
  e.hash = r.text(11);
  return e;
}

JournalTail PgJournal::tail() {
  if (!cached_) {
    Result r = db_.run("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1", {});
    if (r.rows() > 0) {
      tail_ = {r.integer(0), r.text(1)};
    } else {
      tail_ = {0, genesis_hash()};
    }
    cached_ = true;
  }
  return tail_;
}

void PgJournal::insert_sealed(const JournalEntry& e) {
  db_.run(
      "INSERT INTO journal (seq, time, actor, action, entity, key, before, after, reason, batch, "
      "prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      {std::to_string(e.seq), e.time, e.actor, e.action, e.entity, e.key, e.before, e.after,
       e.reason, e.batch, e.prev_hash, e.hash});
  tail_ = {e.seq, e.hash};
  cached_ = true;
}

namespace {

constexpr size_t kRowsPerInsert = 500;

// INSERT INTO journal of `rows` rows of parameters.
std::string insert_rows_sql(size_t rows) {
  std::string sql = fmt::format("INSERT INTO journal ({}) VALUES ", kJournalColumns);
  for (size_t r = 0; r < rows; ++r) {
    sql += r == 0 ? "(" : ", (";
    for (size_t c = 1; c <= 12; ++c)
      sql += fmt::format("{}${}", c == 1 ? "" : ", ", r * 12 + c);
    sql += ")";
  }
  return sql;
}

}  // namespace

void PgJournal::insert_sealed_all(std::span<const JournalEntry> entries) {
  static const std::string full = insert_rows_sql(kRowsPerInsert);
  while (!entries.empty()) {
    size_t n = std::min(kRowsPerInsert, entries.size());
    Params params;
    params.reserve(n * 12);
    for (const auto& e : entries.first(n)) {
      params.insert(params.end(),
                    {std::to_string(e.seq), e.time, e.actor, e.action, e.entity, e.key, e.before,
                     e.after, e.reason, e.batch, e.prev_hash, e.hash});
    }
    if (n == kRowsPerInsert) {
      db_.run(full, params);
    } else {
      db_.exec(insert_rows_sql(n), params);
    }
    tail_ = {entries[n - 1].seq, entries[n - 1].hash};
    cached_ = true;
    entries = entries.subspan(n);
  }
}

std::vector<JournalEntry> PgJournal::read(const JournalQuery& q) {
  std::string sql = fmt::format("SELECT {} FROM journal WHERE true", kJournalColumns);
  Params params;
  auto add = [&](std::string_view clause, const std::string& value) {
    params.push_back(value);
    sql += fmt::format(" AND {} ${}", clause, params.size());
  };
  if (!q.entity.empty())
    add("entity =", q.entity);
  if (!q.key.empty())
    add("key =", q.key);
  if (!q.since.empty())
    add("time >=", q.since);
  if (!q.batch.empty())
    add("batch =", q.batch);
  if (q.limit > 0) {
    params.push_back(std::to_string(q.limit));
    sql += fmt::format(" ORDER BY seq DESC LIMIT ${}", params.size());
  } else {
    sql += " ORDER BY seq";
  }
  Result r = db_.exec(sql, params);
  std::vector<JournalEntry> out;
  out.reserve(static_cast<size_t>(r.rows()));
  for (int i = 0; i < r.rows(); ++i) {
    r.at(i);
    out.push_back(read_entry(r));
  }
  if (q.limit > 0)
    std::reverse(out.begin(), out.end());
  return out;
}

// In pages by seq, so a journal of millions never sits in memory at once.
void PgJournal::scan(const std::function<void(const JournalEntry&)>& visit) {
  int64_t after = 0;
  for (;;) {
    Result r = db_.run(fmt::format("SELECT {} FROM journal WHERE seq > $1 ORDER BY seq LIMIT 10000",
                                   kJournalColumns),
                       {std::to_string(after)});
    for (int i = 0; i < r.rows(); ++i) {
      r.at(i);
      JournalEntry e = read_entry(r);
      after = e.seq;
      visit(e);
    }
    if (r.rows() < 10000)
      return;
  }
}

}  // namespace numreg::store::pg
