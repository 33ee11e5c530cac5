// Tests for registry/screen/screening and snapshot: the rules S001-S007 on
// an index built by hand, and the index through a snapshot file.
#include "registry/screen/screening.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <sstream>

#include "registry/screen/snapshot.hpp"
#include "registry/types/number.hpp"
#include "screen_sample_index.hpp"

using namespace numreg;
using namespace numreg::screen;

namespace {

using test::day;
using test::key;

// T2's lease until 2026-11-28; the refusal for all from 2026-11-29.
ScreenIndex sample_index() {
  return test::sample_index(day(2026, 11, 28), day(2026, 11, 29));
}

struct Sink : ViolationSink {
  std::vector<std::string> rows;
  void add(const Violation& v) override {
    rows.push_back(std::string(rule_id(v.rule)) + " " + std::to_string(v.line) + " " + v.detail);
  }
};

// Screen `lines` (without header) and return the violations as "RULE LINE detail".
std::vector<std::string> screen_lines(const ScreenIndex& index, const std::string& lines,
                                      ScreenSettings settings = {}) {
  Sink sink;
  Screener screener(index, settings, &sink);
  CdrReader reader(memory_source("time,trunk,caller,callee,ring_s,talk_s\n" + lines), "day.csv");
  screener.screen(reader);
  return sink.rows;
}

}  // namespace

TEST_CASE("Screener: S003, S001, S002 and their precedence") {
  const ScreenIndex index = sample_index();
  CHECK(screen_lines(index, "2026-11-28T10:00:00,T1,+8689866120001,13800138000,5,30\n").empty());
  CHECK(screen_lines(index, "2026-11-28T10:00:00,T1,12345,13800138000,5,30\n") ==
        std::vector<std::string>{"S003 2 caller '12345' is non-standard: short numbers such as "
                                 "110 or 10086 are not accepted"});
  CHECK(screen_lines(index, "2026-11-28T10:00:00,T1,+8689866120100,13800138000,5,30\n") ==
        std::vector<std::string>{"S001 2 caller +8689866120100 is not permitted by the leases of "
                                 "trunk T1 active on 2026-11-28"});
  CHECK(screen_lines(index, "2025-12-31T10:00:00,T1,+8689866120001,13800138000,5,30\n") ==
        std::vector<std::string>{"S001 2 no lease of trunk T1 is active on 2025-12-31"});
  CHECK(screen_lines(index, "2026-11-28T10:00:00,T9,+8689866120001,13800138000,5,30\n") ==
        std::vector<std::string>{"S001 2 trunk T9 is not in the registry"});
  CHECK(screen_lines(index, "2026-11-28T10:00:00,GW,+8689866120001,13800138000,5,30\n") ==
        std::vector<std::string>{"S002 2 domestic caller +8689866120001 on international gateway "
                                 "trunk GW"});
  CHECK(screen_lines(index, "2026-11-28T10:00:00,GW,+442071234567,13800138000,5,30\n").empty());
  // A non-standard caller on a gateway is S003, not S002.
  CHECK(screen_lines(index, "2026-11-28T10:00:00,GW,0898-123,13800138000,5,30\n").size() == 1);
  CHECK(screen_lines(index, "2026-11-28T10:00:00,GW,0898-123,13800138000,5,30\n")[0].starts_with(
      "S003"));
}

TEST_CASE("Screener: S006 refusals by holder and date, S007 windows, time-aware leases") {
  const ScreenIndex index = sample_index();
  CHECK(screen_lines(index, "2026-11-21T10:00:00,T2,+8689836800001,13900000001,5,30\n") ==
        std::vector<std::string>{"S006 2 callee refused calls from holder 91469007MA5TDF0204 on "
                                 "2026-11-20 (lease L2)"});
  // Refused on the 19th? No: the refusal dates from the 20th.
  CHECK(screen_lines(index, "2026-11-19T10:00:00,T2,+8689836800001,13900000001,5,30\n").empty());
  // Refused for all from the 29th; the lease ends on the 28th.
  CHECK(screen_lines(index, "2026-11-28T10:00:00,T2,+8689836800001,13900000002,5,30\n").empty());
  CHECK(screen_lines(index, "2026-11-28T12:00:00,T2,+8689836800001,13800138000,5,30\n") ==
        std::vector<std::string>{"S007 2 call at 12:00:00 is outside the time windows 09:00-12:00 "
                                 "of lease L2's contract"});
  CHECK(screen_lines(index, "2026-11-28T11:59:59,T2,+8689836800001,13800138000,5,30\n").empty());
  // The lease has ended on the 29th: S001, and no marketing rules.
  CHECK(screen_lines(index, "2026-11-29T20:00:00,T2,+8689836800001,13900000002,5,30\n") ==
        std::vector<std::string>{"S001 2 no lease of trunk T2 is active on 2026-11-29"});
}

