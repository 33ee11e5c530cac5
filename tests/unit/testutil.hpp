// Shared helpers for unit tests: a scratch registry in a temporary directory.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>

#include "registry/ledger.hpp"
#include "registry/store/sqlite_store.hpp"

namespace numreg::test {

/// A fresh registry file in its own temporary directory, removed afterwards.
class ScratchRegistry {
 public:
  ScratchRegistry() {
    std::string pattern = (std::filesystem::temp_directory_path() / "numreg-unit-XXXXXX").string();
    dir_ = mkdtemp(pattern.data());
    path_ = dir_ + "/registry.db";
    Ledger::init({path_});
  }
  ~ScratchRegistry() { std::filesystem::remove_all(dir_); }
  ScratchRegistry(const ScratchRegistry&) = delete;
  ScratchRegistry& operator=(const ScratchRegistry&) = delete;

  const std::string& path() const { return path_; }
  const std::string& dir() const { return dir_; }
  /// A ledger on the registry with the clock at 2026-11-29.
  Ledger open() const { return Ledger({path_}, clock()); }
  static Clock clock() { return Clock{"2026-11-29T09:30:00Z", Date{2026, 11, 29}}; }

 private:
  std::string dir_;
  std::string path_;
};

/// The SQLite connection under `ledger`, for tests that look beneath the store.
inline store::Database& sqlite_of(Ledger& ledger) {
  return dynamic_cast<store::SqliteStore&>(ledger.store()).database();
}

/// A change by a test clerk.
inline Change change(const char* reason = nullptr) {
  Change c;
  c.actor = "clerk";
  if (reason)
    c.reason = reason;
  return c;
}

}  // namespace numreg::test
