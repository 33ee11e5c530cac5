// The number range a record's fields give: a permit's or a block's
// first..last, or a service number resource's own number. The ledger's
// checks and writes and every store's bulk insert read them alike.
#pragma once

#include <optional>

#include "registry/error.hpp"
#include "registry/model/record.hpp"
#include "registry/types/number.hpp"

namespace numreg {

/// The range of a record with the fields first and last (a permit, a
/// resource): first..last, last defaulting to first; the error of
/// parse_number_range when it does not read.
Result<NumberRange> first_last_range(const Record& record);

/// The number range a resource record stores, if any: a block's
/// first..last, or the number that is a service number resource's id (n95,
/// n96, n400); none for a circuit or line, or for a first..last that does
/// not read (a record that was not validated).
std::optional<NumberRange> resource_range(const Record& record);

}  // namespace numreg
