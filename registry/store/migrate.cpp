#include "registry/store/migrate.hpp"

#include <cstdlib>
#include <map>
#include <string>

#include <fmt/format.h>

#include "registry/store/sqlite_journal.hpp"

#include "registry/embedded.hpp"
#include "registry/error.hpp"
#include "registry/store/journal.hpp"

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

// Schema 2 keeps the journal in blocks: the entries of schema 1's table are
// moved into them, every seq, link and hash verified first, the blocks read
// back and checked, and only then is the old table dropped. Anything wrong
// fails the migration, and its transaction leaves the registry as it was.
void move_journal_to_blocks(Database& db) {
  if (db.scalar("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'journal'")
          .value_or(0) == 0)
    return;
  auto refuse = [&db](int64_t seq) {
    return Failure(make_error(
        ErrorKind::data, "journal-unverified",
        fmt::format("registry {}: journal entry {} does not verify, so the journal was not moved "
                    "to its compact form (check it with `numreg verify` of the numreg that wrote "
                    "it)",
                    db.path(), seq)));
  };
  SqliteJournal journal(db);
  Statement st(db,
               "SELECT seq, time, actor, action, entity, key, before, after, reason, batch, "
               "prev_hash, hash FROM journal ORDER BY seq");
  std::string prev = genesis_hash();
  int64_t seq = 0;
  JournalEntry e;
  while (st.step()) {
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
    if (e.seq != seq + 1)
      throw refuse(seq + 1);
    if (e.prev_hash != prev || entry_hash(e) != e.hash)
      throw refuse(e.seq);
    journal.insert_sealed(e);
    prev = e.hash;
    seq = e.seq;
  }
  journal.flush();
  ChainCheck moved = journal.check();
  if (moved.bad || moved.entries != seq || moved.head != prev)
    throw refuse(moved.bad.value_or(seq));
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
