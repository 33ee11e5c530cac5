// A small RFC 4180 reader for the inspector's results (UTF-8, BOM allowed).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "registry/error.hpp"

namespace numreg {

/// One CSV row with the line it starts on.
struct CsvRow {
  long line = 0;
  std::vector<std::string> cells;
};

/// Split `text` into rows. Errors: code "csv-quote" for an unclosed quote,
/// located at `file` and the line where the field started.
Result<std::vector<CsvRow>> read_csv(std::string_view text, const std::string& file);

}  // namespace numreg
