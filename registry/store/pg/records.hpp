// Pieces of SQL the PostgreSQL store's files share.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/pg/connection.hpp"

namespace numreg::store::pg {

/// What the roles let a clerk change: the reason a refusal of another
/// carrier's record gives.
inline constexpr std::string_view kCarrierPolicy =
    "its roles let it change only its own carriers' records";
/// What the roles let an inspector change: the reason a refusal of another
/// inspector's inspection gives.
inline constexpr std::string_view kInspectorPolicy =
    "its roles let it record results only of its own inspections";

/// `values` as a PostgreSQL array literal of text ("{\"a\",\"b\"}"), for a
/// `$n::text[]` parameter.
std::string text_array(const std::vector<std::string>& values);

/// `name` quoted as an SQL identifier.
std::string quoted_name(std::string_view name);

/// SQL giving one row when a row of `kind` has the key bound as $1, $2, ...
std::string exists_sql(const Kind& kind);

/// The value of field `f` in `column` of the current row (booleans as true/false).
std::optional<std::string> read_value(const Result& r, int column, const Field& f);

/// The value of field `f` as stored (booleans as 1/0).
std::optional<std::string> stored_value(const Field& f, const std::optional<std::string>& v);

}  // namespace numreg::store::pg
