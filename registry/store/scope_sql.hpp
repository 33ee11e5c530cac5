// SQL conditions shared by the stores' queries (SQLite's and PostgreSQL's):
// a lease active on a date, and what an audit's scope covers. Conditions are
// truth values in both dialects (TRUE, never a bare 1).
#pragma once

#include <string>

#include "registry/rules/scope.hpp"

namespace numreg::store {

/// SQL condition: lease alias `l` is active on the date bound at `param`.
/// `param` appears twice: with "?" bind the date twice; "?2" binds once.
std::string active_on_sql(const std::string& alias, const std::string& param);

/// SQL condition: column `column` holds a region within `code`.
std::string region_sql(const std::string& column, const std::string& code);

/// SQL condition: lease alias `l` lies in the scope (any status, any date).
std::string lease_scope_sql(const AuditScope& scope, const std::string& l);

/// SQL condition: holder alias `h` lies in the scope: it is the holder asked
/// for, and it has a lease in the scope's regions and kinds (or is registered
/// in one of the regions when no kind is asked for).
std::string holder_scope_sql(const AuditScope& scope, const std::string& h);

}  // namespace numreg::store
