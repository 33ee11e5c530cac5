// The end of a failed import, for `numreg import` and `numreg refusal import`
// alike: every error kept, then one line saying nothing was imported.
#pragma once

#include "cli/context.hpp"
#include "registry/import/importer.hpp"

namespace numreg::cli {

/// Print the errors of `report` and the closing line to standard error;
/// returns the exit code of bad input data.
int print_import_errors(Context& ctx, const import::ImportReport& report);

}  // namespace numreg::cli
