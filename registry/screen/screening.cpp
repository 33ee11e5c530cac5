// Screening call records against the ledger: the rules S001-S007.
#include "registry/screen/screening.hpp"

#include "registry/export/csv_writer.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <future>
#include <iterator>
#include <ostream>

#include <fmt/format.h>

#include "registry/screen/number_key.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kTrackedCallers = 250'000;  // callers counted for the worst offenders

std::string iso_time(int64_t epoch) {
  const int64_t days = epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400;
  return DateTime{Date::from_days(days), static_cast<int>(epoch - days * 86400)}.iso();
}

std::string day_text(int32_t day) {
  return Date::from_days(day).iso();
}

std::string clock_text(int32_t second) {
  return fmt::format("{:02}:{:02}:{:02}", second / 3600, second / 60 % 60, second % 60);
}

std::string_view rule_word(int rule) {
  return rule == S004 ? "one-ring" : "call bombing";
}

}  // namespace

ScreenSettings ScreenSettings::from_config(const Config& config) {
  ScreenSettings s;
  s.one_ring_max_ring_ms = config.get_int("screen.one_ring_max_ring_s") * 1000;
  s.one_ring_calls = static_cast<int>(config.get_int("screen.one_ring_calls"));
  s.one_ring_window_s = config.get_int("screen.one_ring_minutes") * 60;
  s.bombing_calls = static_cast<int>(config.get_int("screen.bombing_calls"));
  s.bombing_window_s = config.get_int("screen.bombing_minutes") * 60;
  s.tolerance_s = config.get_int("screen.disorder_minutes") * 60;
  return s;
}

ViolationCsv::ViolationCsv(std::ostream& out) : out_(out) {
  out_ << "line,rule,time,trunk,caller,callee,detail\n";
}

void ViolationCsv::add(const Violation& v) {
  row_.clear();
  append_csv_row(row_, v);
  out_ << row_;
}

size_t append_csv_row(std::string& out, const Violation& v) {
  fmt::format_to(std::back_inserter(out), "{},{},{},", v.line, rule_id(v.rule), iso_time(v.time));
  const size_t trunk_at = out.size();
  out += csv_field(v.trunk);
  fmt::format_to(std::back_inserter(out), ",{},{},{}\n", csv_field(v.caller), csv_field(v.callee),
                 csv_field(v.detail));
  return trunk_at;
}

namespace {

// Copy `n` bytes; those of a call record's fields (mostly 8 to 16) without a
// call to memcpy.
void copy_field(char* to, const char* from, size_t n) {
  if (n >= 8 && n <= 16) {
    uint64_t head;
    uint64_t tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + n - 8, 8);
    std::memcpy(to, &head, 8);
    std::memcpy(to + n - 8, &tail, 8);
  } else {
    std::memcpy(to, from, n);
  }
}

}  // namespace

void RoutedText::append(std::string_view a, std::string_view b, std::string_view c) {
  const size_t n = a.size() + b.size() + c.size();
  if (size_ + n > room_)
    grow(size_ + n);
  char* to = bytes_.get() + size_;
  copy_field(to, a.data(), a.size());
  copy_field(to + a.size(), b.data(), b.size());
  copy_field(to + a.size() + b.size(), c.data(), c.size());
  size_ += n;
}

void RoutedText::grow(size_t needed) {
  const size_t room = std::max(needed, 2 * room_ + 4096);
  auto bytes = std::make_unique_for_overwrite<char[]>(room);
  if (size_)
    std::memcpy(bytes.get(), bytes_.get(), size_);
  bytes_ = std::move(bytes);
  room_ = room;
}

Screener::Screener(const ScreenIndex& index, ScreenSettings settings, ViolationSink* sink)
    : index_(index),
      settings_(settings),
      sink_(sink),
      // S004 needs at least K calls; S005 more than N, so N + 1.
      one_ring_(settings.one_ring_calls, settings.one_ring_window_s, settings.tolerance_s),
      bombing_(settings.bombing_calls + 1, settings.bombing_window_s, settings.tolerance_s),
      trunk_counts_(index.trunks.size()),
      holder_counts_(index.holders.size()),
      caller_counts_(kTrackedCallers) {}

void Screener::on_progress(ProgressCallback callback, uint64_t total_bytes) {
  progress_ = std::move(callback);
  done_.total = total_bytes;
}

