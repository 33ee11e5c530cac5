// One row of a store's answer, read by column: what the rule queries, the
// audit sheet and the inspections hand to the core, whatever the store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace numreg::store {

class Row {
 public:
  /// True when `column` holds no value.
  virtual bool is_null(int column) const = 0;
  /// The text of `column` ("" for no value).
  virtual std::string text(int column) const = 0;
  /// The text of `column` without a copy, valid until the next row.
  virtual std::string_view view(int column) const = 0;
  /// The integer of `column` (0 for no value).
  virtual int64_t integer(int column) const = 0;
  /// The text of `column`, or nullopt for no value.
  std::optional<std::string> optional_text(int column) const {
    return is_null(column) ? std::nullopt : std::optional<std::string>(text(column));
  }

 protected:
  ~Row() = default;
};

}  // namespace numreg::store
