// The refusal (do-not-call) list behind S006: importing a CSV of refusals
// and checking a number.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/ledger.hpp"
#include "registry/store/refusals.hpp"

namespace numreg::screen {

/// What an import did.
struct RefusalImport {
  size_t added = 0;
  size_t changed = 0;
  size_t unchanged = 0;
};

/// Import refusals from CSV text (header row; columns number, holder, date,
/// channel or their Chinese aliases; other columns are an error). Every row
/// is validated first; any error rejects the whole file (a Failure with
/// every error, each with file and line). Rows already stored are updated.
RefusalImport import_refusals(Ledger& ledger, std::string_view csv, const std::string& name,
                              const Change& change);

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
