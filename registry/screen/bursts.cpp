// Sliding windows over call records for S004 and S005.
#include "registry/screen/bursts.hpp"

#include <algorithm>

namespace numreg::screen {

Bursts::Bursts(int calls, int64_t window, int64_t tolerance)
    : calls_(std::max(calls, 1)), window_(std::max<int64_t>(window, 1)),
      tolerance_(std::max<int64_t>(tolerance, 0)) {}

// Drop the calls no future call can share a run with: older than the newest
// time, less the tolerance, less the window.
void Bursts::expire() {
  const int64_t horizon = newest_ - tolerance_ - window_;
  for (auto it = keys_.begin(); it != keys_.end();) {
    std::vector<BurstCall>& list = it->second;
    const auto keep = std::find_if(list.begin(), list.end(),
                                   [&](const BurstCall& c) { return c.time > horizon; });
    held_ -= static_cast<size_t>(keep - list.begin());
    list.erase(list.begin(), keep);
    it = list.empty() ? keys_.erase(it) : std::next(it);
  }
  next_sweep_ = newest_ + std::max<int64_t>(window_ / 4, 60);
}

}  // namespace numreg::screen
