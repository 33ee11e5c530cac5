#include "registry/export/csv_writer.hpp"

namespace numreg {

namespace {

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    out << (i ? "," : "") << csv_field(spreadsheet_safe(cells[i]));
  }
  out << "\r\n";
}

void write_part(std::ostream& out, const SheetPart& part) {
  out << csv_field(part.name) << "\r\n";
  std::vector<std::string> header;
  for (const auto& c : part.columns)
    header.push_back(c.header);
  write_row(out, header);
  for (const auto& row : part.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row)
      cells.push_back(cell_text(cell));
    write_row(out, cells);
  }
}

}  // namespace

std::string spreadsheet_safe(std::string_view text) {
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    std::string out(1, '\'');
    out.append(text);
    return out;
  }
  return std::string(text);
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos)
    return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"')
      out += '"';
  }
  return out + "\"";
}

void write_csv(std::ostream& out, const AuditSheet& sheet) {
  write_part(out, sheet.summary);
  out << "\r\n";
  write_part(out, sheet.sample);
  out << "\r\n";
  write_part(out, sheet.findings);
}

}  // namespace numreg
