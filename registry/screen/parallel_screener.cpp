// Screening call records on several threads, with the output of one.
#include "registry/screen/parallel_screener.hpp"

#include "registry/export/csv_writer.hpp"
#include "registry/screen/caller_route.hpp"
#include "registry/screen/mix.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kRound = 4096;  // records a round
// Rounds under way at once: few enough that a round's records are still in
// the shared cache when another core screens them.
constexpr size_t kRounds = 4;
constexpr size_t kBatch = 128;                  // records read at once
constexpr size_t kRoundText = size_t{1} << 30;  // bytes of fields a round holds at most
// Unknown trunks a screening thread counts by name: all that one thread would
// name can be among them, whichever thread meets them.
constexpr size_t kThreadUnknownTrunks = 1'000'000;

}  // namespace

void ParallelScreener::RowSink::add(const Violation& violation) {
  const size_t trunk_at = append_csv_row(part->rows, violation);
  part->row_ends.push_back(Row{violation.order, part->rows.size(), trunk_at,
                               violation.unknown_trunk ? std::string(violation.trunk) : ""});
}

ParallelScreener::ParallelScreener(const ScreenIndex& index, ScreenSettings settings,
                                   ViolationCsv* csv, unsigned jobs)
    : buckets_(jobs),
      csv_(csv),
      settings_(settings),
      one_ring_span_(Bursts::span(settings.one_ring_window_s, settings.tolerance_s)),
      bombing_span_(Bursts::span(settings.bombing_window_s, settings.tolerance_s)),
      rounds_(kRounds),
      bucket_round_(buckets_, 0),
      bucket_busy_(buckets_, false) {
  for (Round& round : rounds_) {
    round.parts.resize(buckets_);
    for (Part& part : round.parts)
      part.batch.records.reserve(kRound / buckets_ * 2);
  }
  for (unsigned b = 0; b < buckets_; ++b) {
    sinks_.push_back(std::make_unique<RowSink>());
    screeners_.push_back(
        std::make_unique<Screener>(index, settings, csv_ ? sinks_.back().get() : nullptr));
    screeners_.back()->unknown_cap_ = kThreadUnknownTrunks;
  }
  filling_ = &rounds_[0];
  for (unsigned w = 1; w < jobs; ++w)
    threads_.emplace_back([this] { work(); });
}

ParallelScreener::~ParallelScreener() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_)
    t.join();
}

void ParallelScreener::on_progress(ProgressCallback callback, uint64_t total_bytes) {
  progress_ = std::move(callback);
  done_.total = total_bytes;
}

void ParallelScreener::screen(CdrReader& reader) {
  constexpr uint64_t kReportEvery = 4096 / kBatch;  // batches
  uint64_t batches = 0;
  names_.push_back(reader.name());
  const auto file = static_cast<uint32_t>(names_.size() - 1);
  std::vector<Result<Cdr>> batch;
  try {
    while (reader.next_batch(batch, kBatch)) {
      for (Result<Cdr>& record : batch) {
        const uint64_t order = read_.records++;
        if (!record) {
          count_unreadable(read_, settings_, record.error(), reader.name());
          continue;
        }
        const bool rolled = take_time(record->time);
        route(*record, order, file, rolled);
      }
      if (progress_ && ++batches % kReportEvery == 0)
        report(reader);
    }
  } catch (...) {
    // One thread would have screened, and written the rows of, every record
    // before the one that stopped it.
    dispatch();
    finish_all();
    throw;
  }
  if (progress_)
    report(reader);
  bytes_before_ += reader.bytes_consumed();
}

bool ParallelScreener::take_time(int64_t time) {
  // As Screener::take_time, whose windows advance their clocks.
  if (one_ring_.newest != INT64_MIN && time < one_ring_.newest - settings_.tolerance_s)
    ++read_.late;
  const bool ring = one_ring_.advance(time, one_ring_span_);
  const bool bombing = bombing_.advance(time, bombing_span_);
  return ring || bombing;
}

void ParallelScreener::report(const CdrReader& reader) {
  done_.records = read_.records;
  done_.done = bytes_before_ + reader.bytes_consumed();
  progress_(done_);
}

// Hand the record to its caller's thread, with its fields copied into the
// round (the reader's buffer moves on) and the windows' clocks after it.
void ParallelScreener::route(const Cdr& cdr, uint64_t order, uint32_t file, bool rolled) {
  if (rolled) {
    // Every thread follows every roll.
    for (Part& p : filling_->parts)
      p.batch.clocks.push_back(RoutedClocks{order, one_ring_, bombing_});
  }
  const CallerRoute caller = route_caller(cdr.caller);
  // The bucket: the caller's tail spread over 64 bits, scaled to buckets_;
  // a caller that cannot be read has no windows, and goes round in turn.
  const auto bucket =
      caller.readable ? static_cast<size_t>(
                            (static_cast<unsigned __int128>(mix64(caller.tail)) * buckets_) >> 64)
                      : static_cast<size_t>(order % buckets_);
  RoutedBatch& batch = filling_->parts[bucket].batch;
  batch.records.push_back(
      RoutedCdr{order, cdr.line, cdr.time, cdr.day, cdr.second, cdr.ring_ms, cdr.talk_ms,
                one_ring_.newest, caller.key, static_cast<uint32_t>(batch.text.size()),
                static_cast<uint32_t>(cdr.trunk.size()), static_cast<uint32_t>(cdr.caller.size()),
                static_cast<uint32_t>(cdr.callee.size()), file, caller.keyed});
  batch.text.append(cdr.trunk, cdr.caller, cdr.callee);
  // A round's text stays well within the 32-bit offsets of its records.
  if (++filled_ == kRound || batch.text.size() >= kRoundText)
    dispatch();
}

