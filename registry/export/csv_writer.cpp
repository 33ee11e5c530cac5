#include "registry/export/csv_writer.hpp"

namespace numreg {

namespace {

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  for (size_t i = 0; i < cells.size(); ++i) {
    out << (i ? "," : "") << csv_field(spreadsheet_safe(cells[i]));
  }
  out << "\r\n";
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

void CsvSheetWriter::begin(const SheetPart& part) {
  if (!first_)
    out_ << "\r\n";
  first_ = false;
  out_ << csv_field(part.name) << "\r\n";
  cells_.clear();
  for (const auto& c : part.columns)
    cells_.push_back(c.header);
  write_row(out_, cells_);
}

void CsvSheetWriter::row(const std::vector<Cell>& cells) {
  cells_.clear();
  for (const auto& cell : cells)
    cells_.push_back(cell_text(cell));
  write_row(out_, cells_);
}

void write_csv(std::ostream& out, const AuditSheet& sheet) {
  CsvSheetWriter writer(out);
  write_parts(writer, sheet.parts());
}

}  // namespace numreg
