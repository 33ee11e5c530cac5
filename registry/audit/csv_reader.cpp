#include "registry/audit/csv_reader.hpp"

#include <fmt/format.h>

namespace numreg {

Result<std::vector<CsvRow>> read_csv(std::string_view text, const std::string& file) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row{1, {}};
  std::string field;
  long line = 1;
  long quote_line = 0;
  bool quoted = false;
  bool any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n')
          ++line;
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == ',') {
      row.cells.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
      if (any || !field.empty())
        row.cells.push_back(std::move(field));
      rows.push_back(std::move(row));
      field.clear();
      any = false;
      row = CsvRow{++line, {}};
    } else {
      field += c;
    }
  }
  if (quoted) {
    Error e = data_error("csv-quote", "a quoted field is not closed");
    e.where = {file, quote_line, 1};  // the line the quoted field starts on
    return tl::unexpected(e);
  }
  if (any || !field.empty()) {
    row.cells.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace numreg
