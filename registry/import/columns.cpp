#include "registry/import/columns.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "registry/model/value.hpp"

namespace numreg::import {

namespace {

// "Legal-Rep ID" -> "legal_rep_id".
std::string normal_name(std::string_view text) {
  std::string out;
  for (char c : trim(text)) {
    if (c == '-' || c == ' ') {
      out += '_';
    } else {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return out;
}

std::string field_names(const Kind& kind) {
  std::vector<std::string> names;
  for (const auto& f : kind.fields)
    names.push_back(f.name);
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

Error error_at(const Location& where, std::string code, std::string message) {
  Error e = data_error(std::move(code), std::move(message));
  e.where = where;
  return e;
}

const Field* column_field(const Kind& kind, std::string_view header) {
  std::string name = normal_name(header);
  std::string_view plain = trim(header);
  for (const auto& f : kind.fields) {
    if (f.name == name || std::find(f.aliases.begin(), f.aliases.end(), plain) != f.aliases.end()) {
      return &f;
    }
  }
  return nullptr;
}

std::vector<const Field*> map_columns(const Kind& kind, const std::vector<Cell>& header,
                                      size_t count, std::vector<Error>& errors) {
  std::vector<const Field*> fields(count, nullptr);
  for (size_t i = 0; i < count; ++i) {
    const Cell& c = header[i];
    if (trim(c.text).empty())
      continue;
    fields[i] = column_field(kind, c.text);
    if (!fields[i]) {
      errors.push_back(error_at(c.where, "column-unknown",
                                fmt::format("{} has no column '{}' (expected a field name: {}; or "
                                            "its Chinese name, see numreg-import(5))",
                                            kind.name, c.text, field_names(kind))));
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (fields[j] == fields[i]) {
        errors.push_back(error_at(c.where, "column-repeated",
                                  fmt::format("column '{}' repeats column {} ('{}'), both {}",
                                              c.text, j + 1, header[j].text, fields[i]->name)));
      }
    }
  }
  for (const auto& f : kind.fields) {
    if (f.required && !f.default_value &&
        std::find(fields.begin(), fields.end(), &f) == fields.end()) {
      Location where = count > 0 ? header[0].where : Location{};
      errors.push_back(error_at(
          where, "column-missing",
          fmt::format(
              "required column '{}' is missing ({})", f.name,
              f.aliases.empty() ? f.help : "or " + fmt::format("{}", fmt::join(f.aliases, ", ")))));
    }
  }
  return fields;
}

const Kind* kind_from_file_name(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t end = 0;
  while (end < base.size() && (std::isalpha(static_cast<unsigned char>(base[end]))))
    ++end;
  std::string word = normal_name(base.substr(0, end));
  return word.empty() ? nullptr : find_kind(word);
}

}  // namespace numreg::import
