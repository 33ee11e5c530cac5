#include "registry/table.hpp"

#include <algorithm>

#include "registry/text/printable.hpp"
#include "registry/text/width.hpp"

namespace numreg {

namespace {

constexpr int kGap = 2;
constexpr int kNarrowest = 8;
constexpr int kNarrowestCut = 3;

std::string pad(const std::string& cell, int width) {
  return cell + std::string(std::max(0, width - display_width(cell)), ' ');
}

std::vector<int> natural_widths(const Table& table) {
  std::vector<int> widths(table.columns.size(), 0);
  auto widen = [&](const std::vector<std::string>& row) {
    for (size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  };
  widen(table.columns);
  for (const auto& row : table.rows)
    widen(row);
  return widths;
}

std::string render_row(const std::vector<std::string>& row, const std::vector<int>& widths,
                       const TextLayout& layout, bool header) {
  std::string line;
  size_t n = std::min(row.size(), widths.size());
  for (size_t c = 0; c < n; ++c) {
    std::string cell =
        display_width(row[c]) > widths[c] ? truncate_to_width(row[c], widths[c]) : row[c];
    std::string text = c + 1 < n ? pad(cell, widths[c]) : cell;
    if (!header && layout.mark) {
      auto [before, after] = layout.mark(c, row[c]);
      if (!before.empty()) {
        // The mark wraps the cell's text; the padding stays outside it.
        std::string padding = text.substr(cell.size());
        text = before;
        text.append(cell).append(after).append(padding);
      }
    }
    line += text;
    if (c + 1 < n)
      line += std::string(kGap, ' ');
  }
  while (!line.empty() && line.back() == ' ')
    line.pop_back();
  return line + "\n";
}

}  // namespace

namespace {

// Take columns one at a time from the widest column above its floor, until
// `total` fits `width` or no column can give.
void shrink(std::vector<int>& widths, const std::vector<int>& floor, int& total, int width) {
  while (total > width) {
    size_t widest = widths.size();
    for (size_t c = 0; c < widths.size(); ++c) {
      if (widths[c] > floor[c] && (widest == widths.size() || widths[c] > widths[widest])) {
        widest = c;
      }
    }
    if (widest == widths.size())
      return;
    --widths[widest];
    --total;
  }
}

}  // namespace

std::vector<int> fit_columns(const Table& table, int width) {
  std::vector<int> widths = natural_widths(table);
  if (width <= 0 || widths.empty())
    return widths;
  int total = kGap * static_cast<int>(widths.size() - 1);
  for (int w : widths)
    total += w;
  // The first column is the key a reader looks rows up by: it gives last.
  // Others give down to kNarrowest, then down to kNarrowestCut.
  for (int narrowest : {kNarrowest, kNarrowestCut}) {
    std::vector<int> floor(widths.size());
    for (size_t c = 0; c < widths.size(); ++c) {
      floor[c] = c == 0 ? widths[0] : std::min(widths[c], narrowest);
    }
    shrink(widths, floor, total, width);
  }
  std::vector<int> floor(widths.size());
  for (size_t c = 0; c < widths.size(); ++c)
    floor[c] = std::min(widths[c], kNarrowestCut);
  shrink(widths, floor, total, width);
  return widths;
}

std::string render_text(const Table& raw, const TextLayout& layout) {
  // Stored values are shown, never obeyed: an escape sequence or a line
  // break in a cell must not reach the terminal as one.
  Table table = raw;
  for (auto& cell : table.columns)
    cell = printable(cell);
  for (auto& row : table.rows) {
    for (auto& cell : row)
      cell = printable(cell);
  }
  std::vector<int> widths = fit_columns(table, layout.width);
  std::string out = render_row(table.columns, widths, layout, true);
  for (const auto& row : table.rows)
    out += render_row(row, widths, layout, false);
  return out;
}

std::string render_text(const Table& table, int max_width) {
  if (max_width <= 0)
    return render_text(table, TextLayout{});
  Table cut = table;
  for (auto& cell : cut.columns)
    cell = truncate_to_width(cell, max_width);
  for (auto& row : cut.rows) {
    for (auto& cell : row)
      cell = truncate_to_width(cell, max_width);
  }
  return render_text(cut, TextLayout{});
}

}  // namespace numreg
