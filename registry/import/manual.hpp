// numreg-import(5), written from the record-kind schemas, so the manual
// cannot drift from what the importer reads.
#pragma once

#include <string>

namespace numreg::import {

/// The roff source of numreg-import(5).
std::string import_manual();

}  // namespace numreg::import
