// The journal of a SQLite registry: its journal table, the head cached for
// the transaction.
#include "registry/store/sqlite_journal.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace numreg::store {

namespace {

constexpr std::string_view kColumns =
    "seq, time, actor, action, entity, key, before, after, reason, batch, prev_hash, hash";

JournalEntry read_entry(Statement& st) {
  JournalEntry e;
  e.seq = st.integer(0);
  e.time = st.text(1);
  e.actor = st.text(2);
  e.action = st.text(3);
  e.entity = st.text(4);
  e.key = st.text(5);
  e.before = st.optional_text(6);
  e.after = st.optional_text(7);
  e.reason = st.optional_text(8);
  e.batch = st.optional_text(9);
  e.prev_hash = st.text(10);
  e.hash = st.text(11);
  return e;
}

}  // namespace

SqliteJournal::SqliteJournal(Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO journal (seq, time, actor, action, entity, key, before, after, "
              "reason, batch, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)") {}

void SqliteJournal::read_head() {
  if (!cached_) {
    Statement st(db_, "SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
    if (st.step()) {
      last_seq_ = st.integer(0);
      last_hash_ = st.text(1);
    } else {
      last_seq_ = 0;
      last_hash_ = genesis_hash();
    }
    cached_ = true;
  }
}

JournalTail SqliteJournal::tail() {
  read_head();
  return {last_seq_, last_hash_};
}

void SqliteJournal::insert_sealed(const JournalEntry& e) {
  // `e` outlives the statement's run: nothing is copied.
  insert_.bind(1, e.seq).bind_unowned(2, e.time).bind_unowned(3, e.actor);
  insert_.bind_unowned(4, e.action).bind_unowned(5, e.entity).bind_unowned(6, e.key);
  insert_.bind_unowned(7, e.before).bind_unowned(8, e.after).bind_unowned(9, e.reason);
  insert_.bind_unowned(10, e.batch).bind_unowned(11, e.prev_hash).bind_unowned(12, e.hash);
  insert_.run();
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  cached_ = true;
}

std::vector<JournalEntry> SqliteJournal::read(const JournalQuery& q) {
  std::string sql = fmt::format("SELECT {} FROM journal WHERE 1", kColumns);
  if (!q.entity.empty())
    sql += " AND entity = ?";
  if (!q.key.empty())
    sql += " AND key = ?";
  if (!q.since.empty())
    sql += " AND time >= ?";
  if (!q.batch.empty())
    sql += " AND batch = ?";
  sql += q.limit > 0 ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq";
  Statement st(db_, sql);
  int i = 1;
  if (!q.entity.empty())
    st.bind(i++, q.entity);
  if (!q.key.empty())
    st.bind(i++, q.key);
  if (!q.since.empty())
    st.bind(i++, q.since);
  if (!q.batch.empty())
    st.bind(i++, q.batch);
  if (q.limit > 0)
    st.bind(i++, q.limit);
  std::vector<JournalEntry> out;
  while (st.step()) {
    out.push_back(read_entry(st));
  }
  if (q.limit > 0) {
    std::reverse(out.begin(), out.end());
  }
  return out;
}

void SqliteJournal::scan(const std::function<void(const JournalEntry&)>& visit) {
  Statement st(db_, fmt::format("SELECT {} FROM journal ORDER BY seq", kColumns));
  while (st.step()) {
    visit(read_entry(st));
  }
}

}  // namespace numreg::store
