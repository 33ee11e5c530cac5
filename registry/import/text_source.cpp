#include "registry/import/text_source.hpp"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/util/sha256.hpp"

// Implementation details: the first 64 KB are read before the first chunk
// is returned. A byte order mark or --encoding settles the encoding there;
// otherwise text that is only ASCII is passed on as it is until the first
// byte above 0x7F, and the encoding is told from the 64 KB that start there
// (detect_encoding). From then on every chunk is checked (UTF-8) or decoded
// (iconv) as it is returned, so a file that changes encoding part way is
// refused at the line where it does. The line and column reached are kept
// so that every such error says where.

namespace numreg::import {

namespace {

constexpr size_t kChunk = size_t{256} * 1024;
constexpr size_t kSample = size_t{64} * 1024;

// iconv_open's failure value, (iconv_t)-1, as the API defines it.
// NOLINTNEXTLINE(performance-no-int-to-ptr)
const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

Error file_error(ErrorKind kind, std::string code, const std::string& file, long line, long column,
                 std::string message) {
  Error e = make_error(kind, std::move(code), std::move(message));
  e.where = Location{file, line, column};
  return e;
}

// Move `line` and `column` (1-based, in characters) over `text`.
void advance(std::string_view text, long& line, long& column) {
  size_t last = text.rfind('\n');
  auto chars = [](std::string_view t) {
    return static_cast<long>(std::count_if(
        t.begin(), t.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  if (last == std::string_view::npos) {
    column += chars(text);
    return;
  }
  // memchr finds line ends many bytes at a time; lines are long.
  const char* end = text.data() + last + 1;
  for (const char* p = text.data();
       (p = static_cast<const char*>(std::memchr(p, '\n', end - p))) != nullptr; ++p) {
    ++line;
  }
  column = 1 + chars(text.substr(last + 1));
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string hex_byte(char c) {
  return fmt::format("{:02X}", static_cast<unsigned char>(c));
}

}  // namespace

struct TextSource::State {
  enum class Mode { ascii, utf8, iconv };

  int fd = -1;
  bool own_fd = false;
  bool eof = false;
  bool forced = false;
  Mode mode = Mode::ascii;
  std::string encoding = "utf-8";
  iconv_t cd = kNoIconv;
  bool check_lines = false;           // refuse lines of UTF-8 in a file decoded by iconv
  Sha256Stream sha;                   // of the bytes read
  std::optional<std::string> digest;  // sha's, once the input is read
  std::string raw;                    // bytes read, not yet returned or decoded
  std::string text;                   // the chunk returned last
  long line = 1;                      // where the text returned so far ends
  long column = 1;

  // Released here, not in ~TextSource, so a constructor that throws frees them too.
  ~State() {
    if (own_fd) {
      ::close(fd);
    }
    if (cd != kNoIconv) {
      iconv_close(cd);
    }
  }
};

TextSource::TextSource(const std::string& path, std::string name, const Encoding& encoding)
    : name_(std::move(name)), state_(std::make_unique<State>()) {
  if (path == "-") {
    state_->fd = 0;
  } else {
    state_->fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (state_->fd < 0) {
      int err = errno;
      throw Failure(make_error(err == ENOENT ? ErrorKind::no_input : ErrorKind::io, "file-open",
                               fmt::format("cannot read {}: {}", path, std::strerror(err))));
    }
    state_->own_fd = true;
    struct stat st {};
    if (::fstat(state_->fd, &st) == 0 && S_ISREG(st.st_mode))
      size_ = static_cast<size_t>(st.st_size);
    if (::fstat(state_->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      throw Failure(make_error(ErrorKind::no_input, "file-open",
                               fmt::format("cannot read {}: it is a directory", path)));
    }
  }
  open(encoding);
}

TextSource::~TextSource() = default;

size_t TextSource::fill_raw() {
  if (state_->eof)
    return 0;
  size_t old = state_->raw.size();
  state_->raw.resize(old + kChunk);
  ssize_t n;
  do {
    n = ::read(state_->fd, state_->raw.data() + old, kChunk);
  } while (n < 0 && errno == EINTR);
  if (n < 0) {
    int err = errno;
    state_->raw.resize(old);
    throw Failure(make_error(ErrorKind::io, "file-read",
                             fmt::format("cannot read {}: {}", name_, std::strerror(err))));
  }
  state_->raw.resize(old + static_cast<size_t>(n));
  if (n == 0)
    state_->eof = true;
  state_->sha.update(std::string_view(state_->raw).substr(old));
  raw_bytes_ += static_cast<size_t>(n);
  return static_cast<size_t>(n);
}

void TextSource::fill_sample() {
  while (state_->raw.size() < kSample && fill_raw() > 0) {
  }
}

void TextSource::open(const Encoding& forced) {
  fill_sample();
  std::string& raw = state_->raw;
  state_->forced = !forced.name.empty();
  // What clerks most often hand over instead of text: the workbook itself.
  if (raw.starts_with("PK\x03\x04") || raw.starts_with("\xD0\xCF\x11\xE0")) {
    throw Failure(file_error(ErrorKind::data, "workbook", name_, 1, 1,
                             "a spreadsheet workbook (XLSX or XLS), not text: save the sheet as "
                             "CSV UTF-8 in the spreadsheet and import the CSV file"));
  }
  if (!state_->forced)
    check_start();
  bool bom = raw.starts_with("\xEF\xBB\xBF");
  if (bom && state_->forced && forced != Encoding::utf8) {
    throw Failure(file_error(ErrorKind::data, "encoding", name_, 1, 1,
                             fmt::format("the file starts with a UTF-8 byte order mark, but "
                                         "--encoding {} was given (leave --encoding out, or give "
                                         "utf-8)",
                                         forced.name)));
  }
  if (bom)
    raw.erase(0, 3);
  bool gb_bom = raw.starts_with("\x84\x31\x95\x33");  // GB18030's own byte order mark
  if (gb_bom && (!state_->forced || forced == Encoding::gb18030))
    raw.erase(0, 4);
  if (state_->forced) {
    use(forced.name);
  } else if (bom) {
    use("utf-8");
  } else if (gb_bom) {
    use("gb18030");
  } else if (size_t p = first_non_ascii(raw); p != std::string::npos) {
    decide(p);  // the ASCII before reads the same in every encoding told
  }
}

// A file that is not text, or not text we read without being told.
void TextSource::check_start() {
  const std::string& raw = state_->raw;
  if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
    throw Failure(file_error(ErrorKind::data, "encoding", name_, 1, 1,
                             "UTF-16 text: save the file as CSV UTF-8, or give --encoding utf-16"));
  }
  if (size_t nul = raw.find('\0'); nul != std::string::npos) {
    long line = 1;
    long column = 1;
    advance(std::string_view(raw).substr(0, nul), line, column);
    throw Failure(file_error(ErrorKind::data, "binary", name_, line, column,
                             "not a text file (NUL byte): expected CSV, YAML, TOML or JSON text "
                             "in UTF-8 or GB18030"));
  }
}

// Tell the encoding from the raw bytes from `from`, the first byte above 0x7F.
void TextSource::decide(size_t from) {
  while (state_->raw.size() < from + kSample && fill_raw() > 0) {
  }
  // The ASCII before `from` goes to the detector too: uchardet weighs it.
  std::string_view raw = state_->raw;
  Detection d = detect_encoding(raw, state_->eof);
  if (!d.encoding.empty()) {
    use(d.encoding);
    return;
  }
  std::string byte = hex_byte(raw[d.bad_at]);
  if (d.likely.empty()) {
    fail_at(raw.substr(0, d.bad_at), "encoding",
            fmt::format("cannot tell the file's encoding: byte 0x{} is not UTF-8, and no common "
                        "encoding fits; give --encoding NAME (iconv -l lists them), or save the "
                        "file as UTF-8",
                        byte));
  }
  fail_at(raw.substr(0, d.bad_at), "encoding",
          fmt::format("cannot tell the file's encoding with confidence: byte 0x{} is not UTF-8, "
                      "and the text may be in {}; give --encoding {} if it is, or save the file "
                      "as UTF-8",
                      byte, fmt::join(d.likely, ", "), d.likely.front()));
}

void TextSource::use(const std::string& encoding) {
  State& s = *state_;
  s.encoding = encoding;
  if (encoding == "utf-8") {
    s.mode = State::Mode::utf8;
    return;
  }
  s.mode = State::Mode::iconv;
  s.cd = iconv_open("UTF-8", encoding.c_str());
  if (s.cd == kNoIconv) {
    throw Failure(make_error(ErrorKind::internal, "iconv",
                             fmt::format("iconv cannot convert {}", upper(encoding))));
  }
  s.check_lines = ascii_compatible(encoding);
}

std::string_view TextSource::encoding() const {
  return state_->encoding;
}

// Return the first `n` raw bytes as text, keeping the rest.
std::string_view TextSource::emit(size_t n) {
  State& s = *state_;
  s.text.swap(s.raw);
  s.raw.assign(s.text, n);
  s.text.resize(n);
  advance(s.text, s.line, s.column);
  return s.text;
}

void TextSource::fail_at(std::string_view decoded, std::string code, std::string message) {
  long line = state_->line;
  long column = state_->column;
  advance(decoded, line, column);
  throw Failure(
      file_error(ErrorKind::data, std::move(code), name_, line, column, std::move(message)));
}

std::string_view TextSource::read() {
  State& s = *state_;
  s.text.clear();
  while (true) {
    if (s.raw.empty() && fill_raw() == 0)
      return {};
    if (s.mode == State::Mode::utf8)
      return read_utf8();
    if (s.mode == State::Mode::iconv)
      return read_iconv();
    size_t p = first_non_ascii(s.raw);
    if (p == std::string::npos)
      return emit(s.raw.size());
    if (p > 0)
      return emit(p);
    decide(0);
  }
}

std::string_view TextSource::read_utf8() {
  State& s = *state_;
  while (true) {
    bool cut = false;
    size_t bad = scan_utf8(s.raw, cut);
    if (bad == std::string::npos)
      return emit(s.raw.size());
    std::string_view before = std::string_view(s.raw).substr(0, bad);
    if (!cut) {
      std::string byte = hex_byte(s.raw[bad]);
      fail_at(before, "encoding",
              s.forced ? fmt::format("byte 0x{} is not UTF-8, the encoding given by --encoding "
                                     "(give the file's own encoding, or save it as UTF-8)",
                                     byte)
                       : fmt::format("byte 0x{} is not UTF-8, though the text before it is: the "
                                     "file mixes encodings (save it again in one encoding, as "
                                     "UTF-8)",
                                     byte));
    }
    if (bad > 0)
      return emit(bad);  // the cut sequence waits for the next bytes
    if (fill_raw() == 0)
      fail_at(before, "encoding", "the file ends inside a UTF-8 character (is it cut short?)");
  }
}

// Refuse a line of UTF-8 text (with Chinese or other characters of three
// bytes) among the first `n` raw bytes of a file decoded from another
// encoding: the file mixes encodings.
void TextSource::check_lines(size_t n) {
  State& s = *state_;
  std::string_view raw = std::string_view(s.raw).substr(0, n);
  long line = s.line;
  long column = s.column;
  for (size_t start = 0; start < raw.size();) {
    size_t end = std::min(raw.find('\n', start), raw.size());
    std::string_view text = raw.substr(start, end - start);
    if (first_non_ascii(text) != std::string::npos && looks_utf8_cjk(text)) {
      throw Failure(file_error(ErrorKind::data, "encoding", name_, line, column,
                               fmt::format("this line is UTF-8, though the text before it is {}: "
                                           "the file mixes encodings (save it again in one "
                                           "encoding, as UTF-8)",
                                           upper(s.encoding))));
    }
    ++line;
    column = 1;
    start = end + 1;
  }
}

std::string_view TextSource::read_iconv() {
  State& s = *state_;
  while (true) {
    s.text.resize(s.raw.size() * 3 + 16);
    char* in = s.raw.data();
    size_t in_left = s.raw.size();
    char* out = s.text.data();
    size_t out_left = s.text.size();
    size_t rc = iconv(s.cd, &in, &in_left, &out, &out_left);
    int err = errno;
    s.text.resize(s.text.size() - out_left);
    size_t used = s.raw.size() - in_left;
    if (s.check_lines)
      check_lines(used);  // before a byte error: it may be where such a line goes wrong
    if (rc == static_cast<size_t>(-1) && err == EILSEQ) {
      std::string byte = hex_byte(s.raw[used]);
      std::string name = upper(s.encoding);
      fail_at(s.text, "encoding",
              s.forced ? fmt::format("byte 0x{} is not {}, the encoding given by --encoding (give "
                                     "the file's own encoding, or save it as UTF-8)",
                                     byte, name)
                       : fmt::format("byte 0x{} is not {}, though the text before it is: the file "
                                     "mixes encodings (save it again in one encoding, as UTF-8)",
                                     byte, name));
    }
    s.raw.erase(0, used);
    if (!s.text.empty()) {
      advance(s.text, s.line, s.column);
      return s.text;
    }
    // An incomplete sequence: read more, or fail at the end of the file.
    if (fill_raw() == 0) {
      fail_at(
          {}, "encoding",
          fmt::format("the file ends inside a {} character (is it cut short?)", upper(s.encoding)));
    }
  }
}

std::string TextSource::read_all(size_t cap) {
  std::string all;
  for (std::string_view chunk = read(); !chunk.empty(); chunk = read()) {
    if (all.size() + chunk.size() > cap) {
      throw Failure(file_error(ErrorKind::data, "document-size", name_, 1, 1,
                               fmt::format("document larger than {} MB: split it, or use CSV or "
                                           "JSON Lines, which are read as a stream",
                                           cap >> 20)));
    }
    all.append(chunk);
  }
  return all;
}

std::string TextSource::sha256() {
  while (fill_raw() > 0) {
    state_->raw.clear();
  }
  if (!state_->digest)
    state_->digest = state_->sha.hex();
  return *state_->digest;
}

}  // namespace numreg::import