TEST_CASE("Screener: S004 and S005 use the configured thresholds") {
  const ScreenIndex index = sample_index();
  ScreenSettings s;
  s.one_ring_calls = 3;
  s.one_ring_window_s = 600;
  s.bombing_calls = 2;
  s.bombing_window_s = 600;
  std::string lines;
  for (int i = 0; i < 3; ++i) {
    lines += "2026-11-28T10:0" + std::to_string(i) + ":00,T1,+8689866120001,1380013800" +
             std::to_string(i) + ",2,0\n";
  }
  lines += "2026-11-28T10:05:00,T1,+8689866120002,13800138000,3,0\n";  // rings 3 s: not short
  auto rows = screen_lines(index, lines, s);
  CHECK(rows.size() == 3);
  for (const auto& r : rows)
    CHECK(r.starts_with("S004"));
  std::string bombing;
  for (int i = 0; i < 3; ++i) {
    bombing += "2026-11-28T11:0" + std::to_string(i) + ":00,T1,+8689866120001,13800138000,5,9\n";
  }
  CHECK(screen_lines(index, bombing, s).size() == 3);  // more than 2 calls
  bombing.erase(bombing.rfind("2026"));
  CHECK(screen_lines(index, bombing, s).empty());  // 2 calls are not more than 2
}

TEST_CASE("Screener: the worst callers, most violations first, ties by number, cut at N") {
  // Unknown trunk T9: every call is an S001 violation of its caller. Caller
  // ...0100 + i makes 5 - (i % 5) calls: counts 5,4,3,2,1,5,4,... so that
  // the cut at 4 falls inside a tie (three callers with 5 calls, then three
  // with 4 of which one is kept).
  const ScreenIndex index = sample_index();
  std::string day = "time,trunk,caller,callee,ring_s,talk_s\n";
  for (int i = 0; i < 15; ++i) {
    for (int k = 0; k < 5 - i % 5; ++k) {
      day += "2026-11-28T10:00:0" + std::to_string(k) + ",T9,+86898661201" +
             std::to_string(10 + i) + ",13800138000,5,30\n";
    }
  }
  for (size_t n : {size_t{0}, size_t{1}, size_t{4}, size_t{5}, size_t{20}}) {
    ScreenSettings settings;
    settings.worst = n;
    Screener screener(index, settings, nullptr);
    CdrReader reader(memory_source(day), "day.csv");
    screener.screen(reader);
    const ScreenSummary s = screener.summary();
    std::vector<std::pair<uint64_t, std::string>> got;
    for (const Offender& o : s.worst)
      got.emplace_back(o.violations, o.caller);
    std::vector<std::pair<uint64_t, std::string>> all;
    for (int i = 0; i < 15; ++i)
      all.emplace_back(5 - i % 5, "+86898661201" + std::to_string(10 + i));
    std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    all.resize(std::min(n, all.size()));
    CAPTURE(n);
    CHECK(got == all);
  }
  ScreenSettings four;
  four.worst = 4;
  Screener screener(index, four, nullptr);
  CdrReader reader(memory_source(day), "day.csv");
  screener.screen(reader);
  const ScreenSummary s = screener.summary();
  REQUIRE(s.worst.size() == 4);
  CHECK(s.worst[0].caller == "+8689866120110");  // 5 calls, the lowest number
  CHECK(s.worst[2].caller == "+8689866120120");  // the last with 5 calls
  CHECK(s.worst[3].caller == "+8689866120111");  // 4 calls: 111 kept, 116 and 121 cut
}

TEST_CASE("Screener: summary counts by rule, trunk and holder; --max-errors stops") {
  const ScreenIndex index = sample_index();
  Screener screener(index, {}, nullptr);
  CdrReader reader(memory_source("time,trunk,caller,callee,ring_s,talk_s\n"
                                 "2026-11-28T10:00:00,T1,+8689866120100,13800138000,5,30\n"
                                 "2026-11-28T10:00:00,T9,+8689866120100,13800138000,5,30\n"
                                 "bad,T1,+8689866120100,13800138000,5,30\n"),
                   "day.csv");
  screener.screen(reader);
  ScreenSummary s = screener.summary();
  CHECK(s.records == 3);
  CHECK(s.unreadable == 1);
  CHECK(s.violations == 2);
  CHECK(s.by_rule[S001] == 2);
  CHECK(s.by_trunk == NameCounts{{"T1", 1}, {"T9", 1}});
  CHECK(s.by_holder == NameCounts{{"91460400MA5TDR015T", 1}});
  REQUIRE(s.worst.size() == 1);
  CHECK(s.worst[0].caller == "+8689866120100");
  CHECK(s.worst[0].violations == 2);

  ScreenSettings strict;
  strict.max_errors = 1;
  Screener stopping(index, strict, nullptr);
  CdrReader again(memory_source("time,trunk,caller,callee,ring_s,talk_s\nbad,T1,1,1,1,1\n"),
                  "day.csv");
  CHECK_THROWS_WITH(stopping.screen(again),
                    "time: cannot read 'bad' as a call time (expected e.g. 2026-11-28T14:05:00)");
}

