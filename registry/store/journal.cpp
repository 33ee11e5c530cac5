#include "registry/store/journal.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "registry/util/json_text.hpp"
#include "registry/util/sha256.hpp"

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

const std::string& genesis_hash() {
  static const std::string zeros(64, '0');
  return zeros;
}

std::string entry_hash(const JournalEntry& e) {
  // The SHA-256 of the JSON array [seq, time, actor, action, entity, key,
  // before, after, reason, batch, prev_hash], written directly (every write
  // journals, and imports write millions): the text nlohmann's dump() gives.
  thread_local std::string buffer;  // reused: its capacity outlives the entry
  std::string& text = buffer;
  text.clear();
  fmt::format_to(std::back_inserter(text), "[{}", e.seq);
  auto item = [&text](const std::string& s) {
    text += ',';
    append_json_string(s, text);
  };
  auto optional_item = [&](const std::optional<std::string>& s) {
    if (s) {
      item(*s);
    } else {
      text += ",null";
    }
  };
  item(e.time);
  item(e.actor);
  item(e.action);
  item(e.entity);
  item(e.key);
  optional_item(e.before);
  optional_item(e.after);
  optional_item(e.reason);
  optional_item(e.batch);
  item(e.prev_hash);
  text += ']';
  return sha256_hex(text);
}

Journal::Journal(Database& db)
    : db_(db),
      insert_(db,
              "INSERT INTO journal (seq, time, actor, action, entity, key, before, after, "
              "reason, batch, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)") {}

std::string Journal::head() {
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
  return last_hash_;
}

void seal(JournalEntry& e, int64_t prev_seq, const std::string& prev_hash) {
  e.seq = prev_seq + 1;
  e.prev_hash = prev_hash;
  e.hash = entry_hash(e);
}

JournalTail Journal::tail() {
  head();
  return {last_seq_, last_hash_};
}

void Journal::append(JournalEntry& e) {
  JournalTail t = tail();
  seal(e, t.seq, t.hash);
  insert_sealed(e);
}

void Journal::insert_sealed(const JournalEntry& e) {
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

std::vector<JournalEntry> Journal::read(const JournalQuery& q) {
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

ChainCheck Journal::check() {
  return check([](const JournalEntry&) {});
}

ChainCheck Journal::check(const std::function<void(const JournalEntry&)>& visit) {
  ChainCheck result;
  result.head = genesis_hash();
  Statement st(db_, fmt::format("SELECT {} FROM journal ORDER BY seq", kColumns));
  int64_t expected_seq = 1;
  JournalEntry e;
  while (st.step()) {
    e = read_entry(st);
    ++result.entries;
    visit(e);
    if (!result.bad) {
      if (e.seq != expected_seq) {
        result.bad = expected_seq;
        result.problem =
            fmt::format("entry {} is missing (the next entry is {})", expected_seq, e.seq);
      } else if (e.prev_hash != result.head) {
        result.bad = e.seq;
        result.problem = fmt::format("entry {} does not link to entry {}", e.seq, e.seq - 1);
      } else if (entry_hash(e) != e.hash) {
        result.bad = e.seq;
        result.problem = fmt::format(
            "entry {} does not match its hash: it was changed after "
            "it was written",
            e.seq);
      }
    }
    result.head = e.hash;
    expected_seq = e.seq + 1;
  }
  return result;
}

}  // namespace numreg::store
