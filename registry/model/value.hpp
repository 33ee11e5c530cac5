// Reading one field's text into its canonical stored form, and masking it.
#pragma once

#include <string>
#include <string_view>

#include "registry/error.hpp"
#include "registry/model/kind.hpp"
#include "registry/text/strings.hpp"
#include "registry/types/date.hpp"

namespace numreg {

/// What value checks depend on besides the text.
struct ValueContext {
  Date today;
  bool allow_bad_uscc_check = false;  // accept a USCC whose check character is wrong
};

/// Canonicalise a non-empty `text` for `field`: "0898-6612 3456" ->
/// "+8689866123456", "儋州" -> "460400", "是" -> "true", "营销" -> "marketing".
/// The error names the field and the value (masked when personal).
Result<std::string> canonical_value(const Field& field, std::string_view text,
                                    const ValueContext& context);

/// Parse "09:00-12:00;14:00-20:00" into canonical form. Errors: "time-windows".
Result<std::string> parse_time_windows(std::string_view text);

/// Read a boolean: true/false, yes/no, y/n, 是/否, 1/0. Errors: "bool-form".
Result<bool> parse_bool(std::string_view text);

/// The display form of a personal value: resident IDs keep 6+4, phone numbers
/// in free text keep their first 3 and last 4 digits.
std::string mask_value(const Field& field, std::string_view value);

}  // namespace numreg
