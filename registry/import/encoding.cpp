#include "registry/import/encoding.hpp"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <algorithm>
#include <cerrno>
#include <memory>

#include <fmt/format.h>

#include "registry/error.hpp"
#include "registry/import/utf8.hpp"

namespace numreg::import {

namespace {

// iconv_open's failure value, (iconv_t)-1, as the API defines it.
// NOLINTNEXTLINE(performance-no-int-to-ptr)
const iconv_t kNoIconv = reinterpret_cast<iconv_t>(-1);

// Below this many bytes above 0x7F, uchardet's statistics say little.
constexpr size_t kShortSample = 256;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// uchardet's name for the encoding of `bytes` (upper case), or "".
std::string uchardet_guess(std::string_view bytes) {
  std::unique_ptr<uchardet, void (*)(uchardet_t)> ud(uchardet_new(), uchardet_delete);
  uchardet_handle_data(ud.get(), bytes.data(), bytes.size());
  uchardet_data_end(ud.get());
  const char* name = uchardet_get_charset(ud.get());
  return name ? name : "";
}

bool gb_family(std::string_view name) {
  return name == "GB18030" || name == "GB2312" || name == "GBK" || name == "EUC-CN";
}

// Multi-byte encodings other than GB's that uchardet may name.
bool other_multibyte(std::string_view name) {
  for (std::string_view n : {"BIG5", "EUC-TW", "SHIFT_JIS", "EUC-JP", "ISO-2022-JP", "EUC-KR",
                             "UHC", "ISO-2022-KR", "ISO-2022-CN", "UTF-8", "JOHAB"}) {
    if (name == n)
      return true;
  }
  return name.starts_with("UTF-");
}

// True when every character above 0x7F in `bytes` is a GB2312 (EUC-CN)
// double-byte character, and there are few of them.
bool short_gb2312(std::string_view bytes, bool at_end) {
  size_t high = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80)
      continue;
    if (i + 1 == bytes.size())
      return !at_end;
    auto d = static_cast<unsigned char>(bytes[++i]);
    if (c < 0xA1 || c > 0xF7 || d < 0xA1 || d > 0xFE)
      return false;
    high += 2;
  }
  return high < kShortSample;
}

// True when whole lines of UTF-8 text with characters beyond ASCII come
// before byte `bad`: the file began as UTF-8.
bool utf8_lines_before(std::string_view prefix, size_t bad) {
  size_t line_start = prefix.rfind('\n', bad);
  if (line_start == std::string_view::npos)
    return false;
  size_t two = 0;
  for (size_t i = 0; i < line_start; ++i) {
    auto c = static_cast<unsigned char>(prefix[i]);
    if (c >= 0xE0)
      return true;
    two += c >= 0xC2;
  }
  return two >= 2;
}

}  // namespace

Encoding parse_encoding(std::string_view name) {
  std::string n = lower(name);
  if (n.empty() || n == "auto")
    return Encoding::detect;
  if (n == "utf-8" || n == "utf8")
    return Encoding::utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936" || n == "euc-cn")
    return Encoding::gb18030;
  iconv_t cd = iconv_open("UTF-8", n.c_str());
  if (cd == kNoIconv) {
    throw Failure(
        make_error(ErrorKind::usage, "encoding-name",
                   fmt::format("unknown encoding '{}' (expected utf-8, gb18030 or another "
                               "name iconv knows, such as big5, shift_jis, iso-8859-1 "
                               "or windows-1252; iconv -l lists them)",
                               name)));
  }
  iconv_close(cd);
  return Encoding{n};
}

bool ascii_compatible(std::string_view encoding) {
  std::string n = lower(encoding);
  for (std::string_view wide : {"utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4",
                                "ucs4", "utf-7", "utf7", "unicode"}) {
    if (n.starts_with(wide))
      return false;
  }
  return true;
}

bool decodes_as(std::string_view encoding, std::string_view bytes, bool at_end) {
  iconv_t cd = iconv_open("UTF-8", std::string(encoding).c_str());
  if (cd == kNoIconv)
    return false;
  char out[4096];
  // iconv's interface takes char* even though it only reads the input.
  char* in = const_cast<char*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  size_t in_left = bytes.size();
  bool ok = true;
  while (in_left > 0) {
    char* o = out;
    size_t o_left = sizeof out;
    if (iconv(cd, &in, &in_left, &o, &o_left) != static_cast<size_t>(-1))
      break;
    if (errno == E2BIG)
      continue;
    ok = errno == EINVAL && !at_end;
    break;
  }
  iconv_close(cd);
  return ok;
}

Detection detect_encoding(std::string_view prefix, bool at_end) {
  bool cut = false;
  size_t bad = scan_utf8(prefix, cut);
  if (bad == std::string_view::npos || cut || utf8_lines_before(prefix, bad))
    return Detection{"utf-8", 0, {}};
  // uchardet's word is taken for GB18030 (a byte that is not, further on, is
  // refused where it is); without it, only a short GB2312 text that decodes.
  std::string guess = uchardet_guess(prefix);
  if (gb_family(guess) || (!other_multibyte(guess) && short_gb2312(prefix, at_end) &&
                           decodes_as("GB18030", prefix, at_end))) {
    return Detection{"gb18030", 0, {}};
  }
  Detection d{"", bad, {}};
  if (!guess.empty() && guess != "ASCII" && guess != "UTF-8")
    d.likely.push_back(lower(guess));
  // A Western single-byte guess: Windows-1252 is what such files mostly are.
  if ((guess.starts_with("ISO-8859-") || guess.starts_with("WINDOWS-125")) &&
      guess != "WINDOWS-1252")
    d.likely.emplace_back("windows-1252");
  for (std::string_view c : {"gb18030", "big5", "shift_jis", "euc-kr"}) {
    if (d.likely.size() < 3 && std::find(d.likely.begin(), d.likely.end(), c) == d.likely.end() &&
        decodes_as(c, prefix, at_end)) {
      d.likely.emplace_back(c);
    }
  }
  return d;
}

}  // namespace numreg::import
