// Resident ID numbers: parse_resident_id and mask_resident_id.
// Properties: a valid number is 18 characters, re-parses to itself and ends in
// its check character; masking keeps only the first 6 and last 4; no error
// message repeats the number (it is personal data).
#include <string>
#include <vector>

#include "fuzz/check.hpp"
#include "registry/types/resident_id.hpp"

using namespace numreg;
using numreg::fuzz::require;

namespace {

const Date kToday{2026, 11, 29};

// The runs of at least `min` digits in `text`.
std::vector<std::string_view> digit_runs(std::string_view text, size_t min) {
  std::vector<std::string_view> runs;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9')
      ++j;
    if (j - i >= min)
      runs.push_back(text.substr(i, j - i));
    i = j == i ? i + 1 : j;
  }
  return runs;
}

void check_valid(std::string_view text, const std::string& id) {
  require(id.size() == 18, "a valid ID has 18 characters", text);
  require(resident_id_check_char(id) == id[17], "a valid ID ends in its check character", text);
  auto again = parse_resident_id(id, kToday);
  require(again && *again == id, "a valid ID re-parses to itself", text);
  std::string masked = mask_resident_id(id);
  require(masked.size() == 18 && masked.substr(6, 8) == "********" &&
              masked.substr(0, 6) == id.substr(0, 6) && masked.substr(14) == id.substr(14),
          "masking stars the birth date and keeps 6+4", text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, size_t size) {
  std::string_view text = numreg::fuzz::text_of(data, size);
  auto id = parse_resident_id(text, kToday);
  if (id) {
    check_valid(text, *id);
  } else {
    for (std::string_view run : digit_runs(text, 8)) {
      require(id.error().message.find(run) == std::string::npos,
              "an ID error never repeats the digits of the number", text);
    }
  }
  std::string masked = mask_resident_id(text);
  if (masked.size() != 18 || masked.substr(6, 8) != "********") {
    require(masked.find_first_not_of('*') == std::string::npos,
            "a mask of anything but 18 characters is all stars", text);
  }
  return 0;
}
