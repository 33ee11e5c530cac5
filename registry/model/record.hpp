// A record of any kind: canonical text values by field, and its JSON form.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/error.hpp"
#include "registry/model/kind.hpp"

namespace numreg {

/// One record: a value (canonical text) or nothing for each field of its kind.
struct Record {
  const Kind* kind = nullptr;
  std::vector<std::optional<std::string>> values;
  /// Text as written for values stored in another form that names something
  /// else than the text did at first sight: a retired region code stored as
  /// its successor ("460005" stored as "469005"). Field name and text; the
  /// journal keeps them under "as_written", the tables do not.
  std::vector<std::pair<std::string, std::string>> as_written;

  Record() = default;
  explicit Record(const Kind& k) : kind(&k), values(k.fields.size()) {}

  /// The value of field `name`; nullopt when empty or unknown.
  const std::optional<std::string>& get(std::string_view name) const;
  /// The value of field `name`, or "".
  std::string text(std::string_view name) const { return get(name).value_or(""); }
  void set(std::string_view name, std::optional<std::string> value);
  /// The key fields' values joined by '/': "9146...T/vas_licence/琼B2-20170044".
  std::string key() const;
  /// A JSON object keyed by field name: integers as numbers, booleans as
  /// true/false, empty values as null, personal values masked unless `unmask`;
  /// then "as_written": {field: text} when `as_written` is not empty.
  nlohmann::ordered_json to_json(bool unmask = false) const;
};

/// Whether a record of `kind` with key `key` exists, wherever it is looked up.
using KeyExists = std::function<bool(const Kind& kind, const std::string& key)>;

/// A ref-missing error ("no holder '...' in the registry", with its field and
/// value) for each reference of `record` that `exists` does not find.
void missing_references(const Record& record, const KeyExists& exists, std::vector<Error>& errors);

}  // namespace numreg
