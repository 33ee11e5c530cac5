// A streaming RFC 4180 CSV reader: a header row, then one record a row;
// quoted fields with commas, quotes ("") and line breaks; LF or CRLF.
#pragma once

#include <string_view>
#include <vector>

#include "registry/import/row.hpp"
#include "registry/import/text_source.hpp"

namespace numreg::import {

/// Splits CSV text into records of cells, with the line and column (in
/// characters, 1-based) where each cell starts.
class CsvTokenizer {
 public:
  CsvTokenizer(TextSource& source, const Limits& limits) : source_(source), limits_(limits) {}
  /// Read the next record into `row` (blank lines are skipped); false at the
  /// end. Malformed quoting and oversized fields are appended to `errors`.
  bool record(Row& row, std::vector<Error>& errors);

 private:
  bool fill();
  int peek() { return pos_ < buf_.size() || fill() ? static_cast<unsigned char>(buf_[pos_]) : -1; }
  void advance();
  void append(Cell& cell, char c, std::vector<Error>& errors);
  void append(Cell& cell, std::string_view run, std::vector<Error>& errors);
  void unquoted(Cell& cell, std::vector<Error>& errors);
  bool end_of_record();
  void line_break();
  void quoted(Cell& cell, std::vector<Error>& errors);

  TextSource& source_;
  Limits limits_;
  std::string_view buf_;
  size_t pos_ = 0;
  long line_ = 1;
  long column_ = 1;
  bool oversized_ = false;
  bool failed_ = false;
};

/// Rows of one kind from a CSV file whose first record is the header.
class CsvReader : public RowReader {
 public:
  CsvReader(TextSource& source, const Kind& kind, const Limits& limits);
  std::vector<const Kind*> kinds() const override { return {kind_}; }
  bool next(const Kind& kind, Row& row, std::vector<Error>& errors) override;
  size_t bytes_read() const override { return source_.bytes_read(); }

 private:
  TextSource& source_;
  const Kind* kind_;
  CsvTokenizer tokenizer_;
  std::vector<const Field*> columns_;
  Row raw_;
  bool header_read_ = false;
  bool done_ = false;
};

}  // namespace numreg::import
