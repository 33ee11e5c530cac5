// Reading call records: lines from large blocks, fields split in place.
#include "registry/screen/cdr_reader.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "registry/screen/digits.hpp"
#include "registry/text/strings.hpp"
#include "registry/types/date.hpp"

namespace numreg::screen {

namespace {

constexpr size_t kInitialBuffer = size_t{1} << 20;
constexpr size_t kLongestLine = size_t{1} << 26;
constexpr uintptr_t kReadAhead = 4096;  // bytes: split_next_line prefetches this far ahead
constexpr std::string_view kColumnNames[kCdrColumns] = {"time",   "trunk",  "caller",
                                                        "callee", "ring_s", "talk_s"};
constexpr std::string_view kExpectedColumns = "time,trunk,caller,callee,ring_s,talk_s";

// Spaces and tabs around a field (the hot path's trim: line ends are split off
// already, so unlike numreg::trim it looks for no CR or LF).
std::string_view trim_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

int two(const char* p) {
  return (p[0] - '0') * 10 + (p[1] - '0');
}

bool digits_at(std::string_view text, std::initializer_list<int> positions) {
  for (int i : positions) {
    if (text[i] < '0' || text[i] > '9')
      return false;
  }
  return true;
}

// Seconds as written in a record ("0", "12", "2.5") in milliseconds, or -1.
int64_t read_ms(std::string_view text) {
  int64_t whole = 0;
  size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > 1'000'000'000)
      return -1;
  }
  if (i == 0)
    return -1;
  int64_t ms = whole * 1000;
  if (i < text.size() && text[i] == '.') {
    int64_t scale = 100;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, scale /= 10) {
      ms += (text[i] - '0') * scale;
    }
  }
  return i == text.size() ? ms : -1;
}

// Bit i of each mask: byte p[i] (of 16) is a newline, a comma, a quote.
struct ByteMasks {
  unsigned newline;
  unsigned comma;
  unsigned quote;
};

ByteMasks masks_tail(const char* p, size_t n) {
  ByteMasks m{0, 0, 0};
  for (size_t i = 0; i < n; ++i) {
    m.newline |= static_cast<unsigned>(p[i] == '\n') << i;
    m.comma |= static_cast<unsigned>(p[i] == ',') << i;
    m.quote |= static_cast<unsigned>(p[i] == '"') << i;
  }
  return m;
}

ByteMasks masks16(const char* p) {
#if defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  return {static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')))),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"'))))};
#else
  return masks_tail(p, 16);
#endif
}

}  // namespace

CdrReader::CdrReader(std::unique_ptr<ByteSource> source, std::string name)
    : source_(std::move(source)),
      name_(name == "-" ? "<stdin>" : std::move(name)),
      buffer_(source_->whole().empty() ? kInitialBuffer : 0),
      data_(buffer_.data()) {
  const std::string_view whole = source_->whole();
  if (!whole.empty()) {
    data_ = whole.data();
    mapped_ = eof_ = true;
    end_ = whole.size();
  }
}

int CdrReader::next_line(std::string_view& line, bool may_move) {
  while (true) {
    const char* start = data_ + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline || (eof_ && begin_ < end_)) {
      const char* stop = newline ? static_cast<const char*>(newline) : data_ + end_;
      line = std::string_view(start, static_cast<size_t>(stop - start));
      if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
      begin_ = newline ? static_cast<size_t>(stop - data_) + 1 : end_;
      ++line_;
      return 1;
    }
    if (eof_)
      return 0;
    if (!may_move)
      return -1;
    // Keep the partial line, then fill the rest of the buffer.
    std::memmove(buffer_.data(), start, end_ - begin_);  // not mapped: eof_ would be set
    end_ -= begin_;
    begin_ = 0;
    if (end_ == buffer_.size()) {
      if (buffer_.size() >= kLongestLine) {
        throw Failure(make_error(
            ErrorKind::data, "cdr-line",
            fmt::format("{}:{}: line is longer than {} bytes", name_, line_ + 1, kLongestLine)));
      }
      buffer_.resize(buffer_.size() * 2);
      data_ = buffer_.data();
    }
    const size_t got = source_->read(buffer_.data() + end_, buffer_.size() - end_);
    end_ += got;
    eof_ = got == 0;
  }
}

