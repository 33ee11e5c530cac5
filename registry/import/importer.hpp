// numreg import: read every file, validate every row, and write them all in
// one transaction (kinds in dependency order, so references resolve across
// files whatever their order), or nothing when any row is bad.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "registry/import/row.hpp"
#include "registry/import/text_source.hpp"
#include "registry/ledger.hpp"
#include "registry/progress.hpp"

namespace numreg::import {

/// How much has been read: records, and bytes of the input files (done of total).
using Progress = WorkProgress;

struct ImportOptions {
  std::string kind;    // --kind: the kind of every file; "" = from the file name
  std::string format;  // csv, yaml, toml, json, jsonl; "" = from the file name
  Encoding encoding = Encoding::detect;
  bool upsert = false;       // update records whose key exists (else: an error)
  bool dry_run = false;      // validate and count, write nothing
  size_t max_errors = 1000;  // errors kept in the report (all are counted)
  Limits limits;
  ProgressCallback progress;  // called every 1024 records and at the end
};

/// What happened to the records of one kind.
struct KindCounts {
  size_t added = 0;
  size_t changed = 0;
  size_t unchanged = 0;
  size_t total() const { return added + changed + unchanged; }
};

/// One input file as read.
struct ImportedFile {
  std::string name;
  std::string format;
  std::string encoding;
  std::string sha256;
  size_t records = 0;
};

/// An input file as the report and the batch's journal entry give it:
/// file, format, encoding, sha256, records.
nlohmann::ordered_json to_json(const ImportedFile& file);

struct ImportReport {
  std::string batch;  // the journal's batch ID (empty when nothing was written)
  bool dry_run = false;
  std::vector<ImportedFile> files;
  std::vector<std::pair<const Kind*, KindCounts>> counts;  // kinds read, in kinds() order
  std::vector<Error> errors;                               // the first max_errors
  size_t error_count = 0;                                  // every error found
  bool ok() const { return error_count == 0; }
};

/// The format of `path`: `forced` if given, else from its extension
/// (.csv, .yaml/.yml, .toml, .json, .jsonl/.ndjson); "-" is CSV.
std::string input_format(const std::string& path, const std::string& forced);

/// Import `paths` ("-" is standard input). Returns the report; on any error
/// the registry is left unchanged. Throws Failure for a missing file or an
/// unusable option.
ImportReport import_files(Ledger& ledger, const std::vector<std::string>& paths,
                          const ImportOptions& options, const Change& change);

}  // namespace numreg::import
