// Sheets handed over one at a time, row by row, so that a writer need not
// hold a sheet's rows: the XLSX and CSV writers stream them out.
#pragma once

#include <vector>

#include "registry/export/sheet_part.hpp"

namespace numreg {

/// Takes the sheets of a workbook in order, each row by row.
class SheetWriter {
 public:
  virtual ~SheetWriter() = default;
  /// Start sheet `part`: its name, columns and layout (its rows are not read).
  virtual void begin(const SheetPart& part) = 0;
  /// Take one row of the current sheet.
  virtual void row(const std::vector<Cell>& cells) = 0;
  /// End the current sheet.
  virtual void end() = 0;
};

/// Hand each of `parts` to `writer`, rows and all.
void write_parts(SheetWriter& writer, const std::vector<const SheetPart*>& parts);

/// Keeps the sheets it is given, rows and all.
class SheetCollector : public SheetWriter {
 public:
  void begin(const SheetPart& part) override;
  void row(const std::vector<Cell>& cells) override { parts.back().rows.push_back(cells); }
  void end() override {}

  std::vector<SheetPart> parts;
};

}  // namespace numreg