void Screener::screen(CdrReader& reader) {
  // Records are read in batches and screened in a pipeline of three stages
  // kAhead records apart: read the numbers and start loading the trunk's
  // slot; find the trunk and start loading its lease and S005 slot; screen.
  // The memory accesses of a record overlap the work on the records around
  // it instead of waiting one after another.
  constexpr size_t kBatch = 128;
  constexpr size_t kAhead = 8;
  constexpr uint64_t kReportEvery = 4096 / kBatch;  // batches
  uint64_t batches = 0;
  files_.push_back(reader.name());
  const auto file = static_cast<uint32_t>(files_.size() - 1);
  std::vector<Result<Cdr>> batch;
  std::vector<Prepared> prepared(kBatch);
  while (reader.next_batch(batch, kBatch)) {
    const size_t n = batch.size();
    for (size_t i = 0; i < n + 2 * kAhead; ++i) {
      if (i < n && batch[i])
        start(*batch[i], prepared[i]);
      if (const size_t j = i - kAhead; i >= kAhead && j < n && batch[j])
        locate(*batch[j], prepared[j]);
      if (const size_t k = i - 2 * kAhead; i >= 2 * kAhead && k < n) {
        order_ = summary_.records++;
        if (batch[k]) {
          take_time(batch[k]->time);
          screen(*batch[k], file, prepared[k]);
        } else {
          unreadable(batch[k].error(), reader.name());
        }
      }
    }
    flush_counts(false);
    if (progress_ && ++batches % kReportEvery == 0)
      report(reader);
  }
  if (progress_)
    report(reader);
  bytes_before_ += reader.bytes_consumed();
}

void Screener::screen(const RoutedBatch& batch, const std::vector<std::string>& names) {
  // The pipeline of screen(CdrReader&), over sub-batches of kBatch: a
  // routed record's caller key was read by the thread that routed it.
  constexpr size_t kBatch = 128;
  constexpr size_t kAhead = 8;
  while (files_.size() < names.size())
    files_.push_back(names[files_.size()]);
  size_t next_clocks = 0;
  // The windows' clocks as they were after record `order` of all records.
  const auto follow = [&](uint64_t order, int64_t newest) {
    for (; next_clocks < batch.clocks.size() && batch.clocks[next_clocks].order <= order;
         ++next_clocks) {
      one_ring_.follow(batch.clocks[next_clocks].one_ring);
      bombing_.follow(batch.clocks[next_clocks].bombing);
    }
    BurstClock ring = one_ring_.clock();
    BurstClock bombing = bombing_.clock();
    ring.newest = bombing.newest = newest;
    one_ring_.follow(ring);
    bombing_.follow(bombing);
  };
  std::vector<Prepared> prepared(kBatch);
  std::vector<Cdr> cdrs(kBatch);
  const char* text = batch.text.data();
  for (size_t from = 0; from < batch.records.size(); from += kBatch) {
    const RoutedCdr* part = batch.records.data() + from;
    const size_t n = std::min(kBatch, batch.records.size() - from);
    for (size_t i = 0; i < n; ++i) {
      const RoutedCdr& r = part[i];
      const char* at = text + r.text_at;
      cdrs[i] = Cdr{r.line,
                    r.time,
                    r.day,
                    r.second,
                    r.ring_ms,
                    r.talk_ms,
                    {},
                    {at, r.trunk_size},
                    {at + r.trunk_size, r.caller_size},
                    {at + r.trunk_size + r.caller_size, r.callee_size}};
    }
    for (size_t i = 0; i < n + 2 * kAhead; ++i) {
      if (i < n) {
        Prepared& p = prepared[i];
        p.hash = ScreenIndex::trunk_hash(cdrs[i].trunk);
        index_.prefetch_slot(p.hash);
        if (part[i].caller_read) {
          p.caller = part[i].caller_key;
        } else {
          p.caller = number_key(cdrs[i].caller);
        }
        p.callee = number_key(cdrs[i].callee);
      }
      if (const size_t j = i - kAhead; i >= kAhead && j < n)
        locate(cdrs[j], prepared[j]);
      if (const size_t k = i - 2 * kAhead; i >= 2 * kAhead && k < n) {
        order_ = part[k].order;
        follow(part[k].order, part[k].newest);
        screen(cdrs[k], part[k].file, prepared[k]);
      }
    }
    flush_counts(false);
  }
  // Rolls after this thread's last record of the batch.
  follow(UINT64_MAX, one_ring_.clock().newest);
}

