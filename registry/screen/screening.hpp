// Screening call records against the ledger: the rules S001-S007 of
// DESIGN.md, applied record by record with bounded memory.
//
// The call's lease: of the leases of the call's trunk active on the call's
// date, the first that permits the caller, else the first active one. S006
// and S007 look at that lease (purpose marketing). A record gets at most one
// of S003, S001, S002, in that order. S004 and S005 follow bursts.hpp.
// S006: the callee refused the lease's holder, or everyone, on or before the
// call's date. S007: the call's time of day lies outside every window of the
// lease's contract (from <= t < to); a marketing lease whose contract has no
// windows is left to the audit (R009). Callers and callees that cannot be
// made canonical take no part in S004/S005 (callers: S003 says it) and
// callees none in S005/S006.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "registry/config.hpp"
#include "registry/progress.hpp"
#include "registry/screen/bursts.hpp"
#include "registry/screen/caller_counts.hpp"
#include "registry/screen/cdr_reader.hpp"
#include "registry/screen/screen_index.hpp"
#include "registry/screen/summary.hpp"

namespace numreg::screen {

/// Thresholds and limits of a run.
struct ScreenSettings {
  int64_t one_ring_max_ring_ms = 3000;  // S004: ring under this
  int one_ring_calls = 10;              // S004: at least K such calls
  int64_t one_ring_window_s = 3600;     // S004: within M minutes
  int bombing_calls = 20;               // S005: more than N calls
  int64_t bombing_window_s = 3600;      // S005: within M minutes
  int64_t tolerance_s = 600;            // records may be this much out of time order
  uint64_t max_errors = 1000;           // stop after this many unreadable records; 0: never
  size_t kept_errors = 100;             // unreadable records kept for the report
  size_t worst = 10;                    // callers listed as worst offenders

  /// The thresholds of `config` (screen.*).
  static ScreenSettings from_config(const Config& config);
};

/// One violation, as -o writes it.
struct Violation {
  std::string_view file;
  uint64_t line = 0;
  int rule = 0;
  int64_t time = 0;  // epoch seconds of the local time
  std::string_view trunk;
  std::string caller;
  std::string callee;
  std::string detail;
  uint64_t order = 0;          // the place among all records of the record that found it
  bool unknown_trunk = false;  // the trunk is not in the registry
};

/// Receives every violation as found (S004/S005 ones when their window
/// fills, so possibly after later lines).
class ViolationSink {
 public:
  virtual ~ViolationSink() = default;
  virtual void add(const Violation& violation) = 0;
};

/// Writes violations as CSV: line,rule,time,trunk,caller,callee,detail.
class ViolationCsv : public ViolationSink {
 public:
  explicit ViolationCsv(std::ostream& out);
  void add(const Violation& violation) override;
  /// Write rows made by append_csv_row.
  void add_rows(std::string_view rows) { out_ << rows; }

 private:
  std::ostream& out_;
  std::string row_;
};

/// Append the CSV row of `violation` (as ViolationCsv writes it) to `out`;
/// returns where its trunk field starts.
size_t append_csv_row(std::string& out, const Violation& violation);

/// Count an unreadable record of input `name` in `summary`, keeping its
/// error while fewer than settings.kept_errors are kept. Throws a Failure
/// with the kept errors when it is the settings.max_errors-th.
void count_unreadable(ScreenSummary& summary, const ScreenSettings& settings, const Error& error,
                      const std::string& name);

/// Trunks not in the registry that a screener counts by name, the first met;
/// the rest are counted together.
inline constexpr size_t kTrackedUnknownTrunks = 10'000;
/// The name under which the rest are counted.
inline constexpr std::string_view kOtherUnknownTrunks = "(other trunks not in the registry)";

/// A record handed to a screening thread that holds some of the callers
/// (see ParallelScreener), in the order of all records. Its trunk, caller
/// and callee lie one after another in the batch's text from `text_at`.
struct RoutedCdr {
  uint64_t order = 0;  // the place among all records
  long line = 0;
  int64_t time = 0;
  int32_t day = 0;
  int32_t second = 0;
  int64_t ring_ms = 0;
  int64_t talk_ms = 0;
  int64_t newest = 0;      // the newest time of all records up to this one
  int64_t caller_key = 0;  // when caller_read
  uint32_t text_at = 0;
  uint32_t trunk_size = 0;
  uint32_t caller_size = 0;
  uint32_t callee_size = 0;
  uint32_t file = 0;
  bool caller_read = false;
};

/// The S004/S005 clocks after a record whose time started a generation of
/// either.
struct RoutedClocks {
  uint64_t order = 0;
  BurstClock one_ring;
  BurstClock bombing;
};

/// The fields of routed records, one after another: a buffer that keeps its
/// room from one round to the next and is written without being cleared.
class RoutedText {
 public:
  /// The bytes held.
  const char* data() const { return bytes_.get(); }
  size_t size() const { return size_; }
  void clear() { size_ = 0; }
  /// Append `a`, `b` and `c`.
  void append(std::string_view a, std::string_view b, std::string_view c);

 private:
  void grow(size_t needed);

