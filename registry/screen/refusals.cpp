// The refusal (do-not-call) list behind S006.
#include "registry/screen/refusals.hpp"

#include "registry/model/value.hpp"

namespace numreg::screen {

RefusalCheck check_refusal(Ledger& ledger, const std::string& number, const std::string& holder,
                           Date date) {
  RefusalCheck check;
  check.number = value_or_throw(parse_number(number)).canonical;
  for (auto& row : ledger.store().refusals_of(check.number)) {
    const bool for_holder = !row.holder || holder.empty() || *row.holder == holder;
    if (for_holder && row.date <= date.iso()) {
      check.rows.push_back(std::move(row));
    }
  }
  check.refused = !check.rows.empty();
  return check;
}

}  // namespace numreg::screen