// The first stage: the numbers; the trunk's slot starts loading.
void Screener::start(const Cdr& cdr, Prepared& p) const {
  p.hash = ScreenIndex::trunk_hash(cdr.trunk);
  index_.prefetch_slot(p.hash);
  p.caller = number_key(cdr.caller);
  p.callee = number_key(cdr.callee);
}

// The second stage: the trunk's slot (loaded by now); its first lease and
// the call's S005 window slot start loading.
void Screener::locate(const Cdr& cdr, Prepared& p) const {
  p.slot = index_.find_slot(cdr.trunk, p.hash);
  if (p.slot)
    index_.prefetch_leases(*p.slot);
  if (p.caller && p.callee)
    bombing_.prefetch(BurstKey{*p.caller, *p.callee});
}

void Screener::report(const CdrReader& reader) {
  done_.records = summary_.records;
  done_.done = bytes_before_ + reader.bytes_consumed();
  progress_(done_);
}

void count_unreadable(ScreenSummary& summary, const ScreenSettings& settings, const Error& error,
                      const std::string& name) {
  ++summary.unreadable;
  if (summary.errors.size() < settings.kept_errors)
    summary.errors.push_back(error);
  if (settings.max_errors && summary.unreadable >= settings.max_errors) {
    std::vector<Error> errors = summary.errors;
    errors.push_back(
        make_error(ErrorKind::data, "max-errors",
                   fmt::format("{}: stopped after {} records that cannot be read (--max-errors {})",
                               name, summary.unreadable, settings.max_errors)));
    throw Failure(std::move(errors));
  }
}

void Screener::unreadable(const Error& error, const std::string& name) {
  count_unreadable(summary_, settings_, error, name);
}

uint32_t Screener::trunk_id(std::string_view trunk, uint32_t known) {
  if (known != kNone)
    return known;
  // Unknown trunks are counted one by one up to a limit, so that a file of
  // any size keeps memory bounded; the rest share one count.
  auto it = unknown_ids_.find(std::string(trunk));
  if (it != unknown_ids_.end())
    return it->second;
  const bool full = unknown_ids_.size() >= unknown_cap_;
  const std::string name = full ? std::string(kOtherUnknownTrunks) : std::string(trunk);
  auto [slot, added] = unknown_ids_.try_emplace(name, 0);
  if (added) {
    slot->second = index_.trunk_ids.size() + unknown_trunks_.add(name);
    trunk_counts_.push_back(0);
    unknown_first_.push_back(order_);
  }
  return slot->second;
}

std::string_view Screener::trunk_text(uint32_t id) const {
  return id < index_.trunk_ids.size() ? index_.trunk_ids.at(id)
                                      : unknown_trunks_.at(id - index_.trunk_ids.size());
}

void Screener::count(int rule, uint32_t trunk, uint32_t holder, const int64_t* caller) {
  ++summary_.violations;
  ++summary_.by_rule[rule];
  pending_.push_back(Pending{trunk, holder, caller ? *caller : 0, caller != nullptr, order_});
}

// The counts of the batch before are added now, their slots having been
// loaded while this batch was screened; this batch's slots start loading.
void Screener::flush_counts(bool all) {
  for (const Pending& p : ready_) {
    ++trunk_counts_[p.trunk];
    if (p.holder != kNone)
      ++holder_counts_[p.holder];
    if (p.has_caller)
      caller_counts_.add(p.caller, p.order);
  }
  ready_.clear();
  ready_.swap(pending_);
  for (const Pending& p : ready_) {
    __builtin_prefetch(&trunk_counts_[p.trunk], 1);
    if (p.holder != kNone)
      __builtin_prefetch(&holder_counts_[p.holder], 1);
    if (p.has_caller)
      caller_counts_.prefetch(p.caller);
  }
  if (all && !ready_.empty())
    flush_counts(false);
}

void Screener::emit(int rule, uint32_t file, uint64_t line, int64_t time, uint32_t trunk,
                    std::string caller_text, std::string callee_text, std::string detail) {
  sink_->add(Violation{files_[file], line, rule, time, trunk_text(trunk), std::move(caller_text),
                       std::move(callee_text), std::move(detail), order_,
                       trunk >= index_.trunk_ids.size()});
}

