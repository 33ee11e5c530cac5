// The progress line of import, audit and screen: its text (rate, share done,
// time left, width) and when it is drawn and erased, with a fake clock.
#include <doctest/doctest.h>

#include <sstream>

#include "cli/progress.hpp"
#include "registry/text/width.hpp"

using namespace numreg;
using numreg::cli::progress_text;
using numreg::cli::ProgressLine;

TEST_CASE("progress_text: records and rate when the total is unknown") {
  WorkProgress p{120000, 0, 0};
  CHECK(progress_text("import", p, 2.0, i18n::Lang::en, 0) ==
        "import: 120000 records, 60000 records/s");
  CHECK(progress_text("screen", WorkProgress{0, 0, 0}, 0.0, i18n::Lang::en, 0) ==
        "screen: 0 records, 0 records/s");
}

TEST_CASE("progress_text: share done and time left when the total is known") {
  // A quarter of the bytes in 10 s: 30 s left.
  CHECK(progress_text("import", WorkProgress{5000, 250, 1000}, 10.0, i18n::Lang::en, 0) ==
        "import: 5000 records, 500 records/s, 25% done, 30 s left");
  // 10% in 20 s: 180 s left.
  CHECK(progress_text("screen", WorkProgress{1000000, 100, 1000}, 20.0, i18n::Lang::en, 0) ==
        "screen: 1000000 records, 50000 records/s, 10% done, 3 min 0 s left");
  // 1% in 100 s: 9900 s left.
  CHECK(progress_text("audit", WorkProgress{4096, 1, 100}, 100.0, i18n::Lang::en, 0) ==
        "audit: 4096 records, 41 records/s, 1% done, 2 h 45 min left");
  // Nothing done yet, or all done: no estimate.
  CHECK(progress_text("audit", WorkProgress{0, 0, 13}, 1.0, i18n::Lang::en, 0) ==
        "audit: 0 records, 0 records/s");
  CHECK(progress_text("audit", WorkProgress{9, 13, 13}, 1.0, i18n::Lang::en, 0) ==
        "audit: 9 records, 9 records/s");
}

TEST_CASE("progress_text: in Chinese") {
  CHECK(progress_text("import", WorkProgress{120000, 0, 0}, 2.0, i18n::Lang::zh, 0) ==
        "import：已处理 120000 条记录，每秒 60000 条");
  CHECK(progress_text("import", WorkProgress{5000, 250, 1000}, 10.0, i18n::Lang::zh, 0) ==
        "import：已处理 5000 条记录，每秒 500 条，已完成 25%，还需 30 秒");
  CHECK(progress_text("screen", WorkProgress{1000000, 100, 1000}, 20.0, i18n::Lang::zh, 0) ==
        "screen：已处理 1000000 条记录，每秒 50000 条，已完成 10%，还需 3 分 0 秒");
  CHECK(progress_text("audit", WorkProgress{4096, 1, 100}, 100.0, i18n::Lang::zh, 0) ==
        "audit：已处理 4096 条记录，每秒 41 条，已完成 1%，还需 2 小时 45 分");
}

TEST_CASE("progress_text: cut one column short of the width") {
  std::string line =
      progress_text("import", WorkProgress{5000, 250, 1000}, 10.0, i18n::Lang::en, 30);
  CHECK(line == "import: 5000 records, 500 re…");
  CHECK(display_width(line) == 29);
  std::string zh = progress_text("import", WorkProgress{5000, 250, 1000}, 10.0, i18n::Lang::zh, 30);
  CHECK(zh == "import：已处理 5000 条记录，…");
  CHECK(display_width(zh) <= 29);
}

namespace {

struct FakeClock {
  double now = 100.0;
  ProgressLine::Now fn() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("ProgressLine: drawn at most every 250 ms, erased when done") {
  std::ostringstream err;
  FakeClock clock;
  {
    ProgressLine line(err, "import", true, 0, i18n::Lang::en, clock.fn());
    clock.now += 1.0;
    line.update(WorkProgress{1024, 0, 0});
    CHECK(err.str() == "\rimport: 1024 records, 1024 records/s\x1b[K");
    clock.now += 0.1;  // too soon: not redrawn
    line.update(WorkProgress{2048, 0, 0});
    CHECK(err.str() == "\rimport: 1024 records, 1024 records/s\x1b[K");
    clock.now += 0.9;
    line.callback()(WorkProgress{4096, 0, 0});
    CHECK(err.str() ==
          "\rimport: 1024 records, 1024 records/s\x1b[K"
          "\rimport: 4096 records, 2048 records/s\x1b[K");
    err.str("");
    line.done();
    CHECK(err.str() == "\r\x1b[K");
    err.str("");
  }
  CHECK(err.str() == "");  // erased once only
}

TEST_CASE("ProgressLine: not shown, nothing drawn and no callback") {
  std::ostringstream err;
  FakeClock clock;
  {
    ProgressLine line(err, "audit", false, 80, i18n::Lang::en, clock.fn());
    CHECK_FALSE(line.shown());
    CHECK_FALSE(line.callback());
    line.update(WorkProgress{4096, 1, 13});
    line.done();
  }
  CHECK(err.str() == "");
}
