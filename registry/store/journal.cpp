#include "registry/store/sqlite_journal.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/store/journal_block.hpp"

namespace numreg::store {

namespace {

constexpr std::string_view kBlockColumns =
    "b.first_seq, b.count, b.time, b.actor, b.reason, n.name, b.entities, b.entries, b.hash "
    "FROM journal_blocks b LEFT JOIN journal_batches n ON n.id = b.batch";

// One block row of a statement selecting kBlockColumns.
struct BlockRow {
  BlockHead head;
  int64_t count = 0;
  std::string_view entities;
  std::string_view entries;
  std::string hash;
};

BlockRow block_row(Statement& st) {
  BlockRow b;
  b.head.first_seq = st.integer(0);
  b.count = st.integer(1);
  b.head.time = st.text(2);
  b.head.actor = st.text(3);
  b.head.reason = st.optional_text(4);
  b.head.batch = st.optional_text(5);
  b.entities = st.view(6);
  b.entries = st.blob(7);
  b.hash = st.text(8);
  return b;
}

bool has_entity(std::string_view list, const std::vector<std::string>& entities) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view one = list.substr(0, comma);
    for (const auto& e : entities) {
      if (one == e)
        return true;
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

// The hash of the entry before `first_seq` (the previous block's last), by
// a statement prepared once for the connection (a `log --key` reads a block
// for each of the key's entries).
std::string hash_before(Database& db, int64_t first_seq) {
  Statement& st = db.cached(
      "SELECT hash FROM journal_blocks WHERE first_seq < ? ORDER BY first_seq DESC LIMIT 1");
  st.bind(1, first_seq);
  std::string hash = st.step() ? st.text(0) : genesis_hash();
  st.reset();
  return hash;
}

}  // namespace
struct SqliteJournal::Writer {
  explicit Writer(Database& db)
      : block(db,
              "INSERT INTO journal_blocks (first_seq, count, time, actor, reason, batch, "
              "entities, entries, hash) VALUES (?,?,?,?,?,?,?,?,?)"),
        key(db, "INSERT INTO journal_keys (entity, key, seq) VALUES (?,?,?)"),
        find_batch(db, "SELECT id FROM journal_batches WHERE name = ?"),
        add_batch(db, "INSERT INTO journal_batches (name) VALUES (?)") {}

  int64_t batch_id(const std::string& name) {
    if (name == batch_name && batch > 0)
      return batch;
    for (int attempt = 0; attempt < 2; ++attempt) {
      find_batch.bind(1, name);
      bool found = find_batch.step();
      int64_t id = found ? find_batch.integer(0) : 0;
      find_batch.reset();
      if (found) {
        batch_name = name;
        batch = id;
        return id;
      }
      add_batch.bind(1, name);
      add_batch.run();
    }
    throw Failure(make_error(ErrorKind::internal, "journal-batch",
                             fmt::format("journal batch {} was not written", name)));
  }

