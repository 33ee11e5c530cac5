// Validation of records: field texts, required fields, and the shape rules
// each kind has (a lease ends after it starts; a block is a range).
#include <algorithm>

#include <fmt/format.h>

#include "registry/ledger.hpp"
#include "registry/model/record_range.hpp"

namespace numreg {

namespace {

Error field_error(const Field& field, std::string code, std::string message) {
  Error e = data_error(std::move(code), std::move(message));
  e.field = field.name;
  return e;
}

// A required field whose text could not be read already has its error.
void check_required(const Record& r, std::vector<Error>& errors) {
  auto reported = [&](const std::string& name) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const Error& e) { return e.field == name; });
  };
  for (size_t i = 0; i < r.kind->fields.size(); ++i) {
    const Field& f = r.kind->fields[i];
    if (f.required && !r.values[i] && !reported(f.name)) {
      errors.push_back(field_error(f, "required", fmt::format("{} is required", f.name)));
    }
  }
}

void check_date_order(const Record& r, std::string_view from, std::string_view to,
                      std::vector<Error>& errors) {
  auto a = r.get(from);
  auto b = r.get(to);
  if (a && b && *b < *a) {
    Error e = data_error("date-order", fmt::format("{} {} is before {} {}", to, *b, from, *a));
    e.field = std::string(to);
    e.value = *b;
    errors.push_back(e);
  }
}

void check_resource(const Record& r, std::vector<Error>& errors) {
  std::string kind = r.text("kind");
  const Field& id_field = *r.kind->field("id");
  bool service = kind == "n95" || kind == "n96" || kind == "n400" || kind == "n800";
  if (service) {
    auto n = parse_number(r.text("id"));
    if (!n || to_string(n->type) != kind) {
      errors.push_back(
          field_error(id_field, "resource-number",
                      fmt::format("a {} resource's id is its number; '{}' is not a {} number", kind,
                                  r.text("id"), kind.substr(1))));
    }
    return;
  }
  bool has_range = r.get("first") || r.get("last");
  if (kind == "block") {
    if (!r.get("first") || !r.get("last")) {
      errors.push_back(field_error(*r.kind->field("first"), "block-range",
                                   "a block needs its first and last numbers"));
      return;
    }
    auto range = first_last_range(r);
    if (!range) {
      Error e = range.error();
      e.field = "last";
      errors.push_back(e);
    }
  } else if (has_range) {
    errors.push_back(field_error(*r.kind->field("first"), "resource-range",
                                 fmt::format("a {} has no number range (only blocks do)", kind)));
  }
}

}  // namespace

Record Ledger::build(const Kind& kind, const RawValues& raw, const Change& change,
                     std::vector<Error>& errors) const {
  Record r(kind);
  ValueContext ctx{clock_.today, change.allow_bad_uscc_check};
  for (const auto& [name, text] : raw) {
    const Field* f = kind.field(name);
    if (!f) {
      errors.push_back(
          data_error("field-unknown", fmt::format("{} has no field '{}'", kind.name, name)));
      continue;
    }
    if (trim(text).empty()) {
      continue;
    }
    auto value = canonical_value(*f, text, ctx);
    if (value) {
      // A retired region code is stored as its successor; the journal keeps
      // the code as written (a name written is not a code, so nothing to keep).
      if (f->type == FieldType::region && all_digits(trim(text)) && trim(text) != *value) {
        r.as_written.emplace_back(name, std::string(trim(text)));
      }
      r.set(name, *value);
    } else {
      errors.push_back(value.error());
    }
  }
  for (size_t i = 0; i < kind.fields.size(); ++i) {
    if (!r.values[i] && kind.fields[i].default_value) {
      r.values[i] = kind.fields[i].default_value;
    }
  }
  // A permit of one number is stored as first..first.
  if (kind.name == "permits" && r.get("first") && !r.get("last")) {
    r.set("last", r.get("first"));
  }
  return r;
}

void Ledger::check(const Record& r, std::vector<Error>& errors) const {
  check_required(r, errors);
  const std::string& name = r.kind->name;
  if (name == "leases") {
    check_date_order(r, "start", "end", errors);
  } else if (name == "credentials") {
    check_date_order(r, "valid_from", "valid_to", errors);
  } else if (name == "resources") {
    check_resource(r, errors);
  } else if (name == "permits" && r.get("first")) {
    auto range = first_last_range(r);
    if (!range) {
      Error e = range.error();
      e.field = "last";
      errors.push_back(e);
    }
  }
}

void Ledger::check_references(const Record& r, std::vector<Error>& errors) {
  missing_references(
      r,
      [this](const Kind& target, const std::string& key) { return store_->exists(target, {key}); },
      errors);
}

}  // namespace numreg
