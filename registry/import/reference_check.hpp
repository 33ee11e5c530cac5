// The references of an import's rows, checked on the thread that reads them,
// so the thread that writes inserts as a bulk write. A key snapshot taken
// after the writer's transaction began sees the registry as the writer found
// it (no other writer can commit meanwhile); the keys of rows read earlier in
// the same import stand for what the writer adds.
#pragma once

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/store.hpp"

namespace numreg::import {

class ReferenceCheck {
 public:
  /// Probe keys in `snapshot`, taken after the writer's transaction began.
  explicit ReferenceCheck(std::unique_ptr<store::KeySnapshot> snapshot);
  ~ReferenceCheck();
  ReferenceCheck(const ReferenceCheck&) = delete;
  ReferenceCheck& operator=(const ReferenceCheck&) = delete;

  /// Remember the keys of `kind`'s rows read from now on: some input of the
  /// import refers to it.
  void remember(const Kind& kind);
  /// `record` (valid, about to be written) exists from now on.
  void added(const Record& record);
  /// A ref-missing error for each reference of `record` found neither in the
  /// registry nor among the rows added; the errors Ledger::check_references
  /// gives.
  void check(const Record& record, std::vector<Error>& errors);

 private:
  struct Target;
  Target& target(const Kind& kind);
  bool exists(Target& target, const std::string& key);

  std::unique_ptr<store::KeySnapshot> snapshot_;
  std::vector<std::unique_ptr<Target>> targets_;
};

}  // namespace numreg::import