// Hand out the round being filled, and take the next free one.
void ParallelScreener::dispatch() {
  if (filled_ == 0)
    return;
  filling_->names = names_;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++handed_out_;
  }
  work_ready_.notify_all();
  // The next round to fill is the oldest when all are under way: it is
  // filled only once finished (a failure there leaves nothing half-handed).
  filling_ = &rounds_[handed_out_ % kRounds];
  filled_ = 0;
  if (handed_out_ - finished_ == kRounds)
    finish_oldest();
}

// Wait for the oldest round handed out, and write its rows. Meanwhile the
// reading thread screens what no other thread has taken, of any round: its
// reading is ahead.
void ParallelScreener::finish_oldest() {
  Round& round = rounds_[finished_ % kRounds];
  for (std::unique_lock<std::mutex> lock(mutex_);;) {
    if (failure_)
      std::rethrow_exception(failure_);
    if (round.done == buckets_)
      break;
    Task task{};
    if (claim(task)) {
      lock.unlock();
      run(task);
      lock.lock();
    } else {
      round_done_.wait(lock);
    }
  }
  if (csv_) {
    // Each bucket's rows are in the order of their records; merge them.
    std::vector<size_t> next(buckets_, 0);
    for (;;) {
      unsigned from = buckets_;
      for (unsigned b = 0; b < buckets_; ++b) {
        const Part& p = round.parts[b];
        if (next[b] < p.row_ends.size() &&
            (from == buckets_ ||
             p.row_ends[next[b]].order < round.parts[from].row_ends[next[from]].order)) {
          from = b;
        }
      }
      if (from == buckets_)
        break;
      // The rows of one record together, in the order found.
      const Part& p = round.parts[from];
      const uint64_t order = p.row_ends[next[from]].order;
      while (next[from] < p.row_ends.size() && p.row_ends[next[from]].order == order)
        write_row(p, next[from]++);
    }
  }
  for (Part& p : round.parts) {
    p.batch.records.clear();
    p.batch.clocks.clear();
    p.batch.text.clear();
    p.rows.clear();
    p.row_ends.clear();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  round.done = 0;
  ++finished_;
}

void ParallelScreener::write_row(const Part& part, size_t row) {
  const Row& r = part.row_ends[row];
  const size_t begin = row ? part.row_ends[row - 1].end : 0;
  const std::string_view text = std::string_view(part.rows).substr(begin, r.end - begin);
  if (r.unknown.empty() || named_.contains(r.unknown)) {
    csv_->add_rows(text);
    return;
  }
  if (named_.size() < kTrackedUnknownTrunks) {
    named_.insert(r.unknown);
    csv_->add_rows(text);
    return;
  }
  // Past the trunks one thread names: the other trunks, as it writes them.
  const size_t trunk_at = r.trunk_at - begin;
  const size_t trunk_end = trunk_at + csv_field(r.unknown).size();
  csv_->add_rows(text.substr(0, trunk_at));
  csv_->add_rows(csv_field(kOtherUnknownTrunks));
  csv_->add_rows(text.substr(trunk_end));
}

void ParallelScreener::finish_all() {
  while (finished_ < handed_out_)
    finish_oldest();
}

bool ParallelScreener::claim(Task& task) {
  size_t best = buckets_;
  for (size_t b = 0; b < buckets_; ++b) {
    if (!bucket_busy_[b] && bucket_round_[b] < handed_out_ &&
        (best == buckets_ || bucket_round_[b] < bucket_round_[best])) {
      best = b;
    }
  }
  if (best == buckets_)
    return false;
  bucket_busy_[best] = true;
  task = Task{best, &rounds_[bucket_round_[best] % kRounds]};
  return true;
}

void ParallelScreener::run(const Task& task) {
  Part& part = task.round->parts[task.bucket];
  sinks_[task.bucket]->part = &part;
  try {
    screeners_[task.bucket]->screen(part.batch, task.round->names);
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::current_exception();
    round_done_.notify_all();
    work_ready_.notify_all();
    return;
  }
  bool more = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    bucket_busy_[task.bucket] = false;
    more = ++bucket_round_[task.bucket] < handed_out_;
    ++task.round->done;
  }
  // The reading thread may wait for this part, or for the round; another
  // thread may wait for the bucket's next part.
  round_done_.notify_one();
  if (more)
    work_ready_.notify_one();
}

void ParallelScreener::work() {
  for (;;) {
    Task task{};
    {
      std::unique_lock<std::mutex> lock(mutex_);
      work_ready_.wait(lock, [&] { return stop_ || failure_ || claim(task); });
      if (stop_ || failure_)
        return;
    }
    run(task);
  }
}

ScreenSummary ParallelScreener::summary() {
  dispatch();
  finish_all();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_)
    t.join();
  threads_.clear();
  // The first thread's screener takes the others' counts and the reading
  // thread's.
  Screener& total = *screeners_.front();
  std::vector<Screener*> others;
  for (size_t w = 1; w < screeners_.size(); ++w)
    others.push_back(screeners_[w].get());
  total.unknown_cap_ = kTrackedUnknownTrunks;  // names as one thread names them
  total.absorb(others);
  total.summary_.records = read_.records;
  total.summary_.unreadable = read_.unreadable;
  total.summary_.late = read_.late;
  total.summary_.errors = std::move(read_.errors);
  return total.summary();
}

}  // namespace numreg::screen
