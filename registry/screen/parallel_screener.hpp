// Screening call records on several threads, with the output of one.
//
// The calling thread reads the records and hands each to a share of the
// callers, a bucket, in rounds of a few thousand records: by the last five
// digits of the caller's canonical number, which every written form of it
// ends with (caller_route.hpp), so that the reading thread seldom reads a
// number. There are as many buckets as threads; each has its own Screener,
// which screens the bucket's records one round after another, in their
// order: a caller's S004 and S005 windows, its counts and the violations its
// records find thus lie in one bucket. A bucket is not tied to a thread: any
// thread screens a bucket's part of a round once its part of the round
// before is done and no other thread screens the bucket, so the work spreads
// over the threads whatever each one's speed. The reading thread screens
// too, when it is ahead (every round under way is read): on two cores it
// screens about a quarter of the records itself (bench/README.md).
// The reading thread keeps the clocks of the windows over all records
// (bursts.hpp), without windows of its own, and hands each record the
// clocks after its time, so every bucket holds for its callers exactly what
// one thread would. Each violation carries the place of the record that
// found it; the rows of a round are merged in that order once every bucket
// is done with it, and the counts are added at the end (callers and unknown
// trunks kept in the order one thread would have met them first).
//
// Unreadable records, late records and the records count are counted by the
// reading thread, in order, as one thread does. Each bucket counts trunks
// unknown to the registry by name, up to a million (one thread, 10,000: the
// rest count as other trunks); the first 10,000 met of all buckets are kept
// by name. One difference remains: past a million unknown trunks in one
// bucket, which are counted by name may differ from one thread's.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "registry/screen/screening.hpp"

namespace numreg::screen {

class ParallelScreener {
 public:
  /// Screen on `jobs` threads in all (2 or more): the calling one, which
  /// reads the records and screens when ahead, and `jobs` - 1 more. `csv`
  /// may be null.
  ParallelScreener(const ScreenIndex& index, ScreenSettings settings, ViolationCsv* csv,
                   unsigned jobs);
  ~ParallelScreener();
  ParallelScreener(const ParallelScreener&) = delete;
  ParallelScreener& operator=(const ParallelScreener&) = delete;

  /// As Screener::on_progress.
  void on_progress(ProgressCallback callback, uint64_t total_bytes);
  /// Screen every record `reader` gives (as Screener::screen).
  void screen(CdrReader& reader);
  /// The summary of the run, the same as one Screener's; ends it.
  ScreenSummary summary();

 private:
  // A violation's row in Part::rows.
  struct Row {
    uint64_t order;       // of the record that found it
    size_t end;           // of the row in rows
    size_t trunk_at;      // where its trunk field starts
    std::string unknown;  // the trunk, when not in the registry
  };
  // One bucket's share of a round.
  struct Part {
    RoutedBatch batch;
    std::string rows;           // the violations' CSV rows
    std::vector<Row> row_ends;  // each row, in the order found
  };
  struct Round {
    std::vector<Part> parts;
    std::vector<std::string> names;  // the inputs' names so far
    unsigned done = 0;               // buckets done with it
  };
  // What a thread screens next: a bucket's part of a round.
  struct Task {
    size_t bucket;
    Round* round;
  };
  // Collects the CSV rows of a thread's violations.
  class RowSink : public ViolationSink {
   public:
    void add(const Violation& violation) override;
    Part* part = nullptr;
  };

  void route(const Cdr& cdr, uint64_t order, uint32_t file, bool rolled);
  void dispatch();
  /// Wait for the oldest round handed out, and write its rows.
  void finish_oldest();
  void finish_all();
  /// Write `row` of `part`, its trunk named as one thread names it.
  void write_row(const Part& part, size_t row);
  /// Under the lock: claim the oldest part handed out whose bucket's part of
  /// the round before is done and no thread screens; false when none is.
  bool claim(Task& task);
  /// Screen a claimed part, then give it back (takes the lock).
  void run(const Task& task);
  void work();
  void report(const CdrReader& reader);

  /// Count the record's `time` (late or not) and move the windows' clocks;
  /// true when either starts a generation.
  bool take_time(int64_t time);

  unsigned buckets_;  // the callers' shares: one a thread
  ViolationCsv* csv_;
  ScreenSettings settings_;
  // What the reading thread counts: records, unreadable and late ones; the
  // threads' counts are added to them at the end.
  ScreenSummary read_;
  // The S004 and S005 windows' clocks over all records.
  BurstClock one_ring_;
  BurstClock bombing_;
  int64_t one_ring_span_;
  int64_t bombing_span_;
  std::vector<std::unique_ptr<Screener>> screeners_;
  std::vector<std::unique_ptr<RowSink>> sinks_;
  std::vector<std::thread> threads_;
  std::vector<std::string> names_;  // the inputs' names, as the threads copy them
  // The unknown trunks named in rows, as one thread names them: the first
  // kTrackedUnknownTrunks met.
  std::unordered_set<std::string> named_;

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable round_done_;
  std::vector<Round> rounds_;  // a ring of rounds
  // By bucket: the number of the round whose part is screened next, and
  // whether a thread screens it now.
  std::vector<uint64_t> bucket_round_;
  std::vector<bool> bucket_busy_;
  uint64_t handed_out_ = 0;  // rounds handed out
  uint64_t finished_ = 0;    // rounds whose rows are written
  bool stop_ = false;
  std::exception_ptr failure_;  // of a screening thread

  Round* filling_ = nullptr;  // the round being filled
  size_t filled_ = 0;         // its records
  ProgressCallback progress_;
  WorkProgress done_;
  uint64_t bytes_before_ = 0;
};

}  // namespace numreg::screen
