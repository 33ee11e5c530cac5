// Call records: the streaming CdrReader behind `numreg screen`, on any bytes
// (plain or gzip). Properties: a record read has its time split consistently
// (time = day * 86400 + second), non-negative ring and talk times, and lines
// that only grow; an unreadable record names the file and a line.
#include <string>

#include "fuzz/check.hpp"
#include "registry/screen/cdr_reader.hpp"
#include "registry/types/date.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

void check_record(std::string_view input, const screen::Cdr& cdr, long& last_line) {
  require(cdr.line > last_line, "record lines grow", input);
  last_line = cdr.line;
  require(cdr.second >= 0 && cdr.second < 86400, "a call's second is within its day", input);
  require(cdr.time == int64_t{cdr.day} * 86400 + cdr.second, "time = day * 86400 + second", input);
  require(cdr.ring_ms >= 0 && cdr.talk_ms >= 0, "ring and talk times are not negative", input);
  auto when = parse_datetime(cdr.time_text);
  require(when && when->epoch_seconds() == cdr.time, "the time text reads as the record's time",
          input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view input = numreg::fuzz::text_of(data, size);
  screen::CdrReader reader(screen::memory_source(std::string(input)), "cdrs.csv");
  Result<screen::Cdr> cdr = tl::unexpected(Error{});
  long last_line = 0;
  try {
    while (reader.next(cdr)) {
      if (cdr) {
        check_record(input, *cdr, last_line);
      } else {
        require(cdr.error().where.file == "cdrs.csv" && cdr.error().where.line > 0,
                "an unreadable record names the file and its line", input);
        require(!cdr.error().message.empty(), "an unreadable record says why", input);
      }
    }
  } catch (const Failure& failure) {
    // A header without the needed columns, or gzip that does not inflate.
    require(failure.error().kind == ErrorKind::data || failure.error().kind == ErrorKind::io,
            "the reader fails only on bad data", input);
  }
  return 0;
}