// Split the current line at commas into fields_ (at least needed_ of them
// when the line has them); quoted fields are unquoted into unquoted_.
bool CdrReader::split(std::string_view line) {
  fields_.clear();
  quoted_ = line.find('"') != std::string_view::npos;
  if (!quoted_) {
    size_t at = 0;
    while (static_cast<int>(fields_.size()) < needed_) {
      const size_t comma = line.find(',', at);
      fields_.push_back(line.substr(at, comma - at));
      if (comma == std::string_view::npos)
        break;
      at = comma + 1;
    }
    use_fields(fields_.data(), fields_.size());
    return true;
  }
  unquoted_.clear();
  unquoted_.reserve(line.size());
  size_t i = 0;
  while (i <= line.size() && static_cast<int>(fields_.size()) < needed_) {
    const size_t from = unquoted_.size();
    if (i < line.size() && line[i] == '"') {
      for (++i; i < line.size(); ++i) {
        if (line[i] == '"' && i + 1 < line.size() && line[i + 1] == '"') {
          unquoted_ += '"';
          ++i;
        } else if (line[i] == '"') {
          break;
        } else {
          unquoted_ += line[i];
        }
      }
      if (i >= line.size())
        return false;  // no closing quote
      ++i;
    }
    while (i < line.size() && line[i] != ',')
      unquoted_ += line[i++];
    fields_.push_back(std::string_view(unquoted_).substr(from));
    ++i;
  }
  use_fields(fields_.data(), fields_.size());
  return true;
}

void CdrReader::read_header() {
  header_read_ = true;
  std::string_view line;
  if (next_line(line) != 1)
    return;
  if (line.starts_with("\xEF\xBB\xBF"))
    line.remove_prefix(3);
  columns_.fill(-1);
  needed_ = 1 << 20;
  split(line);
  for (size_t i = 0; i < fields_.size(); ++i) {
    const std::string name = ascii_lower(trim_blanks(fields_[i]));
    for (int c = 0; c < kCdrColumns; ++c) {
      if (name == kColumnNames[c] && columns_[c] < 0)
        columns_[c] = static_cast<int>(i);
    }
  }
  std::string missing;
  for (int c = 0; c < kCdrColumns; ++c) {
    if (columns_[c] < 0)
      missing += (missing.empty() ? "" : ", ") + std::string(kColumnNames[c]);
  }
  if (!missing.empty()) {
    Error e = make_error(ErrorKind::data, "cdr-header",
                         fmt::format("the header lacks {} (expected the columns {}; others are "
                                     "ignored)",
                                     missing, kExpectedColumns));
    e.where = {name_, line_, 1};
    throw Failure(e);
  }
  needed_ = *std::max_element(columns_.begin(), columns_.end()) + 1;
}

bool CdrReader::next(Result<Cdr>& cdr) {
  if (mapped_)
    source_->done_before(begin_);  // the last record's fields are done with
  if (!header_read_)
    read_header();
  if (needed_ == 0)
    return false;  // empty input
  std::string_view line;
  do {
    if (next_line(line) != 1)
      return false;
  } while (trim_blanks(line).empty());
  ++records_;
  current_ = line;
  cdr = parse(line);
  return true;
}

bool CdrReader::split_next_line(std::string_view& line) {
  if (needed_ > kFastFields)
    return false;
  const char* start = data_ + begin_;
  const char* end = data_ + end_;
  // Start loading the bytes a page ahead: the first read of each line
  // otherwise waits on memory (a prefetch past the data never faults; the
  // address is computed as an integer, as it may lie past the data).
  const uintptr_t ahead = reinterpret_cast<uintptr_t>(start) + kReadAhead;
  __builtin_prefetch(reinterpret_cast<const void*>(ahead));  // NOLINT(performance-no-int-to-ptr)
  const auto needed = static_cast<size_t>(needed_);
  std::string_view* fields = fast_fields_.data();
  size_t count = 0;
  const char* field = start;
  const char* stop = nullptr;
  for (const char* p = start; !stop; p += 16) {
    if (p >= end)
      return false;  // no whole line in the buffer
    const size_t width = std::min<size_t>(16, static_cast<size_t>(end - p));
    ByteMasks m = width == 16 ? masks16(p) : masks_tail(p, width);
    if (m.newline) {
      const unsigned before = (m.newline & (0u - m.newline)) - 1;
      m.comma &= before;
      m.quote &= before;
      stop = p + __builtin_ctz(m.newline);
    }
    if (m.quote)
      return false;
    for (; m.comma; m.comma &= m.comma - 1) {
      const char* comma = p + __builtin_ctz(m.comma);
      if (count < needed)
        fields[count++] = std::string_view(field, static_cast<size_t>(comma - field));
      field = comma + 1;
    }
  }
  const char* line_end = stop > start && stop[-1] == '\r' ? stop - 1 : stop;
  if (count < needed)
    fields[count++] =
        std::string_view(field, static_cast<size_t>(std::max(line_end, field) - field));
  use_fields(fields, count);
  line = std::string_view(start, static_cast<size_t>(line_end - start));
  begin_ = static_cast<size_t>(stop - data_) + 1;
  ++line_;
  quoted_ = false;
  return true;
}

bool CdrReader::next_batch(std::vector<Result<Cdr>>& batch, size_t max) {
  batch.clear();
  if (mapped_)
    source_->done_before(begin_);  // the last batch's lines are done with
  if (!header_read_)
    read_header();
  while (needed_ > 0 && batch.size() < max) {
    std::string_view line;
    if (split_next_line(line)) {
      if (trim_blanks(line).empty())
        continue;
      ++records_;
      current_ = line;
      batch.push_back(parse_fields(line));
      continue;
    }
    int got = 0;
    do {
      got = next_line(line, batch.empty());
    } while (got == 1 && trim_blanks(line).empty());
    if (got != 1)
      break;
    ++records_;
    current_ = line;
    batch.push_back(parse(line));
    if (quoted_)
      break;  // its fields live in unquoted_, which the next line reuses
  }
  return !batch.empty();
}

