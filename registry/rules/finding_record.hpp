// A finding as one record of a spool (registry/util/record_spool): its
// fields in order, each its length (four bytes, little-endian) and its
// bytes, the severity as "e" or "w". The audit's spools and the sorted runs
// of a rule's findings both keep findings this way.
#pragma once

#include <string>
#include <string_view>

#include "registry/rules/rule.hpp"

namespace numreg {

/// Set `out` to the record of `finding`.
void encode_finding(const Finding& finding, std::string& out);

/// Read `record` into `finding`; false when it is not a whole finding.
bool decode_finding(std::string_view record, Finding& finding);

}  // namespace numreg
