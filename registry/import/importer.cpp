#include "registry/import/importer.hpp"

#include <algorithm>
#include <memory>
#include <unordered_set>

#include <fmt/format.h>

#include "registry/import/columns.hpp"
#include "registry/import/csv_reader.hpp"
#include "registry/import/document_reader.hpp"
#include "registry/import/record_text.hpp"
#include "registry/store/bulk_insert.hpp"
#include "registry/util/sha256.hpp"

namespace numreg::import {

namespace {

// One input: its text, its reader, and what the report says of it.
struct Input {
  std::string path;
  std::unique_ptr<TextSource> source;
  std::unique_ptr<RowReader> reader;
  ImportedFile file;
  bool failed = false;
};

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const Kind* kind_of(const std::string& path, const ImportOptions& options) {
  return options.kind.empty() ? kind_from_file_name(path) : &kind(options.kind);
}

// The kind a one-kind format needs, or a usage Failure saying how to give it.
const Kind& required_kind(const std::string& path, const ImportOptions& options) {
  const Kind* k = kind_of(path, options);
  if (!k) {
    throw Failure(make_error(ErrorKind::usage, "kind-unknown",
                             fmt::format("cannot tell which records {} holds: name the file after "
                                         "the kind (holders.csv, leases-2019q2.csv) or give --kind",
                                         path == "-" ? "standard input" : path)));
  }
  return *k;
}

void open_input(Input& in, const ImportOptions& options, std::vector<Error>& errors) {
  std::string name = in.path == "-" ? "<stdin>" : in.path;
  in.file.name = name;
  in.file.format = input_format(in.path, options.format);
  const Kind* hint = kind_of(in.path, options);
  if (in.file.format == "csv" || in.file.format == "jsonl") {
    const Kind& k = required_kind(in.path, options);
    in.source = std::make_unique<TextSource>(in.path, name, options.encoding);
    if (in.file.format == "csv") {
      in.reader = std::make_unique<CsvReader>(*in.source, k, options.limits);
    } else {
      in.reader = std::make_unique<JsonLinesReader>(*in.source, k, options.limits);
    }
  } else {
    in.source = std::make_unique<TextSource>(in.path, name, options.encoding);
    std::string text = in.source->read_all(options.limits.max_document_bytes);
    if (in.file.format == "yaml") {
      in.reader = read_yaml(text, name, hint, options.limits, errors);
    } else if (in.file.format == "toml") {
      in.reader = read_toml(text, name, hint, options.limits, errors);
    } else {
      in.reader = read_json(text, name, hint, options.limits, errors);
    }
  }
  in.file.encoding = std::string(in.source->encoding());
}

bool has_kind(const RowReader& reader, const Kind& kind) {
  auto ks = reader.kinds();
  return std::find(ks.begin(), ks.end(), &kind) != ks.end();
}

// Problems of a cell's bytes, and the apostrophe a spreadsheet-safe export adds.
void clean_cell(Cell& cell, std::vector<Error>& errors) {
  std::string& t = cell.text;
  if (t.size() >= 2 && t[0] == '\'' &&
      (t[1] == '=' || t[1] == '+' || t[1] == '-' || t[1] == '@' || t[1] == '\t' || t[1] == '\r')) {
    t.erase(0, 1);
  }
  if (t.find('\0') != std::string::npos) {
    Error e = error_at(cell.where, "nul-byte", "NUL byte in the text (is the file binary?)");
    e.field = cell.name;
    errors.push_back(e);
  } else if (size_t bad = invalid_utf8_at(t); bad != std::string::npos) {
    Error e = error_at(cell.where, "encoding",
                       "invalid UTF-8 (expected UTF-8 or GB18030 text; see --encoding)");
    e.field = cell.name;
    errors.push_back(e);
  }
}

class Run {
 public:
  Run(Ledger& ledger, const ImportOptions& options, const Change& change, ImportReport& report)
      : ledger_(ledger),
        options_(options),
        change_(change),
        report_(report),
        inserter_(ledger.database()) {}

