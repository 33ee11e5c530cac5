// Number ranges as integer intervals, indexed so that "which ranges cover N"
// is one index range probe per span class present, never a scan.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "registry/model/record.hpp"
#include "registry/store/database.hpp"
#include "registry/types/number.hpp"

namespace numreg::store {

/// The bit length of (last - first): a range of class c is shorter than 2^c.
int span_class(int64_t first_key, int64_t last_key);

/// Store a resource's number range (or clear it) and note its span class.
void set_resource_range(Database& db, const std::string& id,
                        const std::optional<NumberRange>& range);

/// Replace the permits of `lease` by `ranges`.
void replace_permits(Database& db, const std::string& lease,
                     const std::vector<NumberRange>& ranges);

/// Add one permit range to `lease`.
void insert_permit(Database& db, const std::string& lease, const NumberRange& range);

/// A SQL fragment joining span_classes AS c and `table` AS p so that p covers
/// the number bound at ?1: use as "FROM <fragment> WHERE ...".
std::string covering_join(const std::string& table);

}  // namespace numreg::store
