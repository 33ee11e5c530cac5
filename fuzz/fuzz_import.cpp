// The document readers behind `numreg import`: JSON, YAML, TOML and JSON
// Lines, then each row built into a record as the importer does. The first
// input byte picks the format (and the kind of a bare list), the rest is the
// document. Properties: rows come only in the kinds the reader announces,
// each cell says where it was written, every error says where and what, and
// building a record from any row reports problems instead of failing.
#include <memory>
#include <string>
#include <vector>

#include "fuzz/check.hpp"
#include "fuzz/memory_file.hpp"
#include "registry/import/columns.hpp"
#include "registry/import/document_reader.hpp"
#include "registry/ledger.hpp"

using namespace numreg;
using namespace numreg::import;
using numreg::fuzz::require;

namespace {

// A ledger on a scratch registry, made once: build() needs one, not its data.
Ledger& scratch_ledger() {
  static std::unique_ptr<Ledger> ledger = [] {
    std::string path = "/tmp/numreg-fuzz-import-" + std::to_string(::getpid()) + ".db";
    Ledger::init({path});
    auto l = std::make_unique<Ledger>(LedgerOptions{path},
                                      Clock{"2026-11-29T09:30:00Z", Date{2026, 11, 29}});
    ::unlink(path.c_str());  // the open handle keeps it for this process
    return l;
  }();
  return *ledger;
}

void build_rows(RowReader& reader, std::string_view input) {
  Change change{.actor = "fuzz"};
  for (const Kind* kind : reader.kinds()) {
    Row row;
    std::vector<Error> errors;
    size_t rows = 0;
    while (reader.next(*kind, row, errors)) {
      require(++rows <= input.size() + 1, "a document has no more rows than bytes", input);
      require(row.kind == nullptr || row.kind == kind, "a row is of the kind asked for", input);
      RawValues raw;
      for (size_t i = 0; i < row.size; ++i) {
        require(row.cells[i].where.line >= 1, "a cell says where it was written", input);
        if (const Field* field = column_field(*kind, row.cells[i].name)) {
          raw.emplace_back(field->name, row.cells[i].text);
        }
      }
      std::vector<Error> problems;
      Record record = scratch_ledger().build(*kind, raw, change, problems);
      scratch_ledger().check(record, problems);
    }
    for (const Error& e : errors) {
      require(!e.message.empty(), "an error says what", input);
    }
  }
}

std::unique_ptr<RowReader> read(int format, std::string_view text, const Kind* hint,
                                std::vector<Error>& errors,
                                std::unique_ptr<numreg::fuzz::MemoryFile>& file,
                                std::unique_ptr<TextSource>& source) {
  const Limits limits;
  switch (format) {
    case 0:
      return read_json(text, "in.json", hint, limits, errors);
    case 1:
      return read_yaml(text, "in.yaml", hint, limits, errors);
    case 2:
      return read_toml(text, "in.toml", hint, limits, errors);
    default:
      file = std::make_unique<numreg::fuzz::MemoryFile>(text);
      source = std::make_unique<TextSource>(file->path(), "in.jsonl", Encoding::detect);
      return std::make_unique<JsonLinesReader>(*source, hint ? *hint : kinds()[0], limits);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  if (size == 0) {
    return 0;
  }
  const auto all = kinds();
  const int format = data[0] & 3;
  const size_t pick = (data[0] >> 2) % (all.size() + 1);  // 0: no kind given
  const Kind* hint = pick == 0 ? nullptr : &all[pick - 1];
  std::string_view text = numreg::fuzz::text_of(data + 1, size - 1);
  std::vector<Error> errors;
  std::unique_ptr<numreg::fuzz::MemoryFile> file;
  std::unique_ptr<TextSource> source;
  try {
    auto reader = read(format, text, hint, errors, file, source);
    for (const Error& e : errors) {
      require(!e.message.empty() && e.where.line >= 1, "a document error says where and what",
              text);
    }
    if (reader) {
      build_rows(*reader, text);
    }
  } catch (const Failure& failure) {
    require(failure.error().kind == ErrorKind::data, "a reader fails only on bad data", text);
  }
  return 0;
}