  void add_errors(std::vector<Error>& errors) {
    for (auto& e : errors) {
      ++report_.error_count;
      if (report_.errors.size() < options_.max_errors)
        report_.errors.push_back(std::move(e));
    }
    errors.clear();
  }

  // Validate and write every row of `kind` from `in`.
  void rows(Input& in, const Kind& kind) {
    counts_for(kind);
    Row row;
    std::vector<Error> errors;
    while (true) {
      bool more = in.reader->next(kind, row, errors);
      if (!more)
        break;
      ++in.file.records;
      one_row(row, kind, errors);
      add_errors(errors);
      if (++records_ % 1024 == 0)
        progress();
    }
    add_errors(errors);
  }

  void progress() {
    if (!options_.progress)
      return;
    Progress p{records_, 0, 0};
    for (const auto* in : inputs_) {
      p.done += in->reader ? in->reader->bytes_read() : 0;
      p.total += in->source ? in->source->size() : 0;
    }
    options_.progress(p);
  }

  std::vector<Input*> inputs_;

 private:
  void one_row(Row& row, const Kind& kind, std::vector<Error>& errors) {
    size_t before = errors.size();
    raw_.clear();
    for (size_t i = 0; i < row.size; ++i) {
      Cell& cell = row.cells[i];
      clean_cell(cell, errors);
      raw_.emplace_back(cell.name, std::move(cell.text));
    }
    Record record = ledger_.build(kind, raw_, change_, errors);
    ledger_.check(record, errors);
    if (errors.size() == before)
      write(record, errors);
    if (errors.size() == before)
      return;
    for (size_t i = before; i < errors.size(); ++i) {
      place(errors[i], row);
    }
    // A row's errors in the order of its columns.
    std::stable_sort(errors.begin() + static_cast<long>(before), errors.end(),
                     [](const Error& a, const Error& b) {
                       return std::pair(a.where.line, a.where.column) <
                              std::pair(b.where.line, b.where.column);
                     });
    if (rejected_.size() < 1'000'000)
      rejected_.insert(kind.name + "\n" + record.key());
  }

  void write(const Record& given, std::vector<Error>& errors) {
    KindCounts& counts = counts_for(*given.kind);
    if (options_.upsert) {
      Record record = keep_permits(in_stored_order(with_last(given)));
      size_t before = errors.size();
      references(record, errors);
      if (errors.size() != before)
        return;
      try {
        Outcome o = ledger_.write(record, true, change_);
        (o == Outcome::added     ? counts.added
         : o == Outcome::changed ? counts.changed
                                 : counts.unchanged)++;
      } catch (const Failure& f) {
        for (const auto& e : f.errors())
          errors.push_back(e);
      }
      return;
    }
    Record record = with_last(given);
    switch (inserter_.insert(record)) {
      case store::InsertResult::inserted:
        journal(record);
        ++counts.added;
        return;
      case store::InsertResult::duplicate:
        errors.push_back(duplicate(record));
        return;
      case store::InsertResult::duplicate_permit:
        errors.push_back(field_error("permitted_callers", "permit-repeated",
                                     "a permitted caller range is given twice"));
        return;
      case store::InsertResult::missing_reference: {
        size_t before = errors.size();
        references(record, errors);
        if (errors.size() == before)
          errors.push_back(duplicate(record));
        return;
      }
    }
  }

  // A lease's permitted callers as the registry lists them (by number), so
  // re-importing a file is "unchanged" whatever order it gave them in.
  static Record in_stored_order(const Record& r) {
    int i = r.kind->index("permitted_callers");
    if (i < 0 || !r.values[static_cast<size_t>(i)]) {
      return r;
    }
    auto ranges = parse_number_ranges(*r.values[static_cast<size_t>(i)]);
    if (!ranges) {
      return r;
    }
    std::stable_sort(
        ranges->begin(), ranges->end(),
        [](const NumberRange& a, const NumberRange& b) { return a.first.key() < b.first.key(); });
    std::string text;
    for (const auto& range : *ranges) {
      if (!text.empty()) {
        text += ';';
      }
      text += range.format();
    }
    Record out = r;
    out.values[static_cast<size_t>(i)] = text;
    return out;
  }

