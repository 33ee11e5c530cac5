// TOML through toml++: arrays of tables, one per kind ([[holders]] ...).
#include <fmt/format.h>
#include <toml++/toml.h>

#include "registry/import/document_reader.hpp"

namespace numreg::import {

namespace {

Location node_location(const toml::node& n, const std::string& name) {
  const auto& b = n.source().begin;
  return Location{name, static_cast<long>(b.line ? b.line : 1),
                  static_cast<long>(b.column ? b.column : 1)};
}

std::string_view type_name(const toml::node& n) {
  if (n.is_table())
    return "table";
  if (n.is_array())
    return "array";
  return "value";
}

Error shape_error(const toml::node& n, const std::string& name, std::string_view expected) {
  return error_at(node_location(n, name), "document-shape",
                  fmt::format("expected {}, found a TOML {}", expected, type_name(n)));
}

// A TOML scalar as text; floats are refused, since a number may have lost
// its digits to them ("8.98661E+11").
std::optional<std::string> scalar_text(const toml::node& n, const std::string& name,
                                       std::vector<Error>& errors) {
  if (auto s = n.value<std::string>(); s && n.is_string())
    return *s;
  if (n.is_integer())
    return std::to_string(*n.value<int64_t>());
  if (n.is_boolean())
    return *n.value<bool>() ? "true" : "false";
  if (n.is_date()) {
    auto d = *n.value<toml::date>();
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
  }
  if (n.is_floating_point()) {
    errors.push_back(error_at(node_location(n, name), "toml-float",
                              "a decimal number cannot be read exactly: write it as a quoted "
                              "string"));
    return std::nullopt;
  }
  errors.push_back(shape_error(n, name, "a value"));
  return std::nullopt;
}

void read_record(DocumentReader& doc, const toml::table& t, const Kind& kind,
                 const std::string& name, std::vector<Error>& errors) {
  Row& row = doc.add_row(kind, node_location(t, name));
  for (const auto& [key, node] : t) {
    std::optional<std::string> text;
    size_t before = errors.size();
    if (const auto* list = node.as_array()) {
      std::string joined;
      bool ok = true;
      for (const auto& item : *list) {
        auto v = scalar_text(item, name, errors);
        if (!v) {
          ok = false;
          break;
        }
        joined += (joined.empty() ? "" : ";") + *v;
      }
      if (ok)
        text = joined;
    } else {
      text = scalar_text(node, name, errors);
    }
    for (size_t i = before; i < errors.size(); ++i) {
      errors[i].field = std::string(key.str());
    }
    if (text)
      doc.add_cell(row, key.str(), *text, node_location(node, name),
                   Location{name, static_cast<long>(key.source().begin.line),
                            static_cast<long>(key.source().begin.column)},
                   errors);
  }
}

}  // namespace

std::unique_ptr<DocumentReader> read_toml(std::string_view text, const std::string& name,
                                          const Kind*, const Limits&, std::vector<Error>& errors) {
  auto doc = std::make_unique<DocumentReader>();
  doc->bytes_ = text.size();
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    errors.push_back(
        error_at(Location{name, static_cast<long>(b.line), static_cast<long>(b.column)},
                 "toml-syntax", fmt::format("invalid TOML: {}", e.description())));
    return doc;
  }
  for (const auto& [key, node] : root) {
    const Kind* kind = doc->top_kind(key.str(), node_location(node, name), errors);
    if (!kind)
      continue;
    const auto* list = node.as_array();
    if (!list) {
      errors.push_back(
          shape_error(node, name, fmt::format("a list of records ([[{}]])", key.str())));
      continue;
    }
    for (const auto& item : *list) {
      if (const auto* t = item.as_table()) {
        read_record(*doc, *t, *kind, name, errors);
      } else {
        errors.push_back(shape_error(item, name, "a record (a table)"));
      }
    }
  }
  return doc;
}

}  // namespace numreg::import
