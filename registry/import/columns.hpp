// Which field a column holds: by field name or Chinese alias; and which kind
// a file holds, by its name's leading word.
#pragma once

#include <string_view>
#include <vector>

#include "registry/import/row.hpp"

namespace numreg::import {

/// The field of `kind` that a column called `header` holds ("uscc",
/// "USCC", "legal-rep-id", "统一社会信用代码"), or nullptr.
const Field* column_field(const Kind& kind, std::string_view header);

/// The field of each header cell (nullptr for a blank header, which is
/// ignored). Unknown, repeated and missing required columns are errors.
std::vector<const Field*> map_columns(const Kind& kind, const std::vector<Cell>& header,
                                      size_t count, std::vector<Error>& errors);

/// The kind a file name's leading word names: "holders.csv",
/// "leases-2019q2.csv", "/in/permits_hk.jsonl"; nullptr when none.
const Kind* kind_from_file_name(std::string_view path);

}  // namespace numreg::import
