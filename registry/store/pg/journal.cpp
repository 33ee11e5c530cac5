#include "registry/store/pg/journal.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "registry/store/journal_row.hpp"
#include "registry/store/pg/cursor.hpp"

namespace numreg::store::pg {

JournalEntry read_entry(const Result& r) {
  JournalEntry e;
  store::read_entry(r, e);
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

namespace {

// Waiting entries are sent once they take this many bytes.
constexpr size_t kWaitingBytes = 4 << 20;

void copy_entry(std::string& data, const JournalEntry& e) {
  copy_field(data, std::to_string(e.seq), true);
  for (const std::string* f : {&e.time, &e.actor, &e.action, &e.entity, &e.key})
    copy_field(data, *f);
  for (const std::optional<std::string>* f : {&e.before, &e.after, &e.reason, &e.batch})
    copy_field(data, *f);
  copy_field(data, e.prev_hash);
  copy_field(data, e.hash);
  data += '\n';
}

}  // namespace

void PgJournal::insert_sealed(const JournalEntry& e) {
  insert_sealed(JournalEntry(e));
}

void PgJournal::insert_sealed(JournalEntry&& e) {
  // A lone entry goes as one INSERT (flush): its COPY text is written only
  // once a second entry joins it, so that a large one is not held twice.
  tail_ = {e.seq, e.hash};
  cached_ = true;
  if (waiting_count_ == 0) {
    first_waiting_ = std::move(e);
  } else {
    if (waiting_count_ == 1)
      copy_entry(waiting_, *first_waiting_);
    copy_entry(waiting_, e);
  }
  ++waiting_count_;
  if (waiting_.size() >= kWaitingBytes)
    flush();
}

void PgJournal::flush() {
  if (waiting_count_ == 0)
    return;
  if (waiting_count_ == 1) {
    const JournalEntry& e = *first_waiting_;
    static const std::string insert = fmt::format(
        "INSERT INTO journal ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        kJournalColumns);
    db_.run(insert, {std::to_string(e.seq), e.time, e.actor, e.action, e.entity, e.key, e.before,
                     e.after, e.reason, e.batch, e.prev_hash, e.hash});
  } else if (!row_security()) {
    db_.copy_in(fmt::format("COPY journal ({}) FROM STDIN", kJournalColumns), waiting_);
  } else {
    // COPY cannot write a table under row-level security: the entries go
    // through a temporary table, and the journal's policies see each one.
    db_.exec(
        "CREATE TEMP TABLE IF NOT EXISTS numreg_journal_in (LIKE journal) ON COMMIT DELETE ROWS");
    db_.copy_in(fmt::format("COPY numreg_journal_in ({}) FROM STDIN", kJournalColumns), waiting_);
    db_.exec(fmt::format("INSERT INTO journal ({0}) SELECT {0} FROM numreg_journal_in ORDER BY seq",
                         kJournalColumns));
    db_.exec("DELETE FROM numreg_journal_in");
  }
  waiting_.clear();
  waiting_count_ = 0;
  first_waiting_.reset();
}

bool PgJournal::row_security() {
  if (!row_security_)
    row_security_ = db_.row_security("journal");
  return *row_security_;
}

void PgJournal::forget_head() {
  cached_ = false;
  waiting_.clear();
  waiting_count_ = 0;
  first_waiting_.reset();
}

std::vector<JournalEntry> PgJournal::read(const JournalQuery& q) {
  flush();
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
  std::vector<JournalEntry> out;
  if (q.limit > 0) {
    Result r = db_.exec(sql, params);
    out.reserve(static_cast<size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      r.at(i);
      out.push_back(read_entry(r));
    }
    std::reverse(out.begin(), out.end());
    return out;
  }
  // Everything that matches, perhaps the whole journal: a chunk at a time,
  // so only the entries themselves are held.
  ChunkCursor r(db_, sql, params);
  while (r.step())
    out.push_back(read_entry(r.row()));
  return out;
}

// In pages by seq, so a journal of millions never sits in memory at once.
void PgJournal::scan(const std::function<void(const JournalEntry&)>& visit) {
  flush();
  ChunkCursor r(db_, fmt::format("SELECT {} FROM journal ORDER BY seq", kJournalColumns));
  while (r.step())
    visit(read_entry(r.row()));
}

}  // namespace numreg::store::pg
