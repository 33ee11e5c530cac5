// Record kinds and their fields, read from schemas/import/*.toml: the one
// table behind import, export headers, CLI options, JSON keys and the man page.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace numreg {

/// How a field's text is read and stored.
enum class FieldType {
  text,          // free text
  uscc,          // GB 32100 code
  resident_id,   // GB 11643 number
  region,        // GB/T 2260 code, name or pinyin -> code
  date,          // ISO date
  enum_,         // one of `values`
  boolean,       // true/false, yes/no, 是/否, 1/0 -> "true"/"false"
  integer,       // decimal integer
  number,        // telephone number -> canonical
  numbers,       // ';'-separated telephone numbers
  callers,       // ';'-separated numbers or ranges first..last
  time_windows,  // "09:00-12:00;14:00-20:00"
  ref,           // key of a record of kind `ref`
  resource_id,   // a circuit/line ID, or a service number (canonicalised)
};

/// "text", "uscc", ... as written in the schema files.
std::string_view to_string(FieldType type);

/// One field of a record kind.
struct Field {
  std::string name;  // snake_case: the import column, JSON key and SQL column
  FieldType type = FieldType::text;
  bool required = false;
  bool personal = false;  // masked on output unless unmasked
  bool stored = true;     // false: derived (leases.permitted_callers)
  std::string ref;        // with type ref: the kind referred to
  std::optional<std::string> default_value;
  std::vector<std::string> values;                    // with enum: allowed values
  std::map<std::string, std::string> value_aliases;   // 营销 -> marketing
  std::map<std::string, std::string> value_names_zh;  // marketing -> 营销: how people read it
  std::vector<std::string> aliases;                   // Chinese column headers
  std::string help;
  std::string help_zh;

  /// The option name: "--legal-rep-id" for legal_rep_id.
  std::string option() const;
};

/// One record kind: holders, credentials, resources, leases, permits, ...
struct Kind {
  std::string name;    // plural: "holders"
  std::string entity;  // singular: "holder"
  std::string table;
  std::string title;
  std::string title_zh;
  std::vector<std::string> key;
  std::vector<std::string> list_columns;  // the fields a list shows at a terminal
  std::vector<Field> fields;

  /// The field called `name`, or nullptr.
  const Field* field(std::string_view name) const;
  /// The index of field `name`, or -1.
  int index(std::string_view name) const;
  /// The fields stored in the kind's SQL table, in schema order.
  std::vector<const Field*> stored_fields() const;
};

/// Every record kind, in dependency order (holders before leases ...).
std::span<const Kind> kinds();

/// The kind named `name` (plural or singular), or nullptr.
const Kind* find_kind(std::string_view name);

/// The kind named `name`; throws a usage Failure naming the known kinds.
const Kind& kind(std::string_view name);

}  // namespace numreg
