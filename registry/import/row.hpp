// What every import reader yields: rows of named cells, each with the place
// in its file where it was written.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "registry/error.hpp"
#include "registry/model/kind.hpp"

namespace numreg::import {

/// Bounds that keep hostile input cheap: field size, nesting, aliases.
struct Limits {
  size_t max_field_bytes = 1 << 20;       // one cell
  size_t max_document_bytes = 256 << 20;  // a YAML, TOML or JSON document read whole
  int max_depth = 64;                     // nesting of YAML, TOML or JSON values
  size_t max_nodes_per_byte = 4;          // YAML aliases may not expand beyond this
};

/// One cell: the column it came from, its text, and where it starts.
struct Cell {
  std::string name;  // the header or key as written
  std::string text;
  Location where;
};

/// One record as read: its kind, its start, and its cells.
struct Row {
  const Kind* kind = nullptr;
  Location where;
  std::vector<Cell> cells;
  size_t size = 0;  // cells in use (cells are reused between rows)

  void clear() { size = 0; }
  /// The next cell to fill, reusing storage.
  Cell& add() {
    if (size == cells.size())
      cells.emplace_back();
    return cells[size++];
  }
};

/// A source of rows of one or more kinds.
class RowReader {
 public:
  virtual ~RowReader() = default;
  /// The kinds this source holds, in the order of kinds().
  virtual std::vector<const Kind*> kinds() const = 0;
  /// Read the next row of `kind` into `row`; false at the end. Problems that
  /// spoil a row or the rest of the file are appended to `errors`.
  virtual bool next(const Kind& kind, Row& row, std::vector<Error>& errors) = 0;
  /// Bytes read so far (for progress).
  virtual size_t bytes_read() const = 0;
};

/// An error at `where`.
Error error_at(const Location& where, std::string code, std::string message);

}  // namespace numreg::import
