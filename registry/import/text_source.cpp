#include "registry/import/text_source.hpp"

#include <fcntl.h>
#include <iconv.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "registry/error.hpp"

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

// Line and column (1-based, in characters) of byte `at` of `text`.
std::pair<long, long> position(std::string_view text, size_t at) {
  long line = 1;
  long column = 1;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

// Length of the UTF-8 sequence that lead byte `c` starts, or 0 if invalid.
int sequence_length(unsigned char c) {
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return 2;
  if (c >= 0xE0 && c <= 0xEF)
    return 3;
  if (c >= 0xF0 && c <= 0xF4)
    return 4;
  return 0;
}

// Position of the first invalid sequence; `cut` is set when a sequence is
// only cut off by the end of `text`.
size_t scan_utf8(std::string_view text, bool& cut) {
  cut = false;
  size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n = sequence_length(c);
    if (n == 0)
      return i;
    for (int k = 1; k < n; ++k) {
      if (i + k >= text.size()) {
        cut = true;
        return i;
      }
      auto d = static_cast<unsigned char>(text[i + k]);
      bool ok = (d & 0xC0) == 0x80;
      if (k == 1 && c == 0xE0)
        ok = ok && d >= 0xA0;
      if (k == 1 && c == 0xED)
        ok = ok && d < 0xA0;
      if (k == 1 && c == 0xF0)
        ok = ok && d >= 0x90;
      if (k == 1 && c == 0xF4)
        ok = ok && d < 0x90;
      if (!ok)
        return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

}  // namespace

bool valid_utf8_prefix(std::string_view text) {
  bool cut = false;
  return scan_utf8(text, cut) == std::string_view::npos || cut;
}

size_t invalid_utf8_at(std::string_view text) {
  bool cut = false;
  return scan_utf8(text, cut);
}

Encoding parse_encoding(std::string_view name) {
  std::string n(name);
  for (auto& c : n)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n.empty() || n == "auto")
    return Encoding::detect;
  if (n == "utf-8" || n == "utf8")
    return Encoding::utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312")
    return Encoding::gb18030;
  throw Failure(make_error(ErrorKind::usage, "encoding-name",
                           fmt::format("unknown encoding '{}' (expected utf-8 or gb18030)", name)));
}

struct TextSource::State {
  int fd = -1;
  bool own_fd = false;
  bool eof = false;
  bool gb18030 = false;
  iconv_t cd = kNoIconv;
  EVP_MD_CTX* sha = nullptr;
  std::string raw;   // bytes read, not yet returned or decoded
  std::string text;  // the chunk returned last

  // Released here, not in ~TextSource, so a constructor that throws frees them too.
  ~State() {
    if (own_fd) {
      ::close(fd);
    }
    if (cd != kNoIconv) {
      iconv_close(cd);
    }
    EVP_MD_CTX_free(sha);
  }
};

TextSource::TextSource(const std::string& path, std::string name, Encoding encoding)
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
  state_->sha = EVP_MD_CTX_new();
  EVP_DigestInit_ex(state_->sha, EVP_sha256(), nullptr);
  detect(encoding);
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
  EVP_DigestUpdate(state_->sha, state_->raw.data() + old, static_cast<size_t>(n));
  raw_bytes_ += static_cast<size_t>(n);
  return static_cast<size_t>(n);
}

void TextSource::detect(Encoding forced) {
  while (state_->raw.size() < kSample && fill_raw() > 0) {
  }
  std::string& raw = state_->raw;
  if (raw.starts_with("\xFF\xFE") || raw.starts_with("\xFE\xFF")) {
    throw Failure(file_error(ErrorKind::data, "encoding", name_, 1, 1,
                             "UTF-16 text is not supported: expected UTF-8 or GB18030 (save the "
                             "file as CSV UTF-8)"));
  }
  // What clerks most often hand over instead of text: the workbook itself.
  if (raw.starts_with("PK\x03\x04") || raw.starts_with("\xD0\xCF\x11\xE0")) {
    throw Failure(file_error(ErrorKind::data, "workbook", name_, 1, 1,
                             "a spreadsheet workbook (XLSX or XLS), not text: save the sheet as "
                             "CSV UTF-8 in the spreadsheet and import the CSV file"));
  }
  bool bom = raw.starts_with("\xEF\xBB\xBF");
  if (bom)
    raw.erase(0, 3);
  if (size_t nul = raw.find('\0'); nul != std::string::npos) {
    auto [line, column] = position(raw, nul);
    throw Failure(file_error(ErrorKind::data, "binary", name_, line, column,
                             "not a text file (NUL byte): expected CSV, YAML, TOML or JSON text "
                             "in UTF-8 or GB18030"));
  }
  bool gb = forced == Encoding::gb18030 ||
            (forced == Encoding::detect && !bom && !valid_utf8_prefix(raw));
  if (gb) {
    if (raw.starts_with("\x84\x31\x95\x33"))
      raw.erase(0, 4);
    state_->gb18030 = true;
    state_->cd = iconv_open("UTF-8", "GB18030");
    if (state_->cd == kNoIconv) {
      throw Failure(make_error(ErrorKind::internal, "iconv", "iconv cannot convert GB18030"));
    }
  }
}

std::string_view TextSource::encoding() const {
  return state_->gb18030 ? "gb18030" : "utf-8";
}

std::string_view TextSource::read() {
  State& s = *state_;
  s.text.clear();
  while (s.text.empty()) {
    if (s.raw.empty() && fill_raw() == 0) {
      return {};
    }
    if (!s.gb18030) {
      s.text.swap(s.raw);
      s.raw.clear();
      return s.text;
    }
    s.text.resize(s.raw.size() * 2 + 16);
    char* in = s.raw.data();
    size_t in_left = s.raw.size();
    char* out = s.text.data();
    size_t out_left = s.text.size();
    size_t rc = iconv(s.cd, &in, &in_left, &out, &out_left);
    int err = errno;
    s.text.resize(s.text.size() - out_left);
    size_t used = s.raw.size() - in_left;
    if (rc == static_cast<size_t>(-1) && err == EILSEQ) {
      throw Failure(file_error(ErrorKind::data, "encoding", name_, 0, 0,
                               fmt::format("byte {} cannot be read as GB18030 (expected UTF-8 or "
                                           "GB18030 text; see --encoding)",
                                           raw_bytes_ - s.raw.size() + used + 1)));
    }
    s.raw.erase(0, used);
    if (!s.raw.empty() && s.text.empty()) {
      // An incomplete sequence: read more, or fail at the end of the file.
      if (fill_raw() == 0) {
        throw Failure(file_error(ErrorKind::data, "encoding", name_, 0, 0,
                                 "the file ends inside a GB18030 character"));
      }
    }
  }
  return s.text;
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
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, state_->sha);
  EVP_DigestFinal_ex(copy, digest, &n);
  EVP_MD_CTX_free(copy);
  std::string hex;
  for (unsigned int i = 0; i < n; ++i)
    hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace numreg::import
