#include "registry/model/record_range.hpp"

namespace numreg {

Result<NumberRange> first_last_range(const Record& record) {
  const std::string last = record.get("last").value_or(record.text("first"));
  return parse_number_range(record.text("first") + ".." + last);
}

}  // namespace numreg
