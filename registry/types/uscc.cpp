// Unified social credit codes (GB 32100-2015).
//
// Implementation details: the text is compacted first (code_text.hpp); the
// checks then run in the order length, character set, region digits, check
// character, so each error names the first thing wrong.
// Lengths and positions count characters (UTF-8 code points), not bytes.
#include "registry/types/uscc.hpp"

#include "registry/text/code_text.hpp"
#include "registry/text/strings.hpp"

#include <vector>

namespace numreg {

namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kAllowed = "0-9 and A-H J-N P Q R T U W X Y";
constexpr size_t kLength = 18;

// Return the value 0..30 of `c` in the GB 32100 character set, or -1.
int char_value(char c) {
  const size_t index = kCharset.find(c);
  return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

// Split UTF-8 `text` into one string per code point; invalid bytes stand alone.
std::vector<std::string> code_points(std::string_view text) {
  std::vector<std::string> points;
  for (char c : text) {
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (continuation && !points.empty() && (static_cast<unsigned char>(points.back()[0]) >= 0xC0)) {
      points.back() += c;
    } else {
      points.emplace_back(1, c);
    }
  }
  return points;
}

std::string position_text(size_t index) {
  return std::to_string(index + 1);
}

// Find the first character outside the set or, in positions 3-8, not a digit.
std::optional<Error> check_characters(const std::vector<std::string>& points) {
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].size() != 1 || char_value(points[i][0]) < 0) {
      return data_error("uscc-charset",
                        "character '" + points[i] + "' at position " + position_text(i) +
                            " is not allowed (allowed: " + std::string(kAllowed) + ")");
    }
  }
  for (size_t i = 2; i < 8; ++i) {
    if (points[i][0] > '9') {
      return data_error("uscc-region", "character '" + points[i] + "' at position " +
                                           position_text(i) +
                                           " is not a digit (positions 3-8 hold a region code)");
    }
  }
  return std::nullopt;
}

}  // namespace

std::string normalise_uscc(std::string_view text) {
  std::string code = compact_code(trim(text));
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return code;
}

std::optional<char> uscc_check_char(std::string_view first17) {
  if (first17.size() < kLength - 1) {
    return std::nullopt;
  }
  int sum = 0;
  int weight = 1;
  for (size_t i = 0; i < kLength - 1; ++i) {
    const int value = char_value(first17[i]);
    if (value < 0) {
      return std::nullopt;
    }
    sum += value * weight;
    weight = weight * 3 % 31;
  }
  return kCharset[(31 - sum % 31) % 31];
}

Result<Uscc> parse_uscc(std::string_view text, bool allow_bad_check) {
  const std::string code = normalise_uscc(text);
  const std::vector<std::string> points = code_points(code);
  if (points.size() != kLength) {
    return tl::unexpected(data_error(
        "uscc-length", "18 characters expected, found " + std::to_string(points.size())));
  }
  if (std::optional<Error> error = check_characters(points)) {
    return tl::unexpected(std::move(*error));
  }
  const char expected = *uscc_check_char(code);
  if (code[kLength - 1] == expected) {
    return Uscc{code, true};
  }
  if (allow_bad_check) {
    return Uscc{code, false};
  }
  return tl::unexpected(
      data_error("uscc-check", std::string("check character at position 18 is '") +
                                   code[kLength - 1] + "', expected '" + expected + "'"));
}

}  // namespace numreg
