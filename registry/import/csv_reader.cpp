#include "registry/import/csv_reader.hpp"

#include <fmt/format.h>

#include "registry/import/columns.hpp"

namespace numreg::import {

bool CsvTokenizer::fill() {
  buf_ = source_.read();
  pos_ = 0;
  return !buf_.empty();
}

void CsvTokenizer::advance() {
  char c = buf_[pos_++];
  if (c == '\n') {
    ++line_;
    column_ = 1;
  } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
    ++column_;
  }
}

void CsvTokenizer::append(Cell& cell, char c, std::vector<Error>& errors) {
  if (cell.text.size() < limits_.max_field_bytes) {
    cell.text += c;
    return;
  }
  if (!oversized_) {
    errors.push_back(error_at(
        cell.where, "field-size",
        fmt::format("field longer than {} bytes (is a quote missing?)", limits_.max_field_bytes)));
    oversized_ = true;
  }
}

void CsvTokenizer::append(Cell& cell, std::string_view run, std::vector<Error>& errors) {
  size_t room = limits_.max_field_bytes - std::min(cell.text.size(), limits_.max_field_bytes);
  if (run.size() <= room) {
    cell.text.append(run);
    return;
  }
  cell.text.append(run.substr(0, room));
  append(cell, run[room], errors);  // reports the oversized field once
}

// A field without quotes: everything up to a comma or a line end, taken a
// buffer's run at a time. A quote in it is refused (RFC 4180 allows quotes
// only in quoted fields): `a, "b"` or `12" pipe` would otherwise be stored
// with their quotes.
void CsvTokenizer::unquoted(Cell& cell, std::vector<Error>& errors) {
  bool told = false;
  while (pos_ < buf_.size() || fill()) {
    size_t end = pos_;
    long columns = 0;
    for (; end < buf_.size(); ++end) {
      char c = buf_[end];
      if (c == ',' || c == '\n' || c == '\r' || c == '"')
        break;
      columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    append(cell, buf_.substr(pos_, end - pos_), errors);
    column_ += columns;
    pos_ = end;
    if (end == buf_.size())
      continue;
    if (buf_[end] != '"')
      return;
    if (!told) {
      errors.push_back(error_at(Location{source_.name(), line_, column_}, "csv-quote",
                                "a quote inside a field that does not start with one (quote the "
                                "whole field and write the quote as \"\", with no blank before "
                                "the opening quote)"));
      told = true;
    }
    append(cell, '"', errors);
    advance();
  }
}

// At a line break or the end: consume it and say the record ended.
bool CsvTokenizer::end_of_record() {
  int c = peek();
  if (c == -1)
    return true;
  if (c == '\n') {
    advance();
    return true;
  }
  if (c == '\r') {
    line_break();
    return true;
  }
  return false;
}

// A line break: LF, CRLF, or a lone CR (old Mac files), each one line.
void CsvTokenizer::line_break() {
  if (peek() == '\r') {
    advance();
    if (peek() != '\n') {
      ++line_;
      column_ = 1;
      return;
    }
  }
  advance();
}

void CsvTokenizer::quoted(Cell& cell, std::vector<Error>& errors) {
  advance();  // the opening quote
  while (true) {
    int c = peek();
    if (c == -1) {
      errors.push_back(error_at(cell.where, "csv-quote",
                                "quoted field not closed before the end of the file (expected a "
                                "closing '\"')"));
      failed_ = true;
      return;
    }
    advance();
    if (c == '"') {
      if (peek() != '"')
        return;
      advance();
    } else if (c == '\r' && peek() != '\n') {
      ++line_;  // a lone CR ends a line inside quotes too, as between records
      column_ = 1;
    }
    append(cell, static_cast<char>(c), errors);
  }
}

bool CsvTokenizer::record(Row& row, std::vector<Error>& errors) {
  row.clear();
  if (failed_)
    return false;
  while (peek() == '\n' || peek() == '\r')
    line_break();  // blank lines
  if (peek() == -1)
    return false;
  if (row.where.file != source_.name())
    row.where.file = source_.name();
  row.where.line = line_;
  row.where.column = column_;
  while (true) {
    Cell& cell = row.add();
    cell.text.clear();
    if (cell.where.file != source_.name())
      cell.where.file = source_.name();  // cells are reused: no copy per cell
    cell.where.line = line_;
    cell.where.column = column_;
    oversized_ = false;
    if (peek() == '"') {
      quoted(cell, errors);
      if (failed_)
        return true;
      int c = peek();
      if (c != ',' && c != '\n' && c != '\r' && c != -1) {
        errors.push_back(error_at(Location{source_.name(), line_, column_}, "csv-quote",
                                  "expected a comma or a line end after a closing quote (write a "
                                  "quote inside a quoted field as \"\")"));
        while ((c = peek()) != ',' && c != '\n' && c != '\r' && c != -1) {
          append(cell, static_cast<char>(c), errors);
          advance();
        }
      }
    } else {
      unquoted(cell, errors);
    }
    if (peek() == ',') {
      advance();
      continue;
    }
    end_of_record();
    return true;
  }
}

CsvReader::CsvReader(TextSource& source, const Kind& kind, const Limits& limits)
    : source_(source), kind_(&kind), tokenizer_(source, limits) {}

bool CsvReader::next(const Kind& kind, Row& row, std::vector<Error>& errors) {
  if (&kind != kind_ || done_)
    return false;
  if (!header_read_) {
    header_read_ = true;
    if (!tokenizer_.record(raw_, errors)) {
      errors.push_back(error_at(Location{source_.name(), 1, 1}, "csv-empty",
                                "the file is empty (expected a header row of column names)"));
      done_ = true;
      return false;
    }
    for (size_t i = 0; i < raw_.size; ++i) {
      if (invalid_utf8_at(raw_.cells[i].text) != std::string_view::npos) {
        errors.push_back(error_at(raw_.cells[i].where, "encoding",
                                  fmt::format("the header is not valid UTF-8 (expected UTF-8 or "
                                              "GB18030 text; this file was read as {}, see "
                                              "--encoding)",
                                              source_.encoding())));
        done_ = true;
        return false;
      }
    }
    size_t before = errors.size();
    columns_ = map_columns(kind, raw_.cells, raw_.size, errors);
    if (errors.size() != before) {
      done_ = true;  // every row would repeat the header's problem
      return false;
    }
  }
  if (!tokenizer_.record(raw_, errors)) {
    done_ = true;
    return false;
  }
  row.clear();
  row.kind = kind_;
  row.where = raw_.where;
  if (raw_.size != columns_.size()) {
    errors.push_back(
        error_at(raw_.where, "csv-fields",
                 fmt::format("row has {} fields, the header has {}", raw_.size, columns_.size())));
  }
  for (size_t i = 0; i < raw_.size && i < columns_.size(); ++i) {
    if (!columns_[i])
      continue;
    Cell& cell = row.add();
    cell.name = columns_[i]->name;
    cell.text.swap(raw_.cells[i].text);
    cell.where = raw_.cells[i].where;
  }
  return true;
}

}  // namespace numreg::import
