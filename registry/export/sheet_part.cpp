#include "registry/export/sheet_part.hpp"

namespace numreg {

std::string cell_text(const Cell& cell) {
  if (const auto* s = std::get_if<std::string>(&cell))
    return *s;
  if (const auto* n = std::get_if<int64_t>(&cell))
    return std::to_string(*n);
  if (const auto* d = std::get_if<Date>(&cell))
    return d->iso();
  return "";
}

}  // namespace numreg
