#include "registry/ledger.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "registry/model/record_range.hpp"
#include "registry/types/uscc.hpp"

namespace numreg {

namespace {

Failure not_found(const Kind& kind, const std::string& key) {
  return Failure(make_error(ErrorKind::data, "not-found",
                            fmt::format("no {} '{}' in the registry", kind.entity, key)));
}

void throw_if(std::vector<Error>& errors) {
  if (!errors.empty()) {
    throw Failure(std::move(errors));
  }
}

// Blacklisting and bad-check overrides must say why.
void require_reason(const Change& change, std::string_view what) {
  if (!change.reason || change.reason->empty()) {
    throw Failure(
        make_error(ErrorKind::usage, "reason-required", fmt::format("{} needs --reason", what)));
  }
}

}  // namespace

bool Ledger::init(const LedgerOptions& options) {
  return store::create_store(options);
}

bool Ledger::init_roles(const LedgerOptions& options) {
  return store::create_roles(options);
}

Ledger::Ledger(const LedgerOptions& options, Clock clock)
    : clock_(std::move(clock)),
      busy_timeout_ms_(options.busy_timeout_ms),
      store_(store::open_store(options)) {}

// Key parts are read like field values, so "400-810-8888" finds "4008108888".
std::vector<std::string> Ledger::split_key(const Kind& kind, const std::string& key) const {
  std::vector<std::string> parts = split_raw_key(kind, key);
  ValueContext ctx{clock_.today, true};
  for (size_t i = 0; i < parts.size(); ++i) {
    auto v = canonical_value(*kind.field(kind.key[i]), parts[i], ctx);
    if (v) {
      parts[i] = *v;
    }
  }
  return parts;
}

std::vector<std::string> Ledger::split_raw_key(const Kind& kind, const std::string& key) const {
  std::vector<std::string> parts;
  if (kind.key.size() == 1) {
    parts.push_back(key);
    return parts;
  }
  size_t start = 0;
  for (size_t i = 0; i + 1 < kind.key.size(); ++i) {
    size_t slash = key.find('/', start);
    if (slash == std::string::npos) {
      throw Failure(
          make_error(ErrorKind::usage, "key-form",
                     fmt::format("a {} key is {}", kind.entity, fmt::join(kind.key, "/"))));
    }
    parts.push_back(key.substr(start, slash - start));
    start = slash + 1;
  }
  parts.push_back(key.substr(start));
  return parts;
}

void Ledger::journal_write(const std::string& action, const Record* before, const Record* after,
                           const Change& change) {
  const Record& any = after ? *after : *before;
  store::JournalEntry e;
  e.time = clock_.now_utc;
  e.actor = change.actor;
  e.action = action;
  e.entity = any.kind->entity;
  e.key = any.key();
  // Personal data is journaled masked: the journal is read by many.
  if (before)
    e.before = before->to_json(false).dump();
  if (after)
    e.after = after->to_json(false).dump();
  e.reason = change.reason;
  e.batch = change.batch;
  store_->journal().append(e);
}

void Ledger::journal_event(const std::string& action, const std::string& entity,
                           const std::string& key, const Change& change) {
  store::JournalEntry e;
  e.time = clock_.now_utc;
  e.actor = change.actor;
  e.action = action;
  e.entity = entity;
  e.key = key;
  e.reason = change.reason;
  e.batch = change.batch;
  store_->journal().append(e);
}

void Ledger::write_derived(const Record& r, const Record* before) {
  const std::string& name = r.kind->name;
  if (name == "resources") {
    store_->set_resource_range(r.text("id"), resource_range(r));
  } else if (name == "leases") {
    if (before && before->get("permitted_callers") == r.get("permitted_callers"))
      return;  // the same permits: rewriting them would change nothing
    auto ranges = parse_number_ranges(r.text("permitted_callers"));
    store_->replace_permits(r.text("id"), value_or_throw(std::move(ranges)));
  } else if (name == "holders") {
    store_->set_uscc_check(r.text("uscc"), parse_uscc(r.text("uscc")).has_value());
  }
}

Outcome Ledger::write(const Record& r, bool upsert, const Change& change) {
  if (r.kind->name == "holders" && !parse_uscc(r.text("uscc"))) {
    require_reason(change, "accepting a USCC with a wrong check character");
  }
  auto existing = store_->find(*r.kind, split_key(*r.kind, r.key()));
  if (existing && !upsert) {
    throw Failure(make_error(ErrorKind::data, "duplicate-key",
                             fmt::format("{} '{}' already exists", r.kind->entity, r.key())));
  }
  if (existing && existing->values == r.values) {
    return Outcome::unchanged;
  }
  if (existing) {
    store_->update(r);
  } else if (r.kind->name == "permits") {
    store_->insert_permit(r.text("lease"), value_or_throw(first_last_range(r)));
  } else {
    store_->insert(r);
  }
  write_derived(r, existing ? &*existing : nullptr);
  journal_write(existing ? "update" : "add", existing ? &*existing : nullptr, &r, change);
  return existing ? Outcome::changed : Outcome::added;
}

Outcome Ledger::set_verified_on(const std::string& id, Date on, const Change& change) {
  Record before = get(kind("leases"), id);
  Record after = before;
  after.set("verified_on", on.iso());
  if (after.values == before.values)
    return Outcome::unchanged;
  store_->set_verified_on(id, on);
  journal_write("update", &before, &after, change);
  return Outcome::changed;
}

Record Ledger::add(const Kind& kind, const RawValues& raw, const Change& change) {
  std::vector<Error> errors;
  Record r = build(kind, raw, change, errors);
  check(r, errors);
  store::WriteTransaction tx(*store_);
  store_->journal().forget_head();
  check_references(r, errors);
  throw_if(errors);
  write(r, false, change);
  tx.commit();
  return r.kind->name == "permits" ? r : get(kind, r.key());
}

std::pair<Record, Outcome> Ledger::update(const Kind& kind, const std::string& key,
                                          const RawValues& raw, const Change& change) {
  store::WriteTransaction tx(*store_);
  store_->journal().forget_head();
  Record before = get(kind, key);
  std::vector<Error> errors;
  Record changes = build(kind, raw, change, errors);
  Record after = before;
  for (const auto& [name, text] : raw) {
    int i = kind.index(name);
    if (i < 0)
      continue;
    if (std::find(kind.key.begin(), kind.key.end(), name) != kind.key.end() &&
        changes.values[i] != before.values[i]) {
      errors.push_back(data_error("key-change", fmt::format("{} is the key of a {} and cannot "
                                                            "change",
                                                            name, kind.entity)));
    }
    after.values[i] = changes.values[i];
  }
  after.as_written = changes.as_written;
  check(after, errors);
  check_references(after, errors);
  throw_if(errors);
  Outcome outcome = write(after, true, change);
  tx.commit();
  return {get(kind, key), outcome};
}

Record Ledger::remove(const Kind& kind, const std::string& key, const Change& change) {
  store::WriteTransaction tx(*store_);
  store_->journal().forget_head();
  Record before = get(kind, key);
  store_->remove(before);
  journal_write("remove", &before, nullptr, change);
  tx.commit();
  return before;
}

Record Ledger::end_lease(const std::string& id, std::optional<Date> end, const Change& change) {
  Date when = end.value_or(clock_.today);
  RawValues raw{{"end", when.iso()}};
  if (when <= clock_.today) {
    raw.emplace_back("status", "ended");
  }
  return update(kind("leases"), id, raw, change).first;
}

Record Ledger::blacklist(const std::string& uscc, const Change& change) {
  require_reason(change, "blacklisting a holder");
  RawValues raw{{"credit_status", "blacklisted"}, {"credit_reason", *change.reason}};
  return update(kind("holders"), uscc, raw, change).first;
}

std::optional<Record> Ledger::find(const Kind& kind, const std::string& key) {
  return store_->find(kind, split_key(kind, key));
}

Record Ledger::get(const Kind& kind, const std::string& key) {
  auto parts = split_key(kind, key);
  auto r = store_->find(kind, parts);
  if (!r) {
    throw not_found(kind, fmt::format("{}", fmt::join(parts, "/")));
  }
  return *r;
}

}  // namespace numreg
