// Choosing the store that serves a --db location.
#include "registry/store/store.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "registry/store/pg/pg_store.hpp"
#include "registry/store/sqlite_store.hpp"

namespace numreg::store {

namespace {

// The scheme of a location written as a URI ("postgresql" of
// "postgresql:///numreg"), or "" for a file path.
std::string scheme_of(const std::string& location) {
  auto colon = location.find("://");
  if (colon == std::string::npos || colon == 0)
    return "";
  for (size_t i = 0; i < colon; ++i) {
    char c = location[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok)
      return "";
  }
  return location.substr(0, colon);
}

// Files and PostgreSQL are served: another URI must not become a folder
// named after its scheme.
void refuse_unserved(const std::string& location) {
  std::string scheme = scheme_of(location);
  if (scheme.empty() || pg::is_pg_location(location))
    return;
  throw Failure(make_error(
      ErrorKind::usage, "db-unsupported",
      fmt::format("--db: this numreg has no store for {}:// registries yet (give the path of a "
                  "registry file)",
                  scheme)));
}

}  // namespace

bool create_store(const StoreOptions& options) {
  refuse_unserved(options.location);
  if (pg::is_pg_location(options.location))
    return pg::PgStore::create(options);
  return SqliteStore::create(options);
}

std::unique_ptr<Store> open_store(const StoreOptions& options) {
  refuse_unserved(options.location);
  if (pg::is_pg_location(options.location))
    return std::make_unique<pg::PgStore>(options);
  return std::make_unique<SqliteStore>(options);
}

bool create_roles(const StoreOptions& options) {
  refuse_unserved(options.location);
  if (!pg::is_pg_location(options.location)) {
    throw Failure(make_error(
        ErrorKind::usage, "roles-need-pg",
        fmt::format("numreg init --roles works on a PostgreSQL registry (--db postgresql://...); "
                    "a registry file ({}) has no database roles",
                    options.location)));
  }
  bool created = pg::PgStore::create(options);
  pg::PgStore::create_roles(options);
  return created;
}

bool is_file_location(const std::string& location) {
  return scheme_of(location).empty();
}

void remove_created_store(const std::string& location) {
  if (is_file_location(location))
    SqliteStore::remove_files(location);
}

bool same_location(const std::string& a, const std::string& b) {
  if (a == b)
    return true;
  if (!scheme_of(a).empty() || !scheme_of(b).empty())
    return false;
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec);
}

}  // namespace numreg::store
