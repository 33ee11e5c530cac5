// Reads of the ledger: lists with filters, who, the journal, verify, backup.
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
  VerifyReport report;
  Replay replay(*store_);
  report.chain =
      store_->journal().check([&replay](const store::JournalEntry& e) { replay.entry(e); });
  report.replay = replay.compare();
  report.integrity = store_->check_integrity();
  return report;
}

void Ledger::backup(const std::string& path) {
  store_->backup_to(path);
}

}  // namespace numreg
