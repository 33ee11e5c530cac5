#include "registry/copy.hpp"

#include <fmt/format.h>

#include "registry/replay.hpp"

namespace numreg {

namespace {

using TableCounts = std::vector<std::pair<std::string, int64_t>>;

// Rows of every table of `s`: the record kinds in kinds() order, then the
// inspections.
TableCounts table_counts(store::Store& s) {
  TableCounts out;
  for (const Kind& kind : kinds())
    out.emplace_back(kind.name, s.count_records(kind));
  out.emplace_back("inspections", s.count_inspections(""));
  return out;
}

// Run `step`; what it fails with names `option` first, so that a message
// says which of the two registries it is about (instead of --db, which
// copy does not take).
template <class Step>
auto on_side(std::string_view option, Step&& step) {
  try {
    return step();
  } catch (const Failure& f) {
    std::vector<Error> errors = f.errors();
    for (auto& e : errors) {
      std::string_view message = e.message;
      if (message.starts_with("--db: "))
        message.remove_prefix(6);
      e.message = fmt::format("{}: {}", option, message);
    }
    throw Failure(std::move(errors));
  }
}

void refuse_unless_empty(store::Store& target, const CopySides& sides) {
  int64_t records = 0;
  for (const auto& [table, rows] : table_counts(target))
    records += rows;
  int64_t entries = target.journal_size();
  if (records > 0 || entries > 0) {
    throw Failure(make_error(
        ErrorKind::data, "copy-target-not-empty",
        fmt::format("{}: {} already holds {} records and {} journal entries: copy writes only "
                    "into an empty registry",
                    sides.to, target.location(), records, entries)));
  }
}

const char* refusal(store::InsertResult result) {
  switch (result) {
    case store::InsertResult::duplicate:
    case store::InsertResult::duplicate_permit:
      return "its key is there already";
    case store::InsertResult::missing_reference:
      return "a record it refers to is missing";
    case store::InsertResult::inserted:
      break;
  }
  return "";
}

// Every record, kind by kind (holders before the leases that refer to them),
// then the inspections. A lease's permits are records of their own kind.
// Records go to the target's inserter a chunk at a time (on PostgreSQL, one
// COPY a chunk).
void copy_tables(store::Store& source, store::Store& target, const CopySides& sides) {
  auto inserter = target.bulk_inserter();
  const std::vector<NumberRange> no_permits;
  std::vector<Record> chunk;
  std::vector<store::BulkInserter::Row> rows;
  auto send = [&] {
    rows.clear();
    for (const Record& record : chunk)
      rows.push_back({&record, &no_permits});
    inserter->insert_all(rows);
    for (const auto& row : rows) {
      if (row.result != store::InsertResult::inserted) {
        throw Failure(make_error(
            ErrorKind::data, "copy-record",
            fmt::format("{}: {} '{}' cannot be copied: {}", sides.to, row.record->kind->entity,
                        row.record->key(), refusal(row.result))));
      }
    }
    chunk.clear();
  };
  for (const Kind& kind : kinds()) {
    source.scan_records(kind, [&](const Record& record) {
      chunk.push_back(record);
      if (chunk.size() == inserter->chunk_rows())
        send();
    });
    send();
  }
  for (const auto& inspection : source.inspections())
    target.insert_inspection(inspection);  // results included
}

// Every entry as it is (seq, time, hashes), checked while it is read; each
// journal gathers what it writes (SQLite's blocks, PostgreSQL's COPY).
store::ChainCheck copy_journal(store::Store& source, store::Store& target, const CopySides& sides) {
  store::Journal& out = target.journal();
  store::ChainCheck chain =
      source.journal().check([&out](const store::JournalEntry& e) { out.insert_sealed(e); });
  if (chain.bad) {
    throw Failure(make_error(
        ErrorKind::data, "copy-source-chain",
        fmt::format("{}: journal {} (run numreg verify on it)", sides.from, chain.problem)));
  }
  return chain;
}

Error check_error(const CopySides& sides, const std::string& what) {
  return make_error(ErrorKind::data, "copy-check",
                    fmt::format("{}: the copy does not verify: {}", sides.to, what));
}

// What `verify` checks, on the target before it commits: the chain, the
// tables against the journal's replay, the store's own structures; and that
// it holds what the source holds.
void check_copy(store::Store& target, CopyReport& report, const CopySides& sides) {
  const VerifyReport v = verify_store(target, 5);
  const store::ChainCheck& chain = v.chain;
  const ReplayCheck& replayed = v.replay;
  const store::IntegrityReport& integrity = v.integrity;
  const TableCounts& tables = report.records;
  std::vector<Error> errors;
  if (chain.bad)
    errors.push_back(check_error(sides, "journal " + chain.problem));
  if (chain.entries != report.entries || chain.head != report.head) {
    errors.push_back(check_error(
        sides, fmt::format("its journal has {} entries up to head {}, the source's {} up to {}",
                           chain.entries, chain.head, report.entries, report.head)));
  }
  for (const auto& d : replayed.differences) {
    errors.push_back(check_error(
        sides, fmt::format("{} '{}' differs from the journal's replay", d.entity, d.key)));
  }
  for (const auto& p : integrity.problems)
    errors.push_back(check_error(sides, integrity.store + ": " + p));
  TableCounts copied = table_counts(target);
  for (size_t i = 0; i < copied.size(); ++i) {
    if (copied[i].second != tables[i].second) {
      errors.push_back(
          check_error(sides, fmt::format("{} {} rows, the source's {}", copied[i].first,
                                         copied[i].second, tables[i].second)));
    }
  }
  if (!errors.empty())
    throw Failure(std::move(errors));
  for (const auto& k : replayed.counts)
    report.replayed += k.records;
  report.checked = integrity.checked;
}

// The copy proper, in one transaction on the target.
void write_copy(store::Store& source, store::Store& target, CopyReport& report,
                const CopySides& sides) {
  store::BulkWrite bulk(target);
  store::WriteTransaction tx(target);
  refuse_unless_empty(target, sides);
  copy_tables(source, target, sides);
  store::ChainCheck chain = copy_journal(source, target, sides);
  report.entries = chain.entries;
  report.head = chain.head;
  check_copy(target, report, sides);
  tx.commit();
}

}  // namespace

CopyReport copy_store(store::Store& source, const store::StoreOptions& to, const CopySides& sides) {
  store::ReadSnapshot snapshot(source);
  CopyReport report;
  report.from = source.location();
  report.records = table_counts(source);
  report.created = on_side(sides.to, [&to] { return store::create_store(to); });
  try {
    auto target = on_side(sides.to, [&to] { return store::open_store(to); });
    report.to = target->location();
    write_copy(source, *target, report, sides);
  } catch (...) {
    // The target is closed by now: a registry file the copy made goes again.
    if (report.created)
      store::remove_created_store(to.location);
    throw;
  }
  return report;
}

CopyReport copy_registry(const store::StoreOptions& from, const store::StoreOptions& to) {
  if (store::same_location(from.location, to.location)) {
    throw Failure(make_error(ErrorKind::usage, "copy-same",
                             "--from and --to name the same registry: copy writes into another"));
  }
  auto source = on_side("--from", [&from] { return store::open_store(from); });
  return copy_store(*source, to, {});
}

}  // namespace numreg