  std::unique_ptr<char[]> bytes_;
  size_t size_ = 0;
  size_t room_ = 0;
};

/// Records handed to a screening thread at once.
struct RoutedBatch {
  std::vector<RoutedCdr> records;
  std::vector<RoutedClocks> clocks;  // every roll of the clocks, in order
  RoutedText text;                   // the records' fields
};

class Screener {
 public:
  /// `sink` may be null.
  Screener(const ScreenIndex& index, ScreenSettings settings, ViolationSink* sink);

  /// Tell `callback` about every 4096 records and at the end of each input how
  /// far screening has got: records, and bytes read of `total_bytes` (the
  /// size of all inputs together; 0 when unknown).
  void on_progress(ProgressCallback callback, uint64_t total_bytes);
  /// Screen every record `reader` gives. Throws a Failure with the kept
  /// errors when more than max_errors records cannot be read.
  void screen(CdrReader& reader);
  /// Screen one record of the `file`-th input (at most 65536 inputs).
  void screen(const Cdr& cdr, uint32_t file);
  /// Screen records handed out in the order of all records, with the clocks
  /// of the S004/S005 windows of all records (`names`: the inputs' names).
  void screen(const RoutedBatch& batch, const std::vector<std::string>& names);
  /// The summary of the run; ends it (the S004/S005 windows are freed).
  ScreenSummary summary();

 private:
  friend class ParallelScreener;
  /// What screening a record starts from: its trunk and numbers, read in a
  /// first pass over a batch.
  struct Prepared {
    uint64_t hash = 0;
    const TrunkSlot* slot = nullptr;  // the trunk's, or nullptr when unknown
    Result<int64_t> caller;
    Result<int64_t> callee;
  };
  void start(const Cdr& cdr, Prepared& p) const;
  void locate(const Cdr& cdr, Prepared& p) const;
  void screen(const Cdr& cdr, uint32_t file, const Prepared& p);
  void unreadable(const Error& error, const std::string& name);
  /// Count a late record and move the S004/S005 clocks to `time`.
  void take_time(int64_t time);
  /// Add the counts of `others`, screeners of the other records of the same
  /// inputs (ParallelScreener's threads), as if this one had screened them.
  void absorb(const std::vector<Screener*>& others);
  void report(const CdrReader& reader);
  /// The callers with the most violations, most first (the counts flushed).
  std::vector<Offender> worst_callers() const;
  uint32_t trunk_id(std::string_view trunk, uint32_t known);
  std::string_view trunk_text(uint32_t id) const;
  const IndexLease* call_lease(const Cdr& cdr, const TrunkSlot* slot, const int64_t* caller,
                               bool& permitted, bool& any_active) const;
  void count(int rule, uint32_t trunk, uint32_t holder, const int64_t* caller);
  /// Add the counts by trunk, holder and caller that count() put aside
  /// before the last call; `all`: those of the last call too.
  void flush_counts(bool all);
  void emit(int rule, uint32_t file, uint64_t line, int64_t time, uint32_t trunk,
            std::string caller_text, std::string callee_text, std::string detail);
  void check_caller(const Cdr& cdr, uint32_t file, const TrunkSlot* slot,
                    const Result<int64_t>& caller, const Result<int64_t>& callee,
                    const IndexLease*& lease);
  void check_marketing(const Cdr& cdr, uint32_t file, uint32_t trunk, const IndexLease& lease,
                       const Result<int64_t>& caller, const Result<int64_t>& callee);
  void check_bursts(const Cdr& cdr, uint32_t file, uint32_t trunk, uint32_t holder,
                    const Result<int64_t>& caller, const Result<int64_t>& callee);

  const ScreenIndex& index_;
  ScreenSettings settings_;
  ViolationSink* sink_;
  ScreenSummary summary_;
  std::vector<std::string> files_;
  Bursts one_ring_;
  Bursts bombing_;
  int64_t newest_ = INT64_MIN;
  StringTable unknown_trunks_;
  std::unordered_map<std::string, uint32_t> unknown_ids_;
  std::vector<uint64_t> unknown_first_;         // by unknown trunk: the order it was met first
  uint64_t order_ = 0;                          // the place among all records of the one screened
  size_t unknown_cap_ = kTrackedUnknownTrunks;  // unknown trunks counted by name
  std::vector<uint64_t> trunk_counts_;
  std::vector<uint64_t> holder_counts_;
  CallerCounts caller_counts_;
  // The caller counts of the screeners absorb() took (ParallelScreener's).
  std::vector<const CallerCounts*> absorbed_callers_;
  // Violations of a batch whose counts by trunk, holder and caller wait for
  // flush_counts(): their memory accesses are started together.
  struct Pending {
    uint32_t trunk;
    uint32_t holder;
    int64_t caller;
    bool has_caller;
    uint64_t order;
  };
  std::vector<Pending> pending_;  // this batch's
  std::vector<Pending> ready_;    // the batch before's, loading
  ProgressCallback progress_;
  WorkProgress done_;          // records and bytes of the inputs screened so far
  uint64_t bytes_before_ = 0;  // bytes of the inputs finished
};

}  // namespace numreg::screen
