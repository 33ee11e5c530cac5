// Tests for registry/screen/parallel_screener: screening on several threads
// gives the rows and the summary of one thread, byte for byte.
#include "registry/screen/parallel_screener.hpp"

#include <doctest/doctest.h>

#include <initializer_list>
#include <random>
#include <sstream>

#include "registry/types/number.hpp"
#include "screen_sample_index.hpp"

using namespace numreg;
using namespace numreg::screen;

namespace {

using test::day;
using test::key;

// T2's lease open-ended; the refusal for all from 2026-11-01.
ScreenIndex sample_index() {
  return test::sample_index(std::nullopt, day(2026, 11, 1));
}

std::string clock(int64_t t) {
  char text[64];
  std::snprintf(text, sizeof text, "2026-11-%02d T%02d:%02d:%02d", 28 + static_cast<int>(t / 86400),
                static_cast<int>(t / 3600 % 24), static_cast<int>(t / 60 % 60),
                static_cast<int>(t % 60));
  std::string s(text);
  s.erase(10, 1);
  return s;
}

// `caller` ("+86898661200NN" or "138001381NN") written in one of the ways
// clerks and switches write it, picked by `rng`.
std::string spelled(const std::string& caller, std::mt19937& rng) {
  const bool mobile = caller.starts_with("138");
  const std::string nsn = mobile ? caller : caller.substr(3);  // 13800138101, 89866120042
  const std::string head = nsn.substr(0, 3), mid = nsn.substr(3, 4), end = nsn.substr(7);
  switch (rng() % 8) {
    case 0:
      return caller;
    case 1:
      return mobile ? head + "-" + mid + "-" + end : "0" + head + "-" + mid + " " + end;
    case 2:
      return "0086 " + head + " " + mid + " " + end;
    case 3:
      return mobile ? "(+86) " + nsn : "(0" + head + ") " + mid + end;
    case 4:
      return mobile ? "+86 " + nsn : "+86 (0)" + head + " " + mid + " " + end;
    case 5:
      return mobile ? "17951 " + nsn : "17951 0" + nsn;
    case 6: {
      std::string wide;  // full width
      for (char c : "+86" + nsn) {
        const unsigned cp = static_cast<unsigned char>(c) + 0xFEE0;
        wide += static_cast<char>(0xE0 | (cp >> 12));
        wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        wide += static_cast<char>(0x80 | (cp & 0x3F));
      }
      return wide;
    }
    default:
      return "86" + nsn;
  }
}

// Two days of records, about a second apart, from a few hundred callers that
// call again and again (one-ring and bombing runs that cross the rounds the
// records are handed out in), with some records out of order (within the
// tolerance and beyond it), unknown trunks, unreadable callers and lines.
// `spell`: each readable caller written in a way picked at random (the same
// records otherwise).
std::string busy_days(size_t records, uint32_t seed, bool bad_lines = true, bool spell = false) {
  std::mt19937 rng(seed);
  std::mt19937 spelling(seed + 1);
  auto pick = [&](uint32_t n) { return static_cast<uint32_t>(rng() % n); };
  std::string out = "time,trunk,caller,callee,ring_s,talk_s\n";
  int64_t t = 30'000;
  for (size_t i = 0; i < records; ++i) {
    t += pick(3);
    int64_t when = t;
    const uint32_t roll = pick(1000);
    if (roll < 20)
      when -= pick(500);  // within the tolerance (600 s)
    else if (roll < 23)
      when -= 700 + pick(4000);  // late
    const uint32_t who = pick(400);
    const char* trunk = who % 5 == 0 ? "T2" : who % 11 == 0 ? "GW" : "T1";
    std::string caller = who % 5 == 0 ? "+86898368000" : "+86898661200";
    caller += std::to_string(10 + who % 90);
    if (who == 7)
      caller = "+86 12";  // unreadable: S003
    if (who == 13)
      caller = "13800138" + std::to_string(100 + pick(3));  // a mobile: S001 on T1
    if (spell && who != 7)
      caller = spelled(caller, spelling);
    std::string trunk_text = trunk;
    if (pick(200) == 0)
      trunk_text = "TX-" + std::to_string(pick(30));  // unknown trunks
    const std::string callee = "1390000000" + std::to_string(who % 4);
    const bool short_ring = pick(4) != 0;
    out += clock(when) + "," + trunk_text + "," + caller + "," + callee + "," +
           (short_ring ? "1,0" : "5,30") + "\n";
    if (bad_lines && pick(5000) == 0)
      out += "bad,T1,+8689866120001,13900000001,1,0\n";
  }
  return out;
}

// Settings of S004 (`calls` in `window` seconds) and S005 (more than
// `bombing_calls` in `bombing_window` seconds).
ScreenSettings windows(int64_t window, int calls, int64_t bombing_window, int bombing_calls) {
  ScreenSettings settings;
  settings.one_ring_window_s = window;
  settings.one_ring_calls = calls;
  settings.bombing_window_s = bombing_window;
  settings.bombing_calls = bombing_calls;
  return settings;
}

struct Outcome {
  std::string rows;
  std::string summary;
};

template <class AnyScreener>
Outcome finish(AnyScreener& screener, const std::string& day, std::ostringstream& rows) {
  // Two inputs, cut in the middle.
  const size_t cut = day.find('\n', day.size() / 2) + 1;
  CdrReader first(memory_source(day.substr(0, cut)), "a.csv");
  screener.screen(first);
  CdrReader second(memory_source("time,trunk,caller,callee,ring_s,talk_s\n" + day.substr(cut)),
                   "b.csv");
  screener.screen(second);
  std::ostringstream json;
  screener.summary().write_json(json);
  return {rows.str(), json.str()};
}

Outcome one_thread(const ScreenIndex& index, const ScreenSettings& settings,
                   const std::string& day) {
  std::ostringstream rows;
  ViolationCsv csv(rows);
  Screener screener(index, settings, &csv);
  return finish(screener, day, rows);
}

Outcome threads(const ScreenIndex& index, const ScreenSettings& settings, const std::string& day,
                unsigned jobs) {
  std::ostringstream rows;
  ViolationCsv csv(rows);
  ParallelScreener screener(index, settings, &csv, jobs);
  return finish(screener, day, rows);
}

// On each of `jobs` threads, the records of `day` give `one`'s rows and
// summary (one thread's).
void check_as_one(const ScreenIndex& index, const ScreenSettings& settings, const std::string& day,
                  const Outcome& one, std::initializer_list<unsigned> jobs = {2u, 3u, 8u}) {
  for (unsigned n : jobs) {
    CAPTURE(n);
    const Outcome many = threads(index, settings, day, n);
    CHECK(many.summary == one.summary);
    CHECK(many.rows == one.rows);
  }
}
}  // namespace

