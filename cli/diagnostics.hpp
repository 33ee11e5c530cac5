// Printing errors: "numreg: error: ..." or "FILE:LINE:COLUMN: error[CODE]: ...",
// and with --json one JSON object a line as well.
#pragma once

#include <iosfwd>

#include "registry/error.hpp"

namespace numreg::cli {

/// The one-line text of an error, without the "numreg: error: " prefix.
std::string describe(const Error& error);

/// Print `error` to `err`; with `json`, also as a JSON object line.
void print_error(std::ostream& err, const Error& error, bool json);

}  // namespace numreg::cli
