#include "registry/model/record.hpp"

#include <fmt/format.h>

#include "registry/model/value.hpp"

namespace numreg {

namespace {

nlohmann::ordered_json typed(const Field& field, const std::string& value) {
  if (field.type == FieldType::integer) {
    return std::stoll(value);
  }
  if (field.type == FieldType::boolean) {
    return value == "true";
  }
  return value;
}

}  // namespace

const std::optional<std::string>& Record::get(std::string_view name) const {
  static const std::optional<std::string> none;
  int i = kind ? kind->index(name) : -1;
  return i < 0 ? none : values[i];
}

void Record::set(std::string_view name, std::optional<std::string> value) {
  int i = kind->index(name);
  if (i >= 0) {
    values[i] = std::move(value);
  }
}

std::string Record::key() const {
  std::string out;
  for (const auto& k : kind->key) {
    if (!out.empty())
      out += '/';
    out += text(k);
  }
  return out;
}

nlohmann::ordered_json Record::to_json(bool unmask) const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (size_t i = 0; i < kind->fields.size(); ++i) {
    const Field& f = kind->fields[i];
    const auto& v = values[i];
    if (!v) {
      out[f.name] = nullptr;
    } else if (f.personal && !unmask) {
      out[f.name] = mask_value(f, *v);
    } else {
      out[f.name] = typed(f, *v);
    }
  }
  if (!as_written.empty()) {
    nlohmann::ordered_json written = nlohmann::ordered_json::object();
    for (const auto& [field, text] : as_written) {
      written[field] = text;
    }
    out["as_written"] = std::move(written);
  }
  return out;
}

void missing_references(const Record& record, const KeyExists& exists, std::vector<Error>& errors) {
  for (const auto& f : record.kind->fields) {
    const auto& v = record.get(f.name);
    if (f.type != FieldType::ref || !v)
      continue;
    const Kind& target = kind(f.ref);
    if (exists(target, *v))
      continue;
    Error e =
        data_error("ref-missing", fmt::format("no {} '{}' in the registry", target.entity, *v));
    e.field = f.name;
    e.value = *v;
    errors.push_back(std::move(e));
  }
}

}  // namespace numreg
