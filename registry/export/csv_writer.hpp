// The audit sheet as CSV for people: three titled sections, cells that a
// spreadsheet could read as a formula escaped with a leading apostrophe.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "registry/audit/sheet.hpp"
#include "registry/export/sheet_writer.hpp"

namespace numreg {

/// `text` safe for a spreadsheet: a leading =, +, -, @, tab or CR gets an
/// apostrophe before it.
std::string spreadsheet_safe(std::string_view text);

/// `text` as one RFC 4180 field (quoted when it holds , " CR or LF).
std::string csv_field(std::string_view text);

/// Writes each sheet as a section of one CSV text: a title line, a header
/// row and its rows, sections separated by an empty line.
class CsvSheetWriter : public SheetWriter {
 public:
  explicit CsvSheetWriter(std::ostream& out) : out_(out) {}
  void begin(const SheetPart& part) override;
  void row(const std::vector<Cell>& cells) override;
  void end() override {}

 private:
  std::ostream& out_;
  bool first_ = true;
  std::vector<std::string> cells_;
};

/// Write the Summary, Sample and Findings sections, each a title line, a
/// header row and its rows, separated by an empty line.
void write_csv(std::ostream& out, const AuditSheet& sheet);

}  // namespace numreg
