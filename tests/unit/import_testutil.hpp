// Helpers for the import tests: files in a scratch directory, rows as text.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "registry/import/csv_reader.hpp"
#include "registry/import/text_source.hpp"
#include "testutil.hpp"

namespace numreg::test {

/// Write `bytes` to `dir`/`name` and return the path.
inline std::string write_file(const std::string& dir, const std::string& name,
                              const std::string& bytes) {
  std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

/// "name=text@line:column" for each cell of `row`.
inline std::vector<std::string> cells(const import::Row& row) {
  std::vector<std::string> out;
  for (size_t i = 0; i < row.size; ++i) {
    const auto& c = row.cells[i];
    out.push_back(c.name + "=" + c.text + "@" + std::to_string(c.where.line) + ":" +
                  std::to_string(c.where.column));
  }
  return out;
}

/// "FILE:LINE:COLUMN: error[CODE]: field: message" for each error.
inline std::vector<std::string> diagnostics(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) {
    out.push_back(e.where.file + ":" + std::to_string(e.where.line) + ":" +
                  std::to_string(e.where.column) + ": error[" + e.code +
                  "]: " + (e.field.empty() ? "" : e.field + ": ") + e.message);
  }
  return out;
}

}  // namespace numreg::test

namespace doctest {

/// Show lists of lines in failure messages, one a line.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& lines) {
    std::string out = "{";
    for (const auto& l : lines)
      out += "\n  \"" + l + "\"";
    return String((out + "}").c_str());
  }
};

}  // namespace doctest