TEST_CASE("ParallelScreener: the rows and summary of one thread, on 2, 3 and 8 threads") {
  const ScreenIndex index = sample_index();
  const std::string day = busy_days(150'000, 11);
  for (const bool small_windows : {false, true}) {
    ScreenSettings settings;
    if (small_windows) {
      // Generations roll every few hundred records; few callers counted.
      settings.one_ring_window_s = 120;
      settings.one_ring_calls = 3;
      settings.bombing_window_s = 300;
      settings.bombing_calls = 2;
      settings.worst = 3;
    }
    const Outcome one = one_thread(index, settings, day);
    REQUIRE(one.rows.size() > 100'000);
    // Every rule was found, and records came late.
    for (const char* rule : {",S001,", ",S002,", ",S003,", ",S004,", ",S005,", ",S006,", ",S007,"})
      CHECK(one.rows.find(rule) != std::string::npos);
    CHECK(one.summary.find("\"late\": 0") == std::string::npos);
    CAPTURE(small_windows);
    check_as_one(index, settings, day, one);
  }
}

TEST_CASE("ParallelScreener: a caller written in several ways is one caller") {
  // The same records, their callers written in eight ways (with separators,
  // prefixes, a carrier's, "(0)", in full width): one thread reads them as
  // the same numbers; several threads must meet each caller's records in one
  // thread's windows to find the same one-ring and bombing runs.
  const ScreenIndex index = sample_index();
  const std::string plain = busy_days(60'000, 17);
  const std::string day = busy_days(60'000, 17, true, true);
  REQUIRE(day != plain);
  const ScreenSettings settings = windows(300, 4, 600, 4);
  const Outcome one = one_thread(index, settings, day);
  CHECK(one.summary == one_thread(index, settings, plain).summary);
  CHECK(one.rows.find(",S004,") != std::string::npos);
  CHECK(one.rows.find(",S005,") != std::string::npos);
  check_as_one(index, settings, day, one);
}

TEST_CASE("ParallelScreener: all records of one caller, one share taken by turns") {
  // Every record lands in one share, whose rounds the threads must take one
  // after another, in order, whichever thread is free; the others' shares
  // are empty. 40,000 records are ten rounds, more than are under way at
  // once, so the reading thread also takes the share's parts.
  const ScreenIndex index = sample_index();
  std::string day = "time,trunk,caller,callee,ring_s,talk_s\n";
  std::mt19937 rng(23);
  int64_t t = 30'000;
  for (int i = 0; i < 40'000; ++i) {
    t += static_cast<int64_t>(rng() % 4);
    day += clock(t) + ",T1,+8689866120042,1390000000" + std::to_string(rng() % 3) +
           (rng() % 3 ? ",1,0\n" : ",5,30\n");
  }
  const ScreenSettings settings = windows(60, 5, 120, 8);
  const Outcome one = one_thread(index, settings, day);
  REQUIRE(one.rows.find(",S004,") != std::string::npos);
  REQUIRE(one.rows.find(",S005,") != std::string::npos);
  check_as_one(index, settings, day, one);
}

TEST_CASE("ParallelScreener: without -o, the same summary") {
  const ScreenIndex index = sample_index();
  const std::string day = busy_days(40'000, 5);
  Screener one(index, {}, nullptr);
  CdrReader a(memory_source(day), "day.csv");
  one.screen(a);
  std::ostringstream expected;
  one.summary().write_json(expected);
  ParallelScreener many(index, {}, nullptr, 3);
  CdrReader b(memory_source(day), "day.csv");
  many.screen(b);
  std::ostringstream got;
  many.summary().write_json(got);
  CHECK(got.str() == expected.str());
}

TEST_CASE("ParallelScreener: --max-errors stops after the rows of the records before") {
  const ScreenIndex index = sample_index();
  std::string day = busy_days(70'000, 3, false);
  day += "bad,T1,1,1,1,1\n";
  day += "2026-11-29T23:59:59,T9,+8689866120001,13800138000,5,30\n";
  ScreenSettings settings;
  settings.max_errors = 1;
  std::ostringstream rows_one;
  {
    ViolationCsv csv(rows_one);
    Screener screener(index, settings, &csv);
    CdrReader reader(memory_source(day), "day.csv");
    CHECK_THROWS(screener.screen(reader));
  }
  std::ostringstream rows_many;
  {
    ViolationCsv csv(rows_many);
    ParallelScreener screener(index, settings, &csv, 2);
    CdrReader reader(memory_source(day), "day.csv");
    CHECK_THROWS_WITH(screener.screen(reader),
                      "time: cannot read 'bad' as a call time (expected e.g. 2026-11-28T14:05:00)");
  }
  CHECK(rows_many.str() == rows_one.str());
  CHECK(rows_one.str().find("T9") == std::string::npos);
}

TEST_CASE("ParallelScreener: more callers than are counted, the ones one thread counts") {
  // 260,000 callers on a trunk unknown to the registry (an S001 each), met
  // from the highest number down: one thread counts the first 250,000 met,
  // so the worst (ties by number) are the lowest of those, not of all.
  const ScreenIndex index = sample_index();
  std::string day = "time,trunk,caller,callee,ring_s,talk_s\n";
  for (int i = 260'000; i > 0; --i) {
    const std::string caller = "138" + std::to_string(10'000'000 + i);
    day += "2026-11-28T10:00:00,T9," + caller + ",13900000003,5,30\n";
    if (i % 1000 == 0)  // some twice
      day += "2026-11-28T10:00:01,T9," + caller + ",13900000003,5,30\n";
  }
  const Outcome one = one_thread(index, {}, day);
  CHECK(one.summary.find("\"+8613810001000\"") == std::string::npos);  // not counted
  check_as_one(index, {}, day, one, {2u, 3u});
}

TEST_CASE("ParallelScreener: more unknown trunks than are named, the ones one thread names") {
  // 25,000 trunks unknown to the registry, each met several times by many
  // callers: one thread names the first 10,000 met (in the summary and the
  // rows) and counts the rest as other trunks.
  const ScreenIndex index = sample_index();
  std::string day = "time,trunk,caller,callee,ring_s,talk_s\n";
  for (int i = 0; i < 80'000; ++i) {
    const int trunk = (i * 7919) % 25'000;
    day += "2026-11-28T10:" + std::string(i % 60 < 10 ? "0" : "") + std::to_string(i % 60) +
           ":00,TX-" + std::to_string(trunk) + ",+868986612" + std::to_string(1000 + i % 3000) +
           ",13900000003,1,0\n";
  }
  const Outcome one = one_thread(index, {}, day);
  REQUIRE(one.rows.find("(other trunks not in the registry)") != std::string::npos);
  check_as_one(index, {}, day, one);
}
