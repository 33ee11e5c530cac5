#include "registry/table.hpp"

#include <algorithm>

#include "registry/text/width.hpp"

namespace numreg {

namespace {

std::string pad(const std::string& cell, int width) {
  return cell + std::string(std::max(0, width - display_width(cell)), ' ');
}

}  // namespace

std::string render_text(const Table& table, int max_width) {
  std::vector<std::vector<std::string>> all;
  all.push_back(table.columns);
  all.insert(all.end(), table.rows.begin(), table.rows.end());
  std::vector<int> widths(table.columns.size(), 0);
  for (auto& row : all) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      if (max_width > 0) row[c] = truncate_to_width(row[c], max_width);
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : all) {
    std::string line;
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      line += c + 1 < row.size() ? pad(row[c], widths[c]) + "  " : row[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace numreg
