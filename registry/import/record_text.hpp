// A record's journal JSON written directly: the same text as
// Record::to_json(false).dump(), without building a JSON tree per record
// (the import's hot path journals every record).
#pragma once

#include <string>

#include "registry/model/record.hpp"

namespace numreg::import {

/// Append to `out` the text of Record::to_json(false).dump() for `record`.
void append_record_json(const Record& record, std::string& out);

}  // namespace numreg::import
