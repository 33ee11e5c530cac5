// YAML, TOML and JSON documents (a list of records per kind: `holders:`,
// `leases:` ...; or one list of records of the file's kind), and JSON Lines
// (one record object a line). Values arrive as the text they were written
// as, so numbers keep their leading zeros and spreadsheet damage shows.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "registry/import/row.hpp"
#include "registry/import/text_source.hpp"

namespace numreg::import {

/// Rows read from a whole document, by kind.
class DocumentReader : public RowReader {
 public:
  std::vector<const Kind*> kinds() const override;
  bool next(const Kind& kind, Row& row, std::vector<Error>& errors) override;
  size_t bytes_read() const override { return bytes_; }

  /// A new record of `kind` starting at `where`.
  Row& add_row(const Kind& kind, const Location& where);
  /// Add a cell named `key` (written at `key_where`) to `row`; an unknown
  /// key is an error, and so is a key whose field the row already has.
  void add_cell(Row& row, std::string_view key, std::string text, const Location& where,
                const Location& key_where, std::vector<Error>& errors);
  /// The kind a top-level key names, or an error (also when an earlier key
  /// of the same document named it).
  const Kind* top_kind(std::string_view key, const Location& where, std::vector<Error>& errors);
  /// Start a new document of a stream (YAML's `---`): its keys are its own.
  void begin_document() { top_keys_.clear(); }

  /// Drop every row (after an error that spoils the whole document).
  void clear() {
    rows_.clear();
    next_.clear();
  }

  size_t bytes_ = 0;

 private:
  std::vector<std::vector<Row>> rows_;  // by index in kinds()
  std::vector<size_t> next_;
  std::vector<std::pair<const Kind*, Location>> top_keys_;  // this document's, in order
};

/// Parse a JSON document. `hint` is the kind of a top-level list.
std::unique_ptr<DocumentReader> read_json(std::string_view text, const std::string& name,
                                          const Kind* hint, const Limits& limits,
                                          std::vector<Error>& errors);
/// Parse a YAML document.
std::unique_ptr<DocumentReader> read_yaml(std::string_view text, const std::string& name,
                                          const Kind* hint, const Limits& limits,
                                          std::vector<Error>& errors);
/// Parse a TOML document (arrays of tables: [[holders]] ...).
std::unique_ptr<DocumentReader> read_toml(std::string_view text, const std::string& name,
                                          const Kind* hint, const Limits& limits,
                                          std::vector<Error>& errors);

/// JSON Lines: one record object of one kind a line, read as a stream.
class JsonLinesReader : public RowReader {
 public:
  JsonLinesReader(TextSource& source, const Kind& kind, const Limits& limits);
  std::vector<const Kind*> kinds() const override { return {kind_}; }
  bool next(const Kind& kind, Row& row, std::vector<Error>& errors) override;
  size_t bytes_read() const override { return source_.bytes_read(); }

 private:
  bool next_line(std::string& line);

  TextSource& source_;
  const Kind* kind_;
  Limits limits_;
  std::string pending_;
  long line_no_ = 0;
  bool eof_ = false;
};

}  // namespace numreg::import
