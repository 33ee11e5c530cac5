// The refusal (do-not-call) list behind S006: checking a number. Refusals
// are imported as any other kind (registry/import).
#pragma once

#include <string>
#include <vector>

#include "registry/ledger.hpp"
#include "registry/store/refusals.hpp"

namespace numreg::screen {

/// The answer of `refusal check`.
struct RefusalCheck {
  std::string number;                   // canonical
  bool refused = false;                 // a refusal applies on the date
  std::vector<store::RefusalRow> rows;  // the refusals that apply
};

/// The refusals of `number` that apply to `holder` (empty: any holder) on or
/// before `date`.
RefusalCheck check_refusal(Ledger& ledger, const std::string& number, const std::string& holder,
                           Date date);

}  // namespace numreg::screen
