#include "registry/model/record_range.hpp"

namespace numreg {

Result<NumberRange> first_last_range(const Record& record) {
  const std::string last = record.get("last").value_or(record.text("first"));
  return parse_number_range(record.text("first") + ".." + last);
}

std::optional<NumberRange> resource_range(const Record& record) {
  if (record.get("first")) {
    auto range = first_last_range(record);
    if (!range)
      return std::nullopt;
    return std::move(*range);
  }
  const std::string& id = record.text("id");
  // A circuit or line ID ("TRK-460400-0001") is not a number: parse_number
  // takes digits, '+' and separators only, and would only build its error.
  for (char c : id) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
      return std::nullopt;
  }
  if (auto n = parse_number(id); n && n->is_service())
    return NumberRange{*n, *n};
  return std::nullopt;
}

}  // namespace numreg
