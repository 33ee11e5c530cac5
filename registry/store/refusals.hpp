// The refusal (do-not-call) list: reads by number.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "registry/store/database.hpp"

namespace numreg::store {

/// One stored refusal.
struct RefusalRow {
  std::string number;
  std::optional<std::string> holder;  // nullopt: refused for all
  std::string date;
  std::optional<std::string> channel;
};

/// The refusals of canonical `number`, for all holders first, then by holder.
std::vector<RefusalRow> refusals_of(Database& db, const std::string& number);

}  // namespace numreg::store
