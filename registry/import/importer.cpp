#include "registry/import/importer.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <memory>
#include <thread>
#include <unordered_set>
#include <utility>

#include <fmt/format.h>

#include "registry/import/columns.hpp"
#include "registry/import/csv_reader.hpp"
#include "registry/import/document_reader.hpp"
#include "registry/import/handoff.hpp"
#include "registry/import/journal_spool.hpp"
#include "registry/import/record_text.hpp"
#include "registry/import/reference_check.hpp"
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
  in.source = std::make_unique<TextSource>(in.path, name, options.encoding);  // exists?
  if (in.file.format == "csv" || in.file.format == "jsonl") {
    const Kind& k = required_kind(in.path, options);
    if (in.file.format == "csv") {
      in.reader = std::make_unique<CsvReader>(*in.source, k, options.limits);
    } else {
      in.reader = std::make_unique<JsonLinesReader>(*in.source, k, options.limits);
    }
  } else {
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

// One row on its way from the thread that reads and validates to the thread
// that writes: the row as read, its record, its permits and its journal
// entry already sealed, and the errors found so far.
struct Item {
  Row row;
  bool has_row = false;      // false: only errors the reader found at the end
  size_t reader_errors = 0;  // errors[0, reader_errors) came from the reader
  bool valid = false;
  size_t refs_missing_at = 0;  // errors[refs_missing_at, ...): references not found (if > 0)
  Record record;
  std::vector<NumberRange> permits;
  store::JournalEntry entry;
  std::vector<Error> errors;
};

struct Batch {
  std::vector<Item> items;
  size_t size = 0;
};

constexpr size_t kBatches = 8;

class Run {
 public:
  Run(Ledger& ledger, const ImportOptions& options, const Change& change, ImportReport& report,
      std::unique_ptr<ReferenceCheck> refs)
      : ledger_(ledger),
        options_(options),
        change_(change),
        report_(report),
        inserter_(ledger.store().bulk_inserter()),
        spool_(ledger.store().scratch_dir(), ledger.journal().keeps_blocks()),
        refs_(std::move(refs)) {}

  void add_errors(std::vector<Error>& errors) {
    for (auto& e : errors) {
      ++report_.error_count;
      if (report_.errors.size() < options_.max_errors)
        report_.errors.push_back(std::move(e));
    }
    errors.clear();
  }

  // Validate and write every row of `kind` from `in`. Inserts read and
  // validate on a second thread while this one writes; upserts, which read
  // the registry for each row, stay on this one.
  void rows(Input& in, const Kind& kind) {
    counts_for(kind);
    if (options_.upsert) {
      serial_rows(in, kind);
    } else {
      pipelined_rows(in, kind);
    }
  }

  // Insert the journal entries held back while the records were written
  // (the reading connection closed first: it would hold the checkpoint back).
  void write_journal() {
    refs_.reset();
    store::Journal& journal = ledger_.journal();
    spool_.drain([&journal](const store::EncodedBlock& b) { journal.insert_block(b); },
                 [&journal](const store::JournalEntry& e) { journal.insert_sealed(e); });
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
  void serial_rows(Input& in, const Kind& kind) {
    Row row;
    Record record;
    std::vector<Error> errors;
    while (in.reader->next(kind, row, errors)) {
      ++in.file.records;
      size_t before = errors.size();
      if (validate(row, kind, record, errors))
        refusal_at(row, [&] { upsert(record, errors); });
      finish_row(row, record, errors, before);
      add_errors(errors);
      if (++records_ % 1024 == 0)
        progress();
    }
    add_errors(errors);
  }

  void pipelined_rows(Input& in, const Kind& kind) {
    Handoff<Batch> handoff(kBatches);
    if (!tail_read_) {
      tail_ = ledger_.journal().tail();
      tail_read_ = true;
    }
    std::exception_ptr failure;
    std::thread reader([&] {
      try {
        produce(in, kind, handoff, tail_);
      } catch (...) {
        failure = std::current_exception();
      }
      handoff.finish();
    });
    try {
      while (auto batch = handoff.take()) {
        write(*batch);
        handoff.recycle(std::move(batch));
      }
    } catch (...) {
      handoff.stop();
      reader.join();
      throw;
    }
    reader.join();
    if (failure)
      std::rethrow_exception(failure);
  }

  // The reading thread: rows read, validated, and their journal entries
  // sealed in order, as if every row before them were written.
  void produce(Input& in, const Kind& kind, Handoff<Batch>& handoff, store::JournalTail& tail) {
    std::unique_ptr<Batch> batch;
    while (true) {
      if (!batch) {
        batch = handoff.empty();
        if (!batch)
          return;  // the writer stopped
        batch->size = 0;
      }
      if (batch->size == batch->items.size())
        batch->items.emplace_back();
      Item& item = batch->items[batch->size];
      item.errors.clear();
      item.has_row = in.reader->next(kind, item.row, item.errors);
      if (!item.has_row) {
        if (!item.errors.empty())
          ++batch->size;
        break;
      }
      ++in.file.records;
      item.reader_errors = item.errors.size();
      item.valid = validate(item.row, kind, item.record, item.errors);
      item.refs_missing_at = 0;
      if (item.valid && refs_) {
        size_t before = item.errors.size();
        refs_->check(item.record, item.errors);
        if (item.errors.size() != before) {
          item.valid = false;
          item.refs_missing_at = before + 1;
        }
      }
      if (item.valid) {
        if (refs_)
          refs_->added(item.record);
        item.permits = store::BulkInserter::permits_of(item.record);
        item.entry = entry_for(item.record);
        store::seal(item.entry, tail.seq, tail.hash);
        tail.seq = item.entry.seq;
        tail.hash = item.entry.hash;
        // Held back here rather than by the writer: the writer may only
        // reject a row, and then nothing is written.
        spool_.add(std::move(item.entry));
      }
      ++batch->size;
      if (++records_ % 1024 == 0)
        progress();
      if (batch->size == inserter_->chunk_rows())
        handoff.put(std::exchange(batch, nullptr));
    }
    if (batch && batch->size > 0)
      handoff.put(std::exchange(batch, nullptr));
  }

  // The writing thread: a batch's valid rows inserted together, then each
  // row's errors told in order.
  void write(Batch& batch) {
    inserts_.clear();
    const Row* first = nullptr;
    for (size_t i = 0; i < batch.size; ++i) {
      Item& item = batch.items[i];
      if (item.has_row && item.valid) {
        inserts_.push_back({&item.record, &item.permits});
        first = first ? first : &item.row;
      }
    }
    // A store whose roles may refuse a row takes rows one at a time
    // (chunk_rows() is 1): a refusal then points at its row.
    if (inserts_.size() == 1) {
      refusal_at(*first, [&] { inserter_->insert_all(inserts_); });
    } else {
      inserter_->insert_all(inserts_);
    }
    size_t next = 0;
    for (size_t i = 0; i < batch.size; ++i) {
      Item& item = batch.items[i];
      consume(item,
              item.has_row && item.valid ? inserts_[next++].result : store::InsertResult::inserted);
    }
  }

  // The writing thread: one row, and what inserting it did if it was valid.
  void consume(Item& item, store::InsertResult result) {
    if (item.has_row) {
      if (item.valid)
        inserted(item, result);
      else if (item.refs_missing_at > 0)
        missing_references(item);
      finish_row(item.row, item.record, item.errors, item.reader_errors);
    }
    add_errors(item.errors);
  }

  // Clean the row's cells and build its record; false when it has errors.
  bool validate(Row& row, const Kind& kind, Record& record, std::vector<Error>& errors) {
    size_t before = errors.size();
    // The cells' texts trade places with the previous row's, so their
    // buffers are reused row after row.
    raw_.resize(row.size);
    for (size_t i = 0; i < row.size; ++i) {
      Cell& cell = row.cells[i];
      clean_cell(cell, errors);
      raw_[i].first = cell.name;
      raw_[i].second.swap(cell.text);
    }
    record = ledger_.build(kind, raw_, change_, errors);
    ledger_.check(record, errors);
    return errors.size() == before;
  }

  // Errors since `before` pointed at their cells, in the order of the
  // columns; a row with errors is remembered as rejected.
  void finish_row(const Row& row, const Record& record, std::vector<Error>& errors, size_t before) {
    if (errors.size() == before)
      return;
    for (size_t i = before; i < errors.size(); ++i) {
      place(errors[i], row);
    }
    std::stable_sort(errors.begin() + static_cast<long>(before), errors.end(),
                     [](const Error& a, const Error& b) {
                       return std::pair(a.where.line, a.where.column) <
                              std::pair(b.where.line, b.where.column);
                     });
    if (rejected_.size() < 1'000'000)
      rejected_.insert(record.kind->name + "\n" + record.key());
  }

  void upsert(const Record& given, std::vector<Error>& errors) {
    KindCounts& counts = counts_for(*given.kind);
    Record record = keep_permits(in_stored_order(given));  // build() gave permits their last
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
      // The registry's roles refuse the whole import, not a row of it.
      if (f.error().kind == ErrorKind::not_permitted)
        throw;
      for (const auto& e : f.errors())
        errors.push_back(e);
    }
  }

  void inserted(Item& item, store::InsertResult result) {
    const Record& record = item.record;
    std::vector<Error>& errors = item.errors;
    switch (result) {
      case store::InsertResult::inserted:
        ++counts_for(*record.kind).added;
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

  // A row whose references the reading thread did not find: a key that
  // exists is told first, as SQLite's constraints would tell it.
  void missing_references(Item& item) {
    auto at = item.errors.begin() + static_cast<long>(item.refs_missing_at - 1);
    std::vector<Error> found(std::make_move_iterator(at),
                             std::make_move_iterator(item.errors.end()));
    item.errors.erase(at, item.errors.end());
    if (ledger_.find(*item.record.kind, item.record.key())) {
      item.errors.push_back(duplicate(item.record));
      return;
    }
    told(item.record, found, item.errors);
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
    told(record, found, errors);
  }

  // References not found, each as missing or as rejected above.
  void told(const Record& record, std::vector<Error>& found, std::vector<Error>& errors) const {
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

  store::JournalEntry entry_for(const Record& r) const {
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
    return e;
  }

  // Write one row; the registry's roles refusing it (exit 77) refuse the
  // whole import, the refusal pointed at the row.
  template <class Write>
  static void refusal_at(const Row& row, Write write) {
    try {
      write();
    } catch (const Failure& f) {
      if (f.error().kind != ErrorKind::not_permitted)
        throw;
      Error e = f.error();
      e.where = row.where;
      throw Failure(std::move(e));
    }
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
  std::unique_ptr<store::BulkInserter> inserter_;
  std::vector<store::BulkInserter::Row> inserts_;  // writing thread
  store::JournalTail tail_;                        // the last entry sealed (reading thread)
  bool tail_read_ = false;
  JournalSpool spool_;                        // reading thread, then writing
  std::unique_ptr<ReferenceCheck> refs_;      // reading thread (inserts only)
  RawValues raw_;                             // reading thread
  size_t records_ = 0;                        // reading thread
  std::unordered_set<std::string> rejected_;  // writing thread
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
    files.push_back(to_json(f));
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

// Inserts check references on the reading thread, through a key snapshot of
// their own, when the store offers one. Upserts read the registry on the
// writing thread and keep the store's own reference checks.
bool references_on_reader(Ledger& ledger, const ImportOptions& options) {
  return !options.upsert && ledger.store().offers_key_snapshot();
}

// A reference check for the rows of `inputs`, remembering the keys of the
// kinds some of them refer to.
std::unique_ptr<ReferenceCheck> reference_check(Ledger& ledger,
                                                const std::vector<std::unique_ptr<Input>>& inputs) {
  auto refs = std::make_unique<ReferenceCheck>(ledger.store().key_snapshot());
  for (const auto& in : inputs) {
    if (in->failed || !in->reader)
      continue;
    for (const Kind* k : in->reader->kinds()) {
      for (const auto& f : k->fields) {
        if (f.type == FieldType::ref)
          refs->remember(kind(f.ref));
      }
    }
  }
  return refs;
}

}  // namespace

nlohmann::ordered_json to_json(const ImportedFile& f) {
  return {{"file", f.name},
          {"format", f.format},
          {"encoding", f.encoding},
          {"sha256", f.sha256},
          {"records", f.records}};
}

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

  bool on_reader = references_on_reader(ledger, options);
  std::optional<store::BulkWrite> bulk;
  if (on_reader)
    bulk.emplace(ledger.store());
  store::WriteTransaction tx(ledger.store());
  ledger.journal().forget_head();
  Change change = given;
  report.batch = batch_id(ledger, paths);
  change.batch = report.batch;
  Run run(ledger, options, change, report, on_reader ? reference_check(ledger, inputs) : nullptr);
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
    if (in->source) {
      in->file.sha256 = in->source->sha256();
      in->file.encoding = std::string(in->source->encoding());  // told as the text was read
    }
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
  run.write_journal();
  journal_batch(ledger, report, change);
  tx.commit();
  return report;
}

}  // namespace numreg::import
