#include "registry/store/migrate.hpp"

#include <cstdlib>
#include <map>
#include <string>

#include <fmt/format.h>

#include "registry/embedded.hpp"

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
  Transaction tx(db);
  version = schema_version(db);  // another process may have migrated meanwhile
  for (const auto& [number, sql] : migrations()) {
    if (number > version) {
      db.exec(sql);
    }
  }
  db.exec(
      fmt::format("PRAGMA user_version = {}; PRAGMA application_id = {}", latest, kApplicationId));
  tx.commit();
}

}  // namespace numreg::store
