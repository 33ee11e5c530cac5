// The time a command runs at: passed in, never read by the core itself.
#pragma once

#include <string>

#include "registry/types/date.hpp"

namespace numreg {

/// Now, as the journal records it, and today's local date.
struct Clock {
  std::string now_utc;  // "2026-11-29T09:30:00Z"
  Date today;
};

}  // namespace numreg
