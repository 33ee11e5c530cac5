// Tests for registry/screen/cdr_reader: call records from CSV, plain or gzip.
#include "registry/screen/cdr_reader.hpp"

#include <doctest/doctest.h>
#include <zlib.h>

#include "registry/types/date.hpp"

#include <fstream>
#include <string>
#include <vector>

using namespace numreg;
using namespace numreg::screen;

namespace {

struct Read {
  std::vector<Cdr> records;
  std::vector<std::string> trunks;  // copies: views die with the reader's next read
  std::vector<std::string> texts;   // each record described while its views live
  std::vector<Error> errors;
};

// A record as text, to compare readings.
std::string describe(const Cdr& c) {
  return std::to_string(c.line) + " " + std::to_string(c.time) + " " + std::string(c.caller) + " " +
         std::string(c.callee) + " " + std::to_string(c.ring_ms) + " " + std::to_string(c.talk_ms);
}

// One reading, whole or in error, kept.
void keep(Read& out, const Result<Cdr>& cdr) {
  if (cdr) {
    out.records.push_back(*cdr);
    out.trunks.emplace_back(cdr->trunk);
    out.texts.push_back(describe(*cdr));
  } else {
    out.errors.push_back(cdr.error());
  }
}

Read read_all(std::string bytes) {
  CdrReader reader(memory_source(std::move(bytes)), "cdrs.csv");
  Read out;
  Result<Cdr> cdr;
  while (reader.next(cdr))
    keep(out, cdr);
  return out;
}

// The same through next_batch, in batches of `size`; fields as text.
Read read_batches(std::unique_ptr<ByteSource> source, size_t size) {
  CdrReader reader(std::move(source), "cdrs.csv");
  Read out;
  std::vector<Result<Cdr>> batch;
  while (reader.next_batch(batch, size)) {
    for (const auto& cdr : batch)
      keep(out, cdr);
  }
  return out;
}

Read read_batches(std::string bytes, size_t size) {
  return read_batches(memory_source(std::move(bytes)), size);
}

std::string gzip(const std::string& text) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(text.size() + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const std::string kDay =
    "call_id,time,trunk,caller,callee,ring_s,talk_s,carrier\n"
    "C1,2026-11-28T08:00:00,TRK-DZ-001,+8689866120001,13800138000,5,30,电信\n"
    "C2,2026-11-28 08:00:07,TRK-DZ-001,0898-6612 0002,13800138001,2.5,0,电信\n";

}  // namespace

TEST_CASE("CdrReader reads the named columns and ignores the others") {
  Read r = read_all(kDay);
  REQUIRE(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  CHECK(r.records[0].line == 2);
  CHECK(r.trunks[0] == "TRK-DZ-001");
  CHECK(r.records[0].time == Date{2026, 11, 28}.days() * 86400 + 8 * 3600);
  CHECK(r.records[0].ring_ms == 5000);
  CHECK(r.records[0].talk_ms == 30000);
  CHECK(r.records[1].second == 8 * 3600 + 7);
  CHECK(r.records[1].ring_ms == 2500);
  CHECK(r.records[1].day == Date{2026, 11, 28}.days());
}

TEST_CASE("CdrReader: gzip input reads the same") {
  Read plain = read_all(kDay);
  Read zipped = read_all(gzip(kDay));
  REQUIRE(zipped.records.size() == plain.records.size());
  CHECK(zipped.records[1].time == plain.records[1].time);
  CHECK(zipped.trunks == plain.trunks);
}

TEST_CASE("CdrReader: BOM, CRLF, quotes, blank lines, header case, no final newline") {
  Read r = read_all(
      "\xEF\xBB\xBFTime,Trunk,Caller,Callee,Ring_s,Talk_s\r\n"
      "2026-11-28T08:00:00,\"TRK,1\",+8613800138000,13800138000,1,0\r\n"
      "\r\n"
      "2026-11-28T08:00:01,TRK-2,\"+86 138 0013 8000\",13800138000,1,\"0\"");
  REQUIRE(r.errors.empty());
  REQUIRE(r.records.size() == 2);
  CHECK(r.trunks[0] == "TRK,1");
  CHECK(r.records[1].line == 4);
}

TEST_CASE("CdrReader: a header without the needed columns is an error") {
  CHECK_THROWS_WITH(read_all("time,trunk,caller,ring_s\n"),
                    "the header lacks callee, talk_s (expected the columns "
                    "time,trunk,caller,callee,ring_s,talk_s; others are ignored)");
}

TEST_CASE("CdrReader: records that cannot be read are errors with file, line and column") {
  Read r = read_all(
      "time,trunk,caller,callee,ring_s,talk_s\n"
      "2026-11-31T10:00:00,T,+8613800138000,13800138000,1,0\n"
      "2026-11-28T10:00:00,T,+8613800138000\n"
      "2026-11-28T10:00:00,,+8613800138000,13800138000,1,0\n"
      "2026-11-28T10:00:00,T,+8613800138000,13800138000,x,0\n"
      "2026-11-28T10:00:00,T,+8613800138000,13800138000,1,0\n");
  CHECK(r.records.size() == 1);
  REQUIRE(r.errors.size() == 4);
  CHECK(r.errors[0].where.file == "cdrs.csv");
  CHECK(r.errors[0].where.line == 2);
  CHECK(r.errors[0].where.column == 1);
  CHECK(r.errors[0].code == "cdr-time");
  CHECK(r.errors[0].message ==
        "time: cannot read '2026-11-31T10:00:00' as a call time (expected e.g. "
        "2026-11-28T14:05:00)");
  CHECK(r.errors[1].message ==
        "the record has 3 fields, expected at least 6 (time,trunk,caller,callee,ring_s,talk_s)");
  CHECK(r.errors[2].message == "trunk is empty");
  CHECK(r.errors[2].where.column == 21);
  CHECK(r.errors[3].message ==
        "ring_s: cannot read 'x' as seconds (expected a whole or decimal number such as 0, 12 "
        "or 2.5)");
}

TEST_CASE("CdrReader: lines longer than the first buffer") {
  std::string text = "time,trunk,caller,callee,ring_s,talk_s,note\n";
  for (int i = 0; i < 3; ++i) {
    text +=
        "2026-11-28T10:00:00,T,+8613800138000,13800138000,1,0," + std::string(700'000, 'x') + "\n";
  }
  Read r = read_all(text);
  CHECK(r.errors.empty());
  CHECK(r.records.size() == 3);
}

TEST_CASE("CdrReader: empty input has no records") {
  CHECK(read_all("").records.empty());
}

TEST_CASE("CdrReader: batches read what next() reads, line by line") {
  // Lines of every shape: short and long, CRLF, blank and blank-looking,
  // quoted, extra and missing columns, trailing commas, no final newline.
  const std::vector<std::string> shapes = {
      "2026-11-28T08:00:00,T1,+8613800138000,13800138000,5,30",
      "2026-11-28T08:00:01,TRK-0000123,13800138000,+8613900000001,1,0,extra,columns,here",
      "2026-11-28T08:00:02,T2,+8613800138000,13800138000,1.5,0\r",
      "",
      "   ",
      "\r",
      "2026-11-28T08:00:03,\"T,3\",+8613800138000,13800138000,1,0",
      "2026-11-28T08:00:04,T4,+8613800138000",
      "2026-11-28T08:00:05, T5 ,+8613800138000, 13800138000 ,2,3,",
      "2026-11-28T08:00:06,T6,+8613800138000,13800138000,2,",
      "x,y,z,w,1,2",
      "2026-11-28 08:00:07,T7,0898-6612 0002,13800138001,2.5,0"};
  std::string text = "time,trunk,caller,callee,ring_s,talk_s\n";
  for (int i = 0; i < 3000; ++i)
    text += shapes[(i * 7 + i / 13) % shapes.size()] + "\n";
  text += "2026-11-28T09:00:00,T9,+8613800138000,13800138000,5,30";  // no final newline
  const Read one = read_all(text);
  for (size_t size : {1, 3, 32, 1000}) {
    const Read batched = read_batches(text, size);
    REQUIRE(batched.records.size() == one.records.size());
    REQUIRE(batched.errors.size() == one.errors.size());
    for (size_t i = 0; i < one.records.size(); ++i) {
      CHECK(batched.texts[i] == one.texts[i]);
      CHECK(batched.trunks[i] == one.trunks[i]);
    }
    for (size_t i = 0; i < one.errors.size(); ++i) {
      CHECK(batched.errors[i].message == one.errors[i].message);
      CHECK(batched.errors[i].where.line == one.errors[i].where.line);
      CHECK(batched.errors[i].where.column == one.errors[i].where.column);
    }
  }
  CHECK(one.records.size() > 1000);
  CHECK(one.errors.size() > 100);
}

TEST_CASE("CdrReader: a plain file is mapped and read in place, gzip is not") {
  std::string text = "time,trunk,caller,callee,ring_s,talk_s\n";
  // 15 MB: past several of the steps at which the mapped part read is let go.
  for (int i = 0; text.size() < (size_t{15} << 20); ++i) {
    text += "2026-11-28T08:" + std::to_string(10 + i % 50) + ":00,TRK-" + std::to_string(i) +
            ",+86898661" + std::to_string(20000 + i % 80000) + ",13800138000," +
            std::to_string(i % 7) + ",30\n";
  }
  text += "2026-11-28T09:00:00,T9,+8613800138000,13800138000,5,30";  // no final newline
  const std::string path = "cdr-reader-mapped.csv";
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
  auto source = open_source(path);
  CHECK(source->whole().size() == text.size());
  const Read mapped = read_batches(std::move(source), 128);
  const Read copied = read_batches(text, 128);
  REQUIRE(mapped.records.size() == copied.records.size());
  CHECK(mapped.texts == copied.texts);
  CHECK(mapped.trunks == copied.trunks);
  CHECK(mapped.texts.back() == copied.texts.back());

  std::ofstream(path, std::ios::binary | std::ios::trunc) << gzip(text.substr(0, 100000));
  auto zipped = open_source(path);
  CHECK(zipped->whole().empty());
  CHECK(read_batches(std::move(zipped), 128).texts ==
        read_batches(text.substr(0, 100000), 128).texts);
  std::remove(path.c_str());
}
