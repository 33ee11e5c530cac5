#include "registry/store/migrate.hpp"

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "registry/store/sqlite_journal.hpp"

#include "registry/embedded.hpp"
#include "registry/error.hpp"
#include "registry/store/journal.hpp"
#include "registry/store/journal_block.hpp"
#include "registry/store/journal_row.hpp"

namespace numreg::store {

namespace {

constexpr std::string_view kDir = "schemas/migrations/";
constexpr int64_t kApplicationId = 0x4e524547;  // "NREG"

// Migration number -> SQL, from the embedded files "schemas/migrations/0001_x.sql".
std::map<int, std::string_view> migrations() {
  std::map<int, std::string_view> out;
  for (const auto& file : embedded_files()) {
    if (file.path.starts_with(kDir)) {
      int number = std::atoi(std::string(file.path.substr(kDir.size(), 4)).c_str());
      out.emplace(number, file.data);
    }
  }
  return out;
}

// Schema 1's journal table, an entry a row, read in seq order.
class OldJournal {
 public:
  explicit OldJournal(Database& db)
      : st_(db,
            "SELECT seq, time, actor, action, entity, key, before, after, reason, batch, "
            "prev_hash, hash FROM journal ORDER BY seq") {}

  // Into `e`, reusing its buffers; false after the last entry.
  bool next(JournalEntry& e) {
    if (!st_.step())
      return false;
    read_entry(st_, e);
    return true;
  }

 private:
  Statement st_;
};

// The first entry of schema 1's journal that does not verify (a missing
// seq, a broken link, a hash that is not its entry's), if any.
std::optional<int64_t> first_unverified(Database& db) {
  OldJournal old(db);
  JournalEntry e;
  std::string prev = genesis_hash();
  int64_t seq = 0;
  while (old.next(e)) {
    if (e.seq != seq + 1)
      return seq + 1;
    if (e.prev_hash != prev || entry_hash(e) != e.hash)
      return e.seq;
    prev = e.hash;
    seq = e.seq;
  }
  return std::nullopt;
}

// Write `block` (old entries, linked after `before`): encoded, decoded again
// (each entry's hash recomputed, the only time it is, and compared with the
// old one), inserted, and its stored bytes read back. False when anything
// differs.
bool move_block(SqliteJournal& journal, Statement& stored, const std::vector<JournalEntry>& block,
                const std::string& before) {
  EncodedBlock encoded = encode_entries(block);
  auto decoded = decode_block(encoded.head, encoded.count, encoded.bytes, before);
  if (!decoded)
    return false;
  for (size_t i = 0; i < block.size(); ++i) {
    if ((*decoded)[i].hash != block[i].hash)
      return false;
  }
  journal.insert_block(encoded);
  stored.bind(1, encoded.head.first_seq);
  bool same = stored.step() && stored.blob(0) == encoded.bytes;
  stored.reset();
  return same;
}

// Schema 2 keeps the journal in blocks: the entries of schema 1's table are
// moved into them, every seq, link and hash verified, each block read back,
// and only then is the old table dropped. Anything wrong fails the
// migration, naming the first old entry that does not verify, and its
// transaction leaves the registry as it was.
void move_journal_to_blocks(Database& db) {
  if (db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'journal'")
          .value_or(0) == 0)
    return;
  auto refuse = [&db](int64_t where) {
    int64_t seq = first_unverified(db).value_or(where);
    return Failure(make_error(
        ErrorKind::data, "journal-unverified",
        fmt::format("registry {}: journal entry {} does not verify, so the journal was not moved "
                    "to its compact form (check it with `numreg verify` of the numreg that wrote "
                    "it)",
                    db.path(), seq)));
  };
  SqliteJournal journal(db);
  Statement stored(db, "SELECT entries FROM journal_blocks WHERE first_seq = ?");
  OldJournal old(db);
  std::vector<JournalEntry> block;
  std::string before = genesis_hash();  // the hash of the entry before `block`
  std::string prev = genesis_hash();    // the hash of the entry read last
  int64_t seq = 0;
  JournalEntry e;
  while (old.next(e)) {
    if (e.seq != seq + 1)
      throw refuse(seq + 1);
    if (e.prev_hash != prev)
      throw refuse(e.seq);
    if (closes_block(block, e)) {
      if (!move_block(journal, stored, block, before))
        throw refuse(block.front().seq);
      before = prev;
      block.clear();
    }
    block.push_back(e);
    prev = e.hash;
    seq = e.seq;
  }
  if (!block.empty() && !move_block(journal, stored, block, before))
    throw refuse(block.front().seq);
  journal.forget_head();
  JournalTail moved = journal.tail();
  if (journal.size() != seq || moved.seq != seq || moved.hash != prev)
    throw refuse(seq);
  db.exec("DROP TABLE journal");
}

bool has_tables(Database& db) {
  return db.scalar("SELECT count(*) FROM sqlite_schema").value_or(0) > 0;
}

}  // namespace

int latest_schema_version() {
  auto all = migrations();
  return all.empty() ? 0 : all.rbegin()->first;
}

int schema_version(Database& db) {
  return static_cast<int>(db.scalar("PRAGMA user_version").value_or(0));
}

void migrate(Database& db) {
  int version = schema_version(db);
  int64_t app = db.scalar("PRAGMA application_id").value_or(0);
  if (app != kApplicationId && (version != 0 || has_tables(db))) {
    throw Failure(make_error(ErrorKind::unavailable, "registry-foreign",
                             fmt::format("{} is not a numreg registry", db.path())));
  }
  int latest = latest_schema_version();
  if (version > latest) {
    throw Failure(make_error(
        ErrorKind::unavailable, "registry-newer",
        fmt::format("registry {} has schema version {} but this numreg knows only up to {}: "
                    "upgrade numreg",
                    db.path(), version, latest)));
  }
  if (version == latest) {
    return;
  }
  if (db.read_only()) {
    throw Failure(make_error(
        ErrorKind::io, "registry-read-only",
        fmt::format("registry {} has schema version {}, older than this numreg's {}, and is "
                    "read-only: open it once where numreg may write it, to bring it up to date",
                    db.path(), version, latest)));
  }
  Transaction tx(db);
  version = schema_version(db);  // another process may have migrated meanwhile
  const bool journal_moved = version == 1;
  for (const auto& [number, sql] : migrations()) {
    if (number > version) {
      db.exec(sql);
      if (number == 2)
        move_journal_to_blocks(db);
    }
  }
  db.exec(
      fmt::format("PRAGMA user_version = {}; PRAGMA application_id = {}", latest, kApplicationId));
  tx.commit();
  if (journal_moved) {
    // The old journal's pages (most of the file) are free now: give them
    // back once. Should another process be reading, VACUUM fails and the
    // registry is only larger than it needs to be, as before.
    try {
      db.exec("VACUUM");
    } catch (const Failure&) {
    }
  }
}

}  // namespace numreg::store