const IndexLease* Screener::call_lease(const Cdr& cdr, const TrunkSlot* slot, const int64_t* caller,
                                       bool& permitted, bool& any_active) const {
  permitted = any_active = false;
  if (!slot)
    return nullptr;
  const IndexLease* first_active = nullptr;
  for (uint32_t i = slot->leases_begin, end = index_.leases_end(*slot); i < end; ++i) {
    const IndexLease& lease = index_.leases[i];
    if (!lease.active_on(cdr.day))
      continue;
    if (!first_active)
      first_active = &lease;
    if (caller && index_.permits(lease, *caller)) {
      permitted = any_active = true;
      return &lease;
    }
  }
  any_active = first_active != nullptr;
  return first_active;
}

void Screener::check_caller(const Cdr& cdr, uint32_t file, const TrunkSlot* slot,
                            const Result<int64_t>& caller, const Result<int64_t>& callee,
                            const IndexLease*& lease) {
  bool permitted = false;
  bool any_active = false;
  const uint32_t known = slot ? slot->trunk : kNone;
  lease = call_lease(cdr, slot, caller ? &*caller : nullptr, permitted, any_active);
  const uint32_t holder = lease ? lease->holder : kNone;
  // The texts of a violation are made only when -o asks for them.
  auto say = [&](int rule, auto&& detail) {
    const uint32_t trunk = trunk_id(cdr.trunk, known);
    count(rule, trunk, holder, caller ? &*caller : nullptr);
    if (sink_) {
      emit(rule, file, cdr.line, cdr.time, trunk,
           caller ? key_canonical(*caller) : std::string(cdr.caller),
           callee ? key_canonical(*callee) : std::string(cdr.callee), detail());
    }
  };
  if (!caller) {
    say(S003, [&] {
      return fmt::format("caller '{}' is non-standard: {}", cdr.caller,
                         number_problem(caller.error()));
    });
    return;
  }
  if (slot && slot->international) {
    if (key_is_domestic(*caller)) {
      say(S002, [&] {
        return fmt::format("domestic caller {} on international gateway trunk {}",
                           key_canonical(*caller), cdr.trunk);
      });
    }
    return;
  }
  if (permitted)
    return;
  if (known == kNone) {
    say(S001, [&] { return fmt::format("trunk {} is not in the registry", cdr.trunk); });
  } else if (!any_active) {
    say(S001, [&] {
      return fmt::format("no lease of trunk {} is active on {}", cdr.trunk, day_text(cdr.day));
    });
  } else {
    say(S001, [&] {
      return fmt::format("caller {} is not permitted by the leases of trunk {} active on {}",
                         key_canonical(*caller), cdr.trunk, day_text(cdr.day));
    });
  }
}

void Screener::check_marketing(const Cdr& cdr, uint32_t file, uint32_t known,
                               const IndexLease& lease, const Result<int64_t>& caller,
                               const Result<int64_t>& callee) {
  auto say = [&](int rule, auto&& detail) {
    count(rule, known, lease.holder, caller ? &*caller : nullptr);
    if (sink_) {
      emit(rule, file, cdr.line, cdr.time, known,
           caller ? key_canonical(*caller) : std::string(cdr.caller),
           callee ? key_canonical(*callee) : std::string(cdr.callee), detail());
    }
  };
  if (callee) {
    if (const IndexRefusal* r = index_.refusal(*callee, lease.holder, cdr.day)) {
      say(S006, [&] {
        return r->holder == kNone
                   ? fmt::format("callee refused all marketing calls on {} (lease {})",
                                 day_text(r->day), index_.lease_ids.at(lease.id))
                   : fmt::format("callee refused calls from holder {} on {} (lease {})",
                                 index_.holders.at(r->holder), day_text(r->day),
                                 index_.lease_ids.at(lease.id));
      });
    }
  }
  if (lease.windows_end > lease.windows_begin && !index_.within_windows(lease, cdr.second)) {
    say(S007, [&] {
      return fmt::format("call at {} is outside the time windows {} of lease {}'s contract",
                         clock_text(cdr.second), index_.texts.at(lease.windows_text),
                         index_.lease_ids.at(lease.id));
    });
  }
}

