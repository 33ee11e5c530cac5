// The refusal (do-not-call) list: reads by number.
#include "registry/store/refusals.hpp"

namespace numreg::store {

std::vector<RefusalRow> refusals_of(Database& db, const std::string& number) {
  Statement st(db,
               "SELECT number, nullif(holder, ''), date, channel FROM refusals WHERE number = ? "
               "ORDER BY holder IS NOT NULL AND holder <> '', holder, date");
  st.bind(1, number);
  std::vector<RefusalRow> out;
  while (st.step()) {
    out.push_back({st.text(0), st.optional_text(1), st.text(2), st.optional_text(3)});
  }
  return out;
}

}  // namespace numreg::store