  // A permit of one number is stored as first..first.
  static Record with_last(Record r) {
    if (r.kind->name == "permits" && !r.get("last")) {
      r.set("last", r.get("first"));
    }
    return r;
  }

  // A lease row without permitted callers keeps the permits it has (permits
  // rows and `permit add` give them); a list, when given, replaces them.
  Record keep_permits(Record r) {
    int i = r.kind->index("permitted_callers");
    if (i < 0 || r.values[static_cast<size_t>(i)]) {
      return r;
    }
    if (auto stored = ledger_.find(*r.kind, r.key())) {
      r.values[static_cast<size_t>(i)] = stored->values[static_cast<size_t>(i)];
    }
    return r;
  }

  Error duplicate(const Record& r) const {
    Error e = data_error("duplicate-key",
                         fmt::format("{} '{}' already exists (in the registry or earlier in this "
                                     "import; --mode upsert updates it)",
                                     r.kind->entity, r.key()));
    e.field = r.kind->key.front();
    return e;
  }
  static Error field_error(std::string field, std::string code, std::string message) {
    Error e = data_error(std::move(code), std::move(message));
    e.field = std::move(field);
    return e;
  }

  // Missing references, except to rows already rejected (their error says why).
  void references(const Record& record, std::vector<Error>& errors) {
    std::vector<Error> found;
    ledger_.check_references(record, found);
    for (auto& e : found) {
      const Field* f = record.kind->field(e.field);
      if (f && rejected_.count(kind(f->ref).name + "\n" + e.value)) {
        errors.push_back(
            field_error(e.field, "ref-rejected",
                        fmt::format("{} '{}' was rejected above", kind(f->ref).entity, e.value)));
        errors.back().value = e.value;
        continue;
      }
      errors.push_back(std::move(e));
    }
  }

  void journal(const Record& r) {
    store::JournalEntry e;
    e.time = ledger_.clock().now_utc;
    e.actor = change_.actor;
    e.action = "add";
    e.entity = r.kind->entity;
    e.key = r.key();
    e.after.emplace();
    append_record_json(r, *e.after);
    e.reason = change_.reason;
    e.batch = change_.batch;
    ledger_.journal().append(e);
  }

  // Point an error at the cell of its field, or at the row.
  void place(Error& e, const Row& row) const {
    if (!e.where.file.empty())
      return;
    e.where = row.where;
    for (size_t i = 0; i < row.size; ++i) {
      if (row.cells[i].name == e.field) {
        e.where = row.cells[i].where;
        break;
      }
    }
  }

  KindCounts& counts_for(const Kind& kind) {
    for (auto& [k, c] : report_.counts) {
      if (k == &kind)
        return c;
    }
    return report_.counts.emplace_back(&kind, KindCounts{}).second;
  }

