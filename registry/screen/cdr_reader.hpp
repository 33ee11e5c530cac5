// Reading call records: a stream of CSV lines from a file, standard input or
// gzip, split into the fields DESIGN.md names for cdrs (time trunk caller
// callee ring_s talk_s); other columns are ignored.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "registry/error.hpp"

namespace numreg::screen {

/// A source of bytes: a plain file or gzip data (recognised by its magic
/// bytes), read in large blocks.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Fill up to `n` bytes of `buffer`; 0 at the end. Errors: io, data (gzip).
  virtual size_t read(char* buffer, size_t n) = 0;
  /// The bytes taken from the input so far (of gzip input: compressed bytes).
  virtual uint64_t consumed() const = 0;
  /// All the input at once when it lies mapped in memory (a plain file),
  /// read in place instead of copied; empty otherwise.
  virtual std::string_view whole() const { return {}; }
  /// The bytes of whole() before `offset` are no longer needed: a mapped
  /// source lets go of them, so that memory does not grow with the file.
  virtual void done_before(uint64_t /*offset*/) {}
};

/// Open `path` ("-" for standard input); gzip input is inflated on the fly,
/// a plain regular file is mapped. Errors: no_input (missing file), io.
std::unique_ptr<ByteSource> open_source(const std::string& path);

/// The same, over bytes in memory (tests).
std::unique_ptr<ByteSource> memory_source(std::string bytes);

/// The columns of a call record.
enum CdrColumn { kTime, kTrunk, kCaller, kCallee, kRing, kTalk, kCdrColumns };

/// One call record as read: fields still text, `time` and seconds parsed.
struct Cdr {
  long line = 0;
  int64_t time = 0;    // DateTime::epoch_seconds() of the call's local time
  int32_t day = 0;     // Date::days() of the call's date
  int32_t second = 0;  // seconds since local midnight
  int64_t ring_ms = 0;
  int64_t talk_ms = 0;
  std::string_view time_text;
  std::string_view trunk;
  std::string_view caller;
  std::string_view callee;
};

/// Reads call records one by one; fields point into the reader's buffer and
/// stay valid until the next call of next().
class CdrReader {
 public:
  /// `name` names the input in errors ("cdrs.csv", "-" as "<stdin>").
  CdrReader(std::unique_ptr<ByteSource> source, std::string name);

  /// Read the next record into `cdr`. Returns false at the end of input.
  /// A record that cannot be read is returned as an error (with its file,
  /// line and column) and reading can go on. The header line is read on the
  /// first call; a header without the needed columns is a Failure.
  bool next(Result<Cdr>& cdr);

  /// Read up to `max` records into `batch` (cleared first), all valid
  /// together until the next call. Returns false at the end of input.
  bool next_batch(std::vector<Result<Cdr>>& batch, size_t max);

  const std::string& name() const { return name_; }
  /// The data lines read so far (the header not counted).
  long records() const { return records_; }
  /// The bytes taken from the input so far.
  uint64_t bytes_consumed() const { return mapped_ ? begin_ : source_->consumed(); }

 private:
  /// 1: a line; 0: the end of input; -1: more input is needed, which would
  /// move the buffer, and `may_move` is false.
  int next_line(std::string_view& line, bool may_move = true);
  void read_header();
  /// The common case in one pass: a whole line in the buffer without
  /// quotes; finds its end and splits it into fast_fields_. False (nothing read)
  /// otherwise.
  bool split_next_line(std::string_view& line);
  Result<Cdr> parse(std::string_view line);
  /// parse() after split(): the fields of the current line are in fields_.
  Result<Cdr> parse_fields(std::string_view line);
  struct CallTime {
    int64_t time;
    int32_t day;
    int32_t second;
  };
  bool parse_time(std::string_view text, CallTime& when);
  bool parse_other_time(std::string_view text, CallTime& when);
  bool split(std::string_view line);
  Error error_at(std::string_view field, std::string code, std::string message) const;

  std::unique_ptr<ByteSource> source_;
  std::string name_;
  std::vector<char> buffer_;
  const char* data_ = nullptr;  // buffer_'s bytes, or the mapped input's
  bool mapped_ = false;         // data_ is the whole input, mapped
  size_t begin_ = 0;            // start of unread bytes in data_
  size_t end_ = 0;              // end of valid bytes in data_
  bool eof_ = false;
  long line_ = 0;
  long records_ = 0;
  bool header_read_ = false;
  std::string_view current_;                // the line being parsed
  std::array<int, kCdrColumns> columns_{};  // the column index of each field
  int needed_ = 0;                          // columns to split: max index + 1
  std::vector<std::string_view> fields_;    // split()'s
  // split_next_line()'s, when the needed columns are among the first 16.
  static constexpr int kFastFields = 16;
  std::array<std::string_view, kFastFields> fast_fields_;
  // The fields of the current line: fields_ or fast_fields_.
  const std::string_view* fields_at_ = nullptr;
  size_t field_count_ = 0;
  void use_fields(const std::string_view* fields, size_t count) {
    fields_at_ = fields;
    field_count_ = count;
  }
  std::string unquoted_;     // storage for fields of a quoted line
  bool quoted_ = false;      // the last line split used unquoted_
  char last_date_[10] = {};  // the date of the last fixed-form time read
  bool have_last_date_ = false;
  int32_t last_day_ = 0;
};

}  // namespace numreg::screen
