// The neutral shape of every list and report: columns and rows of text.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
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

/// How to lay a table out for a screen.
struct TextLayout {
  /// The width of the screen in columns; 0: no limit. When the table is
  /// wider, its widest columns are cut (with "…") until it fits.
  int width = 0;
  /// Text to put before and after a body cell (`column`, cell text), such as
  /// a colour; it takes no room on the screen.
  std::function<std::pair<std::string, std::string>(size_t column, std::string_view cell)> mark;
};

/// Render `table` as aligned columns laid out by `layout`.
std::string render_text(const Table& table, const TextLayout& layout);

/// The display width of each column after fitting `table` into `width`
/// columns (0: no limit): the widest columns give first, down to 8 columns,
/// then to 3; the first column (the key) gives last. A screen too narrow even
/// for that is overflowed.
std::vector<int> fit_columns(const Table& table, int width);

}  // namespace numreg