  Ledger& ledger_;
  const ImportOptions& options_;
  const Change& change_;
  ImportReport& report_;
  store::BulkInserter inserter_;
  RawValues raw_;
  std::unordered_set<std::string> rejected_;
  size_t records_ = 0;
};

std::string batch_id(Ledger& ledger, const std::vector<std::string>& paths) {
  std::string now = ledger.clock().now_utc;
  std::string compact;
  for (char c : now) {
    if (c != '-' && c != ':')
      compact += c;
  }
  std::string seed = ledger.journal().head() + now;
  for (const auto& p : paths)
    seed += "\n" + p;
  return compact + "-" + sha256_hex(seed).substr(0, 8);
}

void journal_batch(Ledger& ledger, const ImportReport& report, const Change& change) {
  nlohmann::ordered_json files = nlohmann::ordered_json::array();
  for (const auto& f : report.files) {
    files.push_back({{"file", f.name},
                     {"sha256", f.sha256},
                     {"format", f.format},
                     {"encoding", f.encoding},
                     {"records", f.records}});
  }
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  for (const auto& [k, c] : report.counts) {
    records[k->name] = {{"added", c.added}, {"changed", c.changed}, {"unchanged", c.unchanged}};
  }
  store::JournalEntry e;
  e.time = ledger.clock().now_utc;
  e.actor = change.actor;
  e.action = "import";
  e.entity = "batch";
  e.key = report.batch;
  e.after = nlohmann::ordered_json{{"files", files}, {"records", records}}.dump();
  e.reason = change.reason;
  e.batch = report.batch;
  ledger.journal().append(e);
}

}  // namespace

std::string input_format(const std::string& path, const std::string& forced) {
  if (!forced.empty()) {
    if (forced == "csv" || forced == "yaml" || forced == "toml" || forced == "json" ||
        forced == "jsonl") {
      return forced;
    }
    if (forced == "yml")
      return "yaml";
    if (forced == "ndjson")
      return "jsonl";
    throw Failure(make_error(ErrorKind::usage, "format-unknown",
                             fmt::format("unknown format '{}' (expected csv, yaml, toml, json or "
                                         "jsonl)",
                                         forced)));
  }
  std::string lower = path;
  for (auto& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ends_with(lower, ".yaml") || ends_with(lower, ".yml"))
    return "yaml";
  if (ends_with(lower, ".toml"))
    return "toml";
  if (ends_with(lower, ".jsonl") || ends_with(lower, ".ndjson"))
    return "jsonl";
  if (ends_with(lower, ".json"))
    return "json";
  return "csv";
}

ImportReport import_files(Ledger& ledger, const std::vector<std::string>& paths,
                          const ImportOptions& options, const Change& given) {
  ImportReport report;
  report.dry_run = options.dry_run;
  std::vector<std::unique_ptr<Input>> inputs;
  std::vector<Error> errors;
  for (const auto& path : paths) {
    auto& in = *inputs.emplace_back(std::make_unique<Input>());
    in.path = path;
    try {
      open_input(in, options, errors);
    } catch (const Failure& f) {
      if (f.error().kind != ErrorKind::data)
        throw;
      in.failed = true;
      for (auto e : f.errors()) {
        if (e.where.file.empty())
          e.where.file = in.file.name;
        errors.push_back(e);
      }
    }
  }

  store::Transaction tx(ledger.database());
  ledger.journal().forget_head();
  Change change = given;
  report.batch = batch_id(ledger, paths);
  change.batch = report.batch;
  Run run(ledger, options, change, report);
  run.add_errors(errors);
  for (auto& in : inputs)
    run.inputs_.push_back(in.get());
  for (const Kind& kind : kinds()) {
    for (auto& in : inputs) {
      if (in->failed || !in->reader || !has_kind(*in->reader, kind))
        continue;
      try {
        run.rows(*in, kind);
      } catch (const Failure& f) {
        if (f.error().kind != ErrorKind::data)
          throw;
        std::vector<Error> more(f.errors());
        run.add_errors(more);
        in->failed = true;
      }
    }
  }
  run.progress();
  for (auto& in : inputs) {
    if (in->source)
      in->file.sha256 = in->source->sha256();
    report.files.push_back(in->file);
  }
  size_t written = 0;
  for (const auto& [k, c] : report.counts)
    written += c.added + c.changed;
  if (!report.ok()) {
    for (auto& entry : report.counts) {
      entry.second = KindCounts{};  // nothing is written
    }
  }
  if (!report.ok() || options.dry_run || written == 0) {
    report.batch.clear();
    return report;  // the transaction rolls back
  }
  journal_batch(ledger, report, change);
  tx.commit();
  return report;
}

}  // namespace numreg::import
