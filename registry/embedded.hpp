// Files of schemas/ compiled into the binary.
#pragma once

#include <span>
#include <string_view>

namespace numreg {

/// One embedded file: its path below the source root ("schemas/...") and bytes.
struct EmbeddedFile {
  std::string_view path;
  std::string_view data;
};

/// Every embedded file, sorted by path.
std::span<const EmbeddedFile> embedded_files();

}  // namespace numreg
