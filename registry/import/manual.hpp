// numreg-import(5), written from the record-kind schemas, so the manual
// cannot drift from what the importer reads.
#pragma once

#include <string>

#include "registry/i18n/language.hpp"

namespace numreg::import {

/// The roff source of numreg-import(5), in English or Chinese.
std::string import_manual(i18n::Lang lang = i18n::Lang::en);

}  // namespace numreg::import
