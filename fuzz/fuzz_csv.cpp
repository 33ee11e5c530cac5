// The CSV reader behind `numreg import`: the RFC 4180 tokenizer and the
// reader that maps a header to a kind's fields. The first input byte picks the
// kind, the rest is the file. Properties: cells carry lines and columns that
// only move forward; a file read without errors, written back with every cell
// quoted, reads as the same records (quoting, "" escapes, line breaks inside
// cells, CRLF all survive).
#include <string>
#include <vector>

#include "fuzz/check.hpp"
#include "fuzz/memory_file.hpp"
#include "registry/import/csv_reader.hpp"

using namespace numreg;
using namespace numreg::import;
using numreg::fuzz::require;

namespace {

using Records = std::vector<std::vector<std::string>>;

// Tokenize `bytes` as UTF-8 CSV; false when the tokenizer reported errors.
bool tokenize(std::string_view bytes, Records& records) {
  numreg::fuzz::MemoryFile file(bytes);
  TextSource source(file.path(), "in.csv", Encoding::utf8);
  CsvTokenizer tokenizer(source, Limits{});
  Row row;
  std::vector<Error> errors;
  long line = 0;
  while (tokenizer.record(row, errors)) {
    require(records.size() <= bytes.size(), "a file has no more records than bytes", bytes);
    require(row.size > 0, "a record has a cell", bytes);
    require(row.cells[0].where.line > line, "records start on later lines", bytes);
    line = row.cells[0].where.line;
    auto& cells = records.emplace_back();
    for (size_t i = 0; i < row.size; ++i) {
      require(row.cells[i].where.line >= line && row.cells[i].where.column >= 1,
              "a cell has a line and a column", bytes);
      cells.push_back(row.cells[i].text);
    }
  }
  return errors.empty();
}

std::string quoted_csv(const Records& records) {
  std::string out;
  for (const auto& cells : records) {
    for (size_t i = 0; i < cells.size(); ++i) {
      out += i ? ",\"" : "\"";
      for (char c : cells[i]) {
        out += c == '"' ? "\"\"" : std::string(1, c);
      }
      out += '"';
    }
    out += "\r\n";
  }
  return out;
}

void check_round_trip(std::string_view bytes) {
  Records records;
  if (!tokenize(bytes, records)) {
    return;
  }
  std::string again_bytes = quoted_csv(records);
  Records again;
  require(tokenize(again_bytes, again), "quoted CSV reads without errors", again_bytes);
  require(again == records, "CSV written back with quotes reads as the same records", bytes);
}

void check_reader(const Kind& kind, std::string_view bytes) {
  numreg::fuzz::MemoryFile file(bytes);
  TextSource source(file.path(), "in.csv", Encoding::detect);
  CsvReader reader(source, kind, Limits{});
  Row row;
  std::vector<Error> errors;
  size_t rows = 0;
  while (reader.next(kind, row, errors)) {
    require(++rows <= bytes.size(), "a file has no more rows than bytes", bytes);
    for (size_t i = 0; i < row.size; ++i) {
      require(row.cells[i].where.file == "in.csv", "a cell names its file", bytes);
    }
  }
  for (const Error& e : errors) {
    require(!e.message.empty() && e.where.line >= 1, "an error says where and what", bytes);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto all = kinds();
  const Kind& kind = all[data[0] % all.size()];
  std::string_view bytes = numreg::fuzz::text_of(data + 1, size - 1);
  try {
    check_round_trip(bytes);
  } catch (const Failure& failure) {
    // Forced UTF-8 that is not: a data error, as for any file.
    require(failure.error().kind == ErrorKind::data, "the tokenizer fails only on bad data", bytes);
  }
  try {
    check_reader(kind, bytes);
  } catch (const Failure& failure) {
    require(failure.error().kind == ErrorKind::data, "the reader fails only on bad data", bytes);
  }
  return 0;
}
