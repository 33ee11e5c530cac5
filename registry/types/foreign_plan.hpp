// Other countries' numbering plans as libphonenumber knows them, checked
// without libphonenumber: one automaton over the national number's digits
// per country calling code, derived from its metadata at build time by
// tools/foreign_tables.cpp (PhoneNumberUtil::IsValidNumber's steps, see
// there).
#pragma once

#include <string_view>

namespace numreg::plan {

enum class ForeignCheck { no_table, valid, invalid };

/// libphonenumber's verdict on the number +`code` `national`.
struct ForeignVerdict {
  ForeignCheck check = ForeignCheck::no_table;
  /// For an invalid number, the region GetRegionCodeForNumber names ("GB",
  /// "001"), or "" where it names none ("ZZ").
  std::string_view region;
};

/// The verdict IsValidNumber gives a PhoneNumber with country code `code`
/// and national number `national` (1 to 17 ASCII digits, the first not 0:
/// no Italian leading zero); no_table for a code with no table (unknown
/// ones, and 86).
ForeignVerdict check_foreign(int code, std::string_view national);

}  // namespace numreg::plan
