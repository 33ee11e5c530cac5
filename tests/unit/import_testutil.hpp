// Helpers for the import tests: files in a scratch directory, rows as text.
#pragma once

#include <iconv.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>
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

/// `utf8` written in `encoding` by iconv, as another program would write it.
inline std::string encode(const std::string& utf8, const char* encoding) {
  iconv_t cd = iconv_open(encoding, "UTF-8");
  // NOLINTNEXTLINE(performance-no-int-to-ptr)
  if (cd == reinterpret_cast<iconv_t>(-1))
    throw std::runtime_error(std::string("iconv cannot write ") + encoding);
  std::string out(utf8.size() * 4 + 16, '\0');
  std::string in = utf8;
  char* i = in.data();
  size_t i_left = in.size();
  char* o = out.data();
  size_t o_left = out.size();
  size_t rc = iconv(cd, &i, &i_left, &o, &o_left);
  iconv_close(cd);
  if (rc == static_cast<size_t>(-1))
    throw std::runtime_error(std::string("iconv cannot write this text in ") + encoding);
  out.resize(out.size() - o_left);
  return out;
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