  Statement block;
  Statement key;
  Statement find_batch;
  Statement add_batch;
  std::string batch_name;
  int64_t batch = 0;
};

SqliteJournal::SqliteJournal(Database& db) : db_(db), writer_(std::make_unique<Writer>(db)) {}

SqliteJournal::~SqliteJournal() = default;

void SqliteJournal::read_head() {
  if (!cached_) {
    Statement st(db_,
                 "SELECT first_seq + count - 1, hash FROM journal_blocks ORDER BY first_seq DESC "
                 "LIMIT 1");
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
  insert_sealed(JournalEntry(e));
}

void SqliteJournal::insert_sealed(JournalEntry&& e) {
  if (closes_block(pending_, e))
    flush();
  last_seq_ = e.seq;
  last_hash_ = e.hash;
  cached_ = true;
  pending_.push_back(std::move(e));
}

void SqliteJournal::insert_block(const EncodedBlock& block) {
  flush();
  write(block);
  last_seq_ = block.head.first_seq + block.count - 1;
  last_hash_ = block.hash;
  cached_ = true;
}

void SqliteJournal::flush() {
  if (pending_.empty())
    return;
  write(encode_entries(pending_));
  pending_.clear();
}

void SqliteJournal::write(const EncodedBlock& b) {
  Writer& w = *writer_;
  w.block.bind(1, b.head.first_seq).bind(2, b.count);
  w.block.bind_unowned(3, b.head.time).bind_unowned(4, b.head.actor);
  w.block.bind_unowned(5, b.head.reason);
  if (b.head.batch) {
    w.block.bind(6, w.batch_id(*b.head.batch));
  } else {
    w.block.bind_null(6);
  }
  w.block.bind_unowned(7, b.entities).bind_blob(8, b.bytes);
  w.block.bind_unowned(9, b.hash);
  w.block.run();
  int64_t seq = b.head.first_seq;
  for (const auto& [entity, key] : b.keys) {
    w.key.bind_unowned(1, entity).bind_unowned(2, key).bind(3, seq++);
    w.key.run();
  }
}

void SqliteJournal::discard() {
  pending_.clear();
  cached_ = false;
  // A batch row written in the rolled-back transaction is gone with it.
  writer_->batch_name.clear();
  writer_->batch = 0;
}

int64_t SqliteJournal::size() {
  flush();
  return db_.scalar("SELECT coalesce(sum(count), 0) FROM journal_blocks").value_or(0);
}

std::vector<JournalEntry> SqliteJournal::read(const JournalQuery& q) {
  flush();
  auto wanted = [&q](const JournalEntry& e) {
    return (q.entity.empty() || e.entity == q.entity) && (q.key.empty() || e.key == q.key) &&
           (q.since.empty() || e.time >= q.since) && (q.batch.empty() || e.batch == q.batch);
  };
  std::vector<JournalEntry> out;
  bool enough = false;
  // Blocks newest first when only the newest entries are wanted.
  auto take_block = [&](const BlockRow& b, const std::string& prev) {
    auto entries = decode_block(b.head, b.count, b.entries, prev);
    if (!entries) {
      throw Failure(
          make_error(ErrorKind::data, "journal-block",
                     fmt::format("journal entries {} to {} do not decode: run numreg verify",
                                 b.head.first_seq, b.head.first_seq + b.count - 1)));
    }
    for (auto it = entries->rbegin(); it != entries->rend(); ++it) {
      if (wanted(*it) && !enough) {
        out.push_back(std::move(*it));
        enough = q.limit > 0 && static_cast<int64_t>(out.size()) >= q.limit;
      }
    }
  };
  if (!q.key.empty()) {
    // Through journal_keys, each block read once, newest first.
    std::string sql = "SELECT seq FROM journal_keys WHERE key = ?";
    if (!q.entity.empty())
      sql += " AND entity = ?";
    sql += " ORDER BY seq DESC";
    Statement keys(db_, sql);
    keys.bind(1, q.key);
    if (!q.entity.empty())
      keys.bind(2, q.entity);
    Statement block(db_, fmt::format("SELECT {} WHERE b.first_seq <= ? ORDER BY b.first_seq "
                                     "DESC LIMIT 1",
                                     kBlockColumns));
    int64_t read_from = INT64_MAX;  // first seq of the block read last
    while (!enough && keys.step()) {
      int64_t seq = keys.integer(0);
      if (seq >= read_from)
        continue;
      block.bind(1, seq);
      if (block.step()) {
        BlockRow b = block_row(block);
        read_from = b.head.first_seq;
        take_block(b, hash_before(db_, b.head.first_seq));
      }
      block.reset();
    }
  } else {
    std::string sql = fmt::format("SELECT {} WHERE 1", kBlockColumns);
    if (!q.since.empty())
      sql += " AND b.time >= ?";
    if (!q.batch.empty())
      sql += " AND n.name = ?";
    sql += " ORDER BY b.first_seq DESC";
    Statement st(db_, sql);
    int i = 1;
    if (!q.since.empty())
      st.bind(i++, q.since);
    if (!q.batch.empty())
      st.bind(i++, q.batch);
    std::vector<std::string> entity{q.entity};
    while (!enough && st.step()) {
      BlockRow b = block_row(st);
      if (!q.entity.empty() && !has_entity(b.entities, entity))
        continue;
      take_block(b, hash_before(db_, b.head.first_seq));
    }
  }
  std::reverse(out.begin(), out.end());
  return out;
}

ChainCheck SqliteJournal::check(const std::function<void(const JournalEntry&)>& visit) {
  flush();
  ChainCheck result;
  result.head = genesis_hash();
  Statement st(db_, fmt::format("SELECT {} ORDER BY b.first_seq", kBlockColumns));
  int64_t expected_seq = 1;
  auto fail = [&result](int64_t seq, std::string problem) {
    if (!result.bad) {
      result.bad = seq;
      result.problem = std::move(problem);
    }
  };
  while (st.step()) {
    BlockRow b = block_row(st);
    int64_t first = b.head.first_seq;
    int64_t last = first + b.count - 1;
    if (first != expected_seq) {
      fail(expected_seq,
           fmt::format("entry {} is missing (the next entry is {})", expected_seq, first));
    }
    auto entries = decode_block(b.head, b.count, b.entries, result.head);
    if (!entries) {
      fail(first, fmt::format("entries {} to {} do not decode: their block was changed after it "
                              "was written",
                              first, last));
    } else {
      result.entries += b.count;
      for (const auto& e : *entries)
        visit(e);
      if (entries->back().hash != b.hash) {
        fail(first, b.count == 1 ? fmt::format("entry {} does not match its hash: it was changed "
                                               "after it was written",
                                               first)
                                 : fmt::format("entries {} to {} do not match their hash: one "
                                               "was changed after it was written",
                                               first, last));
      }
    }
    result.head = b.hash;
    expected_seq = last + 1;
  }
  return result;
}

void SqliteJournal::scan(const std::vector<std::string>& entities,
                         const std::function<void(const JournalEntry&)>& visit) {
  flush();
  Statement st(db_, fmt::format("SELECT {} ORDER BY b.first_seq", kBlockColumns));
  while (st.step()) {
    BlockRow b = block_row(st);
    if (!has_entity(b.entities, entities))
      continue;
    auto decoded = decode_block(b.head, b.count, b.entries, std::string(), false);
    if (!decoded)
      continue;  // verify's chain check names it
    for (const auto& e : *decoded) {
      if (std::find(entities.begin(), entities.end(), e.entity) != entities.end())
        visit(e);
    }
  }
}

void SqliteJournal::scan(const std::function<void(const JournalEntry&)>& visit) {
  check(visit);
}

std::optional<std::string> SqliteJournal::hash_at(int64_t seq) {
  flush();
  Statement st(db_, fmt::format("SELECT {} WHERE b.first_seq <= ? ORDER BY b.first_seq DESC "
                                "LIMIT 1",
                                kBlockColumns));
  st.bind(1, seq);
  if (!st.step())
    return std::nullopt;
  BlockRow b = block_row(st);
  if (seq >= b.head.first_seq + b.count)
    return std::nullopt;
  auto entries = decode_block(b.head, b.count, b.entries, hash_before(db_, b.head.first_seq));
  if (!entries)
    return std::string();
  return (*entries)[static_cast<size_t>(seq - b.head.first_seq)].hash;
}

std::vector<std::pair<int64_t, std::string>> SqliteJournal::with_hash_prefix(
    std::string_view prefix, int limit) {
  // Every hash recomputed: only a block's last one is stored.
  std::vector<std::pair<int64_t, std::string>> out;
  check([&](const JournalEntry& e) {
    if (static_cast<int>(out.size()) < limit && std::string_view(e.hash).starts_with(prefix))
      out.emplace_back(e.seq, e.hash);
  });
  return out;
}

}  // namespace numreg::store
