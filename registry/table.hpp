// The neutral shape of every list and report: columns and rows of text.
#pragma once

#include <string>
#include <vector>

namespace numreg {

/// A table to render as aligned text, CSV or JSON by the front end.
struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
};

/// Render `table` as aligned columns (two spaces apart, CJK counted double
/// width), header first; columns wider than `max_width` are cut with "…"
/// when `max_width` > 0.
std::string render_text(const Table& table, int max_width = 0);

}  // namespace numreg
