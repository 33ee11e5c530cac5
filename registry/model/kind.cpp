#include "registry/model/kind.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "registry/embedded.hpp"
#include "registry/error.hpp"

namespace numreg {

namespace {

constexpr std::string_view kDir = "schemas/import/";

// Dependency order: a kind refers only to kinds before it.
constexpr std::string_view kOrder[] = {"holders", "credentials", "resources", "leases",
                                       "permits", "contracts",   "campaigns", "refusals"};

struct TypeName {
  FieldType type;
  std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {FieldType::text, "text"},
    {FieldType::uscc, "uscc"},
    {FieldType::resident_id, "resident_id"},
    {FieldType::region, "region"},
    {FieldType::date, "date"},
    {FieldType::enum_, "enum"},
    {FieldType::boolean, "bool"},
    {FieldType::integer, "int"},
    {FieldType::number, "number"},
    {FieldType::numbers, "numbers"},
    {FieldType::callers, "callers"},
    {FieldType::time_windows, "time_windows"},
    {FieldType::ref, "ref"},
    {FieldType::resource_id, "resource_id"},
};

[[noreturn]] void schema_fail(std::string_view path, const std::string& what) {
  throw Failure(make_error(ErrorKind::internal, "schema", fmt::format("{}: {}", path, what)));
}

FieldType parse_type(std::string_view path, std::string_view name) {
  for (const auto& t : kTypeNames) {
    if (t.name == name) {
      return t.type;
    }
  }
  schema_fail(path, fmt::format("unknown field type '{}'", name));
}

template <class View>
std::vector<std::string> strings(const View& node) {
  std::vector<std::string> out;
  if (const auto* array = node.as_array()) {
    for (const auto& item : *array) {
      out.emplace_back(item.value_or(std::string_view{}));
    }
  }
  return out;
}

// The Chinese name of each enum value, which tables show and which input
// accepts too (so what people read they can type back).
void read_value_names(std::string_view path, const toml::table& t, Field& f) {
  const auto* map = t["value_names_zh"].as_table();
  if (!map)
    return;
  for (const auto& [k, v] : *map) {
    std::string value(k.str());
    std::string name = v.value_or(std::string{});
    if (std::find(f.values.begin(), f.values.end(), value) == f.values.end() || name.empty()) {
      schema_fail(path, fmt::format("{}: value_names_zh names '{}', not a value", f.name, value));
    }
    auto [it, fresh] = f.value_aliases.emplace(name, value);
    if (!fresh && it->second != value) {
      schema_fail(path,
                  fmt::format("{}: '{}' names both {} and {}", f.name, name, it->second, value));
    }
    f.value_names_zh.emplace(value, name);
  }
}

Field read_field(std::string_view path, const toml::table& t) {
  Field f;
  f.name = t["name"].value_or(std::string{});
  f.type = parse_type(path, t["type"].value_or(std::string_view{"text"}));
  f.required = t["required"].value_or(false);
  f.personal = t["personal"].value_or(false);
  f.stored = t["stored"].value_or(true);
  f.ref = t["ref"].value_or(std::string{});
  if (auto d = t["default"].value<std::string>()) {
    f.default_value = *d;
  }
  f.values = strings(t["values"]);
  f.aliases = strings(t["aliases"]);
  if (const auto* map = t["value_aliases"].as_table()) {
    for (const auto& [k, v] : *map) {
      f.value_aliases.emplace(std::string(k.str()), v.value_or(std::string{}));
    }
  }
  read_value_names(path, t, f);
  f.help = t["help"].value_or(std::string{});
  f.help_zh = t["help_zh"].value_or(std::string{});
  return f;
}

Kind read_kind(const EmbeddedFile& file) {
  toml::table doc;
  try {
    doc = toml::parse(file.data, file.path);
  } catch (const toml::parse_error& e) {
    schema_fail(file.path, std::string(e.description()));
  }
  Kind k;
  k.name = doc["kind"].value_or(std::string{});
  k.entity = doc["entity"].value_or(std::string{});
  k.table = doc["table"].value_or(k.name);
  k.title = doc["title"].value_or(std::string{});
  k.title_zh = doc["title_zh"].value_or(std::string{});
  k.key = strings(doc["key"]);
  k.list_columns = strings(doc["list_columns"]);
  if (const auto* fields = doc["fields"].as_array()) {
    for (const auto& node : *fields) {
      k.fields.push_back(read_field(file.path, *node.as_table()));
    }
  }
  return k;
}

int order_of(std::string_view name) {
  auto it = std::find(std::begin(kOrder), std::end(kOrder), name);
  return static_cast<int>(it - std::begin(kOrder));
}

std::vector<Kind> load_kinds() {
  std::vector<Kind> out;
  for (const auto& file : embedded_files()) {
    if (file.path.starts_with(kDir) && file.path.ends_with(".toml")) {
      out.push_back(read_kind(file));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Kind& a, const Kind& b) {
    return order_of(a.name) < order_of(b.name);
  });
  return out;
}

}  // namespace

std::string_view to_string(FieldType type) {
  for (const auto& t : kTypeNames) {
    if (t.type == type) {
      return t.name;
    }
  }
  return "text";
}

std::string Field::option() const {
  std::string out = "--" + name;
  std::replace(out.begin(), out.end(), '_', '-');
  return out;
}

const Field* Kind::field(std::string_view field_name) const {
  int i = index(field_name);
  return i < 0 ? nullptr : &fields[i];
}

int Kind::index(std::string_view field_name) const {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == field_name) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::vector<const Field*> Kind::stored_fields() const {
  std::vector<const Field*> out;
  for (const auto& f : fields) {
    if (f.stored) {
      out.push_back(&f);
    }
  }
  return out;
}

std::span<const Kind> kinds() {
  static const std::vector<Kind> all = load_kinds();
  return all;
}

const Kind* find_kind(std::string_view name) {
  for (const auto& k : kinds()) {
    if (k.name == name || k.entity == name) {
      return &k;
    }
  }
  return nullptr;
}

const Kind& kind(std::string_view name) {
  if (const Kind* k = find_kind(name)) {
    return *k;
  }
  std::vector<std::string_view> names;
  for (const auto& k : kinds()) {
    names.push_back(k.name);
  }
  throw Failure(make_error(
      ErrorKind::usage, "kind-unknown",
      fmt::format("unknown record kind '{}' (expected one of: {})", name, fmt::join(names, ", "))));
}

}  // namespace numreg