TEST_CASE("Snapshot: an index survives the round trip") {
  const ScreenIndex index = sample_index();
  const std::string path = "screen-snapshot-test.bin";
  write_snapshot(index, path);
  const ScreenIndex back = read_snapshot(path);
  const std::string day =
      "2026-11-21T10:00:00,T2,+8689836800001,13900000001,5,30\n"
      "2026-11-28T10:00:00,T9,+8689866120001,13800138000,5,30\n"
      "2026-11-28T10:00:00,GW,+8689866120001,13800138000,5,30\n";
  CHECK(screen_lines(back, day) == screen_lines(index, day));
  CHECK(back.find_trunk("T2") == 2);
  CHECK(back.leases.size() == 2);

  // A cut file is noticed.
  std::FILE* f = std::fopen(path.c_str(), "r+b");
  REQUIRE(f);
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fclose(f);
  REQUIRE(::truncate(path.c_str(), size - 10) == 0);
  CHECK_THROWS_WITH(read_snapshot(path),
                    "snapshot screen-snapshot-test.bin is cut short or damaged");
  std::remove(path.c_str());
  CHECK_THROWS_WITH(read_snapshot("no-such.bin"),
                    "cannot open snapshot no-such.bin: No such file or directory");
}

TEST_CASE("Snapshot: a file that is not one") {
  const std::string path = "not-a-snapshot.bin";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("time,trunk\n", f);
  std::fclose(f);
  CHECK_THROWS_WITH(read_snapshot(path),
                    "not-a-snapshot.bin is not a numreg screening snapshot (expected a file "
                    "written by `numreg screen --snapshot-out`)");
  std::remove(path.c_str());
}

TEST_CASE("Screener: progress about every 4096 records and at the end of each input") {
  const ScreenIndex index = sample_index();
  std::string lines = "time,trunk,caller,callee,ring_s,talk_s\n";
  for (int i = 0; i < 5000; ++i)
    lines += "2026-11-28T10:00:00,T1,+8689866120001,13800138000,5,30\n";
  std::vector<WorkProgress> heard;
  Screener screener(index, ScreenSettings{}, nullptr);
  screener.on_progress([&](const WorkProgress& p) { heard.push_back(p); }, 2 * lines.size());
  CdrReader first(memory_source(lines), "a.csv");
  screener.screen(first);
  REQUIRE(heard.size() == 2);
  // 32 batches of at most 128 records (a batch ends where the buffer does).
  CHECK(heard[0].records > 3500);
  CHECK(heard[0].records <= 4096);
  CHECK(heard[0].total == 2 * lines.size());
  CHECK(heard[1].records == 5000);
  CHECK(heard[1].done == lines.size());
  CdrReader second(memory_source(lines), "b.csv");
  screener.screen(second);
  REQUIRE(heard.size() == 4);
  CHECK(heard[3].records == 10000);
  CHECK(heard[3].done == 2 * lines.size());
}

TEST_CASE("Snapshot: one written by an older numreg is refused with what to do") {
  const std::string path = "old-snapshot.bin";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fputs("numreg screen snapshot 1\n", f);
  std::fclose(f);
  CHECK_THROWS_WITH(read_snapshot(path),
                    "snapshot old-snapshot.bin is of format 1, this numreg reads format 4 "
                    "(write it again with `numreg screen --snapshot-out`)");
  std::remove(path.c_str());
}

TEST_CASE("Screener: S007 with more windows than a lease holds inline") {
  ScreenIndex x = sample_index();
  x.windows = {{9 * 60, 10 * 60}, {11 * 60, 12 * 60}, {14 * 60, 15 * 60}};
  x.leases[1].windows_end = 3;
  x.seal();
  const std::string day =
      "2026-11-21T09:30:00,T2,+8689836800001,13800138000,5,30\n"
      "2026-11-21T10:30:00,T2,+8689836800001,13800138000,5,30\n"
      "2026-11-21T11:00:00,T2,+8689836800001,13800138000,5,30\n"
      "2026-11-21T14:59:59,T2,+8689836800001,13800138000,5,30\n"
      "2026-11-21T15:00:00,T2,+8689836800001,13800138000,5,30\n";
  const auto rows = screen_lines(x, day);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].starts_with("S007 3 call at 10:30:00"));
  CHECK(rows[1].starts_with("S007 6 call at 15:00:00"));
}

TEST_CASE("ScreenIndex::within_windows: any minutes a damaged snapshot holds, no overflow") {
  // Found by fuzz_snapshot: 2^30 minutes times 60 overflowed an int (the
  // sanitizer build of this test stops on it).
  ScreenIndex x = sample_index();
  x.windows = {{9 * 60, 10 * 60}, {1 << 30, INT32_MAX}, {INT32_MIN, -(1 << 30)}};
  x.leases[1].windows_end = 3;
  x.seal();
  const ScreenIndex& sealed = x;
  CHECK(sealed.within_windows(sealed.leases[1], 9 * 3600));
  CHECK_FALSE(sealed.within_windows(sealed.leases[1], 12 * 3600));
  CHECK_FALSE(sealed.within_windows(sealed.leases[1], 0));
}
