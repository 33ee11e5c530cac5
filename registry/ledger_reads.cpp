// Reads of the ledger: lists with filters, who, the journal, verify, backup.
#include <filesystem>

#include <fmt/format.h>

#include "registry/copy.hpp"
#include "registry/ledger.hpp"

namespace numreg {

std::vector<Record> Ledger::list(const Kind& kind, const ListQuery& query) {
  return store_->list(kind, query, clock_.today);
}

std::vector<WhoMatch> Ledger::who(const Number& number, Date date) {
  return store_->who(number, date);
}

std::vector<store::JournalEntry> Ledger::log(const store::JournalQuery& query) {
  return store_->journal().read(query);
}

VerifyReport Ledger::verify() {
  return verify_store(*store_);
}

void Ledger::backup(const std::string& path) {
  if (std::filesystem::exists(path) || std::filesystem::is_symlink(path)) {
    throw Failure(make_error(ErrorKind::cant_create, "backup-exists",
                             fmt::format("{} already exists (choose a new file)", path)));
  }
  // A shared registry has no file to copy: it is copied record by record,
  // from one snapshot, journal included, and checked as verify checks it.
  if (!store_->backup_to(path))
    copy_store(*store_, {.location = path, .busy_timeout_ms = busy_timeout_ms_},
               {"--db", "backup"});
}

}  // namespace numreg
