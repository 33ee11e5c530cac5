// The number range a record's fields give: a permit's or a block's
// first..last, or a service number resource's own number. The ledger's
// checks and writes and every store's bulk insert read them alike.
#pragma once

#include "registry/error.hpp"
#include "registry/model/record.hpp"
#include "registry/types/number.hpp"

namespace numreg {

/// The range of a record with the fields first and last (a permit, a
/// resource): first..last, last defaulting to first; the error of
/// parse_number_range when it does not read.
Result<NumberRange> first_last_range(const Record& record);

}  // namespace numreg
