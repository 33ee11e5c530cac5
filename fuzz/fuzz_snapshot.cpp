// Screening snapshots: read_snapshot maps any bytes as an index of format 4.
// Properties: a file is refused with a data error (never a read out of
// bounds: the sanitizers watch every lookup below), or the index read answers
// every screening lookup (trunks, leases, ranges, windows, refusals, texts)
// inside its mapped tables.
#include <string>

#include "fuzz/check.hpp"
#include "fuzz/memory_file.hpp"
#include "registry/screen/snapshot.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

void use(std::string_view input, const screen::ScreenIndex& x) {
  for (uint32_t t = 0; t < x.trunk_ids.size(); ++t) {
    const screen::TrunkSlot* slot =
        x.find_slot(x.trunk_ids.at(t), screen::ScreenIndex::trunk_hash(x.trunk_ids.at(t)));
    if (slot) {
      for (uint32_t i = slot->leases_begin, end = x.leases_end(*slot); i < end; ++i)
        require(x.leases[i].id < x.lease_ids.size(), "a trunk's lease has an ID", input);
    }
  }
  for (const screen::IndexLease& lease : x.leases) {
    x.lease_ids.at(lease.id);
    if (lease.holder != screen::kNone)
      x.holders.at(lease.holder);
    if (lease.windows_text != screen::kNone)
      x.texts.at(lease.windows_text);
    x.permits(lease, lease.range0.first);
    x.within_windows(lease, 36000);
    for (uint32_t r = lease.ranges_begin; r < lease.ranges_end; ++r)
      x.permits(lease, x.ranges[r].last);
  }
  for (const screen::IndexRefusal& r : x.refusals) {
    x.refusal(r.number, r.holder, r.day);
    if (r.holder != screen::kNone)
      x.holders.at(r.holder);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view input = numreg::fuzz::text_of(data, size);
  numreg::fuzz::MemoryFile file(input);
  try {
    use(input, screen::read_snapshot(file.path()));
  } catch (const Failure& failure) {
    require(failure.error().kind == ErrorKind::data, "a snapshot is refused as bad data", input);
    require(!failure.error().message.empty(), "a refused snapshot says why", input);
  }
  return 0;
}
