#include "registry/export/sheet_writer.hpp"

namespace numreg {

void write_parts(SheetWriter& writer, const std::vector<const SheetPart*>& parts) {
  for (const SheetPart* part : parts) {
    writer.begin(*part);
    for (const auto& row : part->rows)
      writer.row(row);
    writer.end();
  }
}

void SheetCollector::begin(const SheetPart& part) {
  parts.push_back(part);
  parts.back().rows.clear();
}

}  // namespace numreg