void Screener::check_bursts(const Cdr& cdr, uint32_t file, uint32_t trunk, uint32_t holder,
                            const Result<int64_t>& caller, const Result<int64_t>& callee) {
  if (!caller)
    return;
  BurstCall call{
      cdr.time, 0, static_cast<uint32_t>(cdr.line), trunk, holder, static_cast<uint16_t>(file), 0};
  const auto flag = [this](int rule) {
    return [this, rule](const BurstKey& key, const BurstCall& c) {
      count(rule, c.trunk, c.holder, &key.caller);
      if (!sink_)
        return;
      const int64_t callee_key = rule == S004 ? c.other : key.callee;
      std::string detail =
          rule == S004
              ? fmt::format(
                    "{}: one of at least {} unanswered calls ringing under {} s from this "
                    "caller within {} minutes",
                    rule_word(rule), settings_.one_ring_calls,
                    settings_.one_ring_max_ring_ms / 1000.0, settings_.one_ring_window_s / 60)
              : fmt::format(
                    "{}: one of more than {} calls from this caller to this callee "
                    "within {} minutes",
                    rule_word(rule), settings_.bombing_calls, settings_.bombing_window_s / 60);
      emit(rule, c.file, c.line, c.time, c.trunk, key_canonical(key.caller),
           callee_key ? key_canonical(callee_key) : std::string(), std::move(detail));
    };
  };
  if (cdr.talk_ms == 0 && cdr.ring_ms < settings_.one_ring_max_ring_ms) {
    call.other = callee ? *callee : 0;
    one_ring_.add(BurstKey{*caller, 0}, call, flag(S004));
  }
  if (callee) {
    call.other = 0;
    bombing_.add(BurstKey{*caller, *callee}, call, flag(S005));
  }
}

void Screener::screen(const Cdr& cdr, uint32_t file) {
  Prepared p;
  start(cdr, p);
  locate(cdr, p);
  order_ = summary_.records;
  take_time(cdr.time);
  screen(cdr, file, p);
  flush_counts(true);
}

void Screener::take_time(int64_t time) {
  if (newest_ != INT64_MIN && time < newest_ - settings_.tolerance_s)
    ++summary_.late;
  newest_ = std::max(newest_, time);
  one_ring_.advance(time);
  bombing_.advance(time);
}

void Screener::screen(const Cdr& cdr, uint32_t file, const Prepared& p) {
  const uint32_t known = p.slot ? p.slot->trunk : kNone;
  const IndexLease* lease = nullptr;
  check_caller(cdr, file, p.slot, p.caller, p.callee, lease);
  const uint32_t trunk = known != kNone ? known : trunk_id(cdr.trunk, known);
  if (lease && lease->marketing)
    check_marketing(cdr, file, trunk, *lease, p.caller, p.callee);
  check_bursts(cdr, file, trunk, lease ? lease->holder : kNone, p.caller, p.callee);
}

void Screener::absorb(const std::vector<Screener*>& others) {
  flush_counts(true);
  const size_t known = index_.trunk_ids.size();
  // Unknown trunks: all screeners' together, each by the order it was met
  // first, as one screener would have met them (one at a time would lose
  // the counts of a trunk named by a later one).
  struct Unknown {
    uint64_t first;
    std::string name;
    uint64_t count;
  };
  std::vector<Unknown> unknown;
  uint64_t others_count = 0;
  const auto take_unknown = [&](const Screener& s) {
    for (size_t u = 0; u < s.unknown_first_.size(); ++u) {
      const std::string_view name = s.unknown_trunks_.at(u);
      const uint64_t n = s.trunk_counts_[known + u];
      if (name == kOtherUnknownTrunks)
        others_count += n;
      else
        unknown.push_back(Unknown{s.unknown_first_[u], std::string(name), n});
    }
  };
  take_unknown(*this);
  for (Screener* other : others) {
    other->flush_counts(true);
    summary_.violations += other->summary_.violations;
    for (int r = 0; r < kRules; ++r)
      summary_.by_rule[r] += other->summary_.by_rule[r];
    for (size_t t = 0; t < known; ++t)
      trunk_counts_[t] += other->trunk_counts_[t];
    for (size_t h = 0; h < holder_counts_.size(); ++h)
      holder_counts_[h] += other->holder_counts_[h];
    // Each caller's records went to one screener: its count is in one table.
    absorbed_callers_.push_back(&other->caller_counts_);
    take_unknown(*other);
  }
  std::sort(unknown.begin(), unknown.end(), [](const Unknown& a, const Unknown& b) {
    return a.first != b.first ? a.first < b.first : a.name < b.name;
  });
  unknown_trunks_ = StringTable();
  unknown_ids_.clear();
  unknown_first_.clear();
  trunk_counts_.resize(known);
  for (const Unknown& u : unknown) {
    order_ = u.first;
    trunk_counts_[trunk_id(u.name, kNone)] += u.count;
  }
  if (others_count)
    trunk_counts_[trunk_id(kOtherUnknownTrunks, kNone)] += others_count;
}