Error CdrReader::error_at(std::string_view field, std::string code, std::string message) const {
  Error e = data_error(std::move(code), std::move(message));
  long column = 1;
  if (field.data() >= current_.data() && field.data() <= current_.data() + current_.size()) {
    column = static_cast<long>(field.data() - current_.data()) + 1;
  }
  e.where = {name_, line_, column};
  return e;
}

Result<Cdr> CdrReader::parse(std::string_view line) {
  if (!split(line)) {
    return tl::unexpected(
        error_at(line.substr(line.size()), "cdr-quote", "a quoted field has no closing quote"));
  }
  return parse_fields(line);
}

Result<Cdr> CdrReader::parse_fields(std::string_view line) {
  if (field_count_ < static_cast<size_t>(needed_)) {
    return tl::unexpected(
        error_at(line.substr(line.size()), "cdr-fields",
                 fmt::format("the record has {} fields, expected at least {} ({})", field_count_,
                             needed_, kExpectedColumns)));
  }
  std::string_view text[kCdrColumns];
  for (int c = 0; c < kCdrColumns; ++c) {
    const std::string_view field = fields_at_[columns_[c]];
    text[c] = trim_blanks(field);
    if (text[c].empty()) {
      return tl::unexpected(
          error_at(field, "cdr-missing", fmt::format("{} is empty", kColumnNames[c])));
    }
  }
  CallTime when;
  if (!parse_time(text[kTime], when)) {
    return tl::unexpected(error_at(
        text[kTime], "cdr-time",
        fmt::format("time: cannot read '{}' as a call time (expected e.g. 2026-11-28T14:05:00)",
                    text[kTime])));
  }
  int64_t ms[kCdrColumns];
  for (int c : {kRing, kTalk}) {
    ms[c] = read_ms(text[c]);
    if (ms[c] < 0) {
      return tl::unexpected(error_at(
          text[c], "cdr-seconds",
          fmt::format("{}: cannot read '{}' as seconds (expected a whole or decimal number "
                      "such as 0, 12 or 2.5)",
                      kColumnNames[c], text[c])));
    }
  }
  // Every member of the record is set once, here: no zeroing first (this
  // runs for every record).
  return Cdr{line_,     when.time,   when.day,     when.second,   ms[kRing],
             ms[kTalk], text[kTime], text[kTrunk], text[kCaller], text[kCallee]};
}

// "2026-11-28T14:05:00" (or with a space) without allocating; other forms
// go through parse_datetime. The date is read again only when it differs from
// the last record's (a day's records share it).
bool CdrReader::parse_time(std::string_view text, CallTime& when) {
  const char* p = text.data();
  if (text.size() == 19 && (p[10] == 'T' || p[10] == ' ') && p[13] == ':' && p[16] == ':') {
    const bool same_date = have_last_date_ && load8(p) == load8(last_date_) &&
                           p[8] == last_date_[8] && p[9] == last_date_[9];
    if (!same_date && p[4] == '-' && p[7] == '-' && digits_at(text, {0, 1, 2, 3, 5, 6, 8, 9})) {
      const int year = two(p) * 100 + two(p + 2);
      if (!is_valid_date(year, two(p + 5), two(p + 8)))
        return false;
      last_day_ = static_cast<int32_t>(Date{year, two(p + 5), two(p + 8)}.days());
      std::memcpy(last_date_, p, 10);
      have_last_date_ = true;
    } else if (!same_date) {
      return parse_other_time(text, when);
    }
    const auto digit = [p](int at) { return static_cast<unsigned>(p[at] - '0'); };
    const unsigned h1 = digit(11), h2 = digit(12), m1 = digit(14), m2 = digit(15), s1 = digit(17),
                   s2 = digit(18);
    if (std::max({h1, h2, m1, m2, s1, s2}) > 9)
      return parse_other_time(text, when);
    const unsigned h = h1 * 10 + h2, m = m1 * 10 + m2, s = s1 * 10 + s2;
    if (h > 23 || m > 59 || s > 59)
      return false;
    when.day = last_day_;
    when.second = static_cast<int32_t>(h * 3600 + m * 60 + s);
    when.time = int64_t{when.day} * 86400 + when.second;
    return true;
  }
  return parse_other_time(text, when);
}

bool CdrReader::parse_other_time(std::string_view text, CallTime& when) {
  auto dt = parse_datetime(text);
  if (!dt)
    return false;
  when.day = static_cast<int32_t>(dt->date.days());
  when.second = dt->seconds;
  when.time = dt->epoch_seconds();
  return true;
}

}  // namespace numreg::screen
