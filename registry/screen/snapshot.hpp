// The screening index in a binary file, so that workers screen shards of a
// day's call records without the registry.
#pragma once

#include <string>

#include "registry/screen/screen_index.hpp"

namespace numreg::screen {

/// Write `index` to a new file `path` (replacing it). Errors: cant_create, io.
void write_snapshot(const ScreenIndex& index, const std::string& path);

/// Read an index written by write_snapshot. Errors: no_input (missing file),
/// data (not a snapshot, or a damaged one), io.
ScreenIndex read_snapshot(const std::string& path);

}  // namespace numreg::screen