std::vector<Offender> Screener::worst_callers() const {
  // The callers counted: this screener's and those of the screeners it
  // absorbed, each caller in one of them; of those, the first
  // kTrackedCallers met, as one screener counts them.
  std::vector<const CallerCounts*> tables{&caller_counts_};
  tables.insert(tables.end(), absorbed_callers_.begin(), absorbed_callers_.end());
  size_t held = 0;
  for (const CallerCounts* t : tables)
    held += t->size();
  uint64_t last_first = UINT64_MAX;  // callers met first after it are not counted
  if (held > kTrackedCallers) {
    std::vector<uint64_t> firsts;
    firsts.reserve(held);
    for (const CallerCounts* t : tables)
      t->each_first([&](int64_t, uint64_t, uint64_t first) { firsts.push_back(first); });
    const auto cut = firsts.begin() + static_cast<std::ptrdiff_t>(kTrackedCallers - 1);
    std::nth_element(firsts.begin(), cut, firsts.end());
    last_first = *cut;
  }
  const auto each_counted = [&](auto&& f) {
    for (const CallerCounts* t : tables) {
      t->each_first([&](int64_t caller, uint64_t n, uint64_t first) {
        if (first <= last_first)
          f(caller, n);
      });
    }
  };
  // Texts only for the callers that can be among the worst: those counted at
  // least as often as the settings_.worst-th most counted (ties kept, so
  // keep_worst orders them as it would all callers).
  std::vector<uint64_t> counts;
  each_counted([&](int64_t, uint64_t n) { counts.push_back(n); });
  uint64_t least = 0;
  if (settings_.worst == 0) {
    least = UINT64_MAX;
  } else if (counts.size() > settings_.worst) {
    const auto nth = counts.begin() + static_cast<std::ptrdiff_t>(settings_.worst - 1);
    std::nth_element(counts.begin(), nth, counts.end(), std::greater<>());
    least = *nth;
  }
  std::vector<Offender> worst;
  each_counted([&](int64_t caller, uint64_t n) {
    if (n >= least)
      worst.push_back({key_canonical(caller), n});
  });
  keep_worst(worst, settings_.worst);
  return worst;
}

ScreenSummary Screener::summary() {
  flush_counts(true);
  // With the callers of other screeners absorbed (a run on several
  // threads), the worst callers are found on a thread of their own while
  // this one frees the windows and names the counts by trunk and holder.
  std::future<std::vector<Offender>> worst;
  if (!absorbed_callers_.empty())
    worst = std::async(std::launch::async, [this] { return worst_callers(); });
  one_ring_ = Bursts(1, 1, 0);
  bombing_ = Bursts(1, 1, 0);
  ScreenSummary s = summary_;
  std::vector<NameCounts::Entry> counts;
  counts.reserve(static_cast<size_t>(trunk_counts_.size() -
                                     std::count(trunk_counts_.begin(), trunk_counts_.end(), 0)));
  for (uint32_t t = 0; t < trunk_counts_.size(); ++t) {
    if (trunk_counts_[t])
      counts.emplace_back(trunk_text(t), trunk_counts_[t]);
  }
  s.by_trunk = NameCounts::of(std::move(counts));
  counts = {};
  for (uint32_t h = 0; h < holder_counts_.size(); ++h) {
    if (holder_counts_[h])
      counts.emplace_back(index_.holders.at(h), holder_counts_[h]);
  }
  s.by_holder = NameCounts::of(std::move(counts));
  s.worst = worst.valid() ? worst.get() : worst_callers();
  return s;
}

}  // namespace numreg::screen
