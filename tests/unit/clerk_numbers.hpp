// Numbers as clerks and switches write them, for the tests of the screening
// numbers' readers (number_key, caller_route).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace numreg::test {

// Numbers as clerks and switches write them: a national or foreign number
// of every class numreg knows (valid or not), dressed in a random written
// form.
class ClerkNumbers {
 public:
  explicit ClerkNumbers(uint32_t seed) : rng_(seed) {}

  std::string next() { return dress(national()); }

 private:
  std::mt19937 rng_;

  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  std::string digits(size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i) {
      out += static_cast<char>('0' + pick(10));
    }
    return out;
  }
  template <typename T>
  const T& one_of(const std::vector<T>& items) {
    return items[pick(items.size())];
  }

  // A number as dialled inside China (mobile, "0" + area + subscriber,
  // service) or abroad ("+" + country code + number).
  std::string national() {
    static const std::vector<std::string> areas = {"898", "898", "898", "890", "899", "10",  "20",
                                                   "21",  "26",  "571", "755", "543", "433", "851",
                                                   "540", "807", "311", "999", "754"};
    static const std::vector<std::string> foreign = {
        "+44 20 7", "+1 212 5", "+852 2",   "+852 9",   "+683 7",  "+683 1",
        "+999 1",   "+49 30 1", "+886 2 2", "+7 495 1", "+81 3 1", "+44 (0)20 7"};
    switch (pick(10)) {
      case 0:
      case 1:
      case 2:  // mobile, every prefix 10-19 with its 5th digit
        return "1" + digits(pick(6) == 0 ? 9 + pick(4) : 10);
      case 3:
      case 4:  // Hainan fixed line, every first digit
        return "0898" + digits(pick(8) == 0 ? 7 : 8);
      case 5: {  // fixed line elsewhere, 6 to 9 subscriber digits
        return "0" + one_of(areas) + digits(6 + pick(4));
      }
      case 6: {  // 95/96, bare or after an area code
        std::string service = (pick(2) ? "95" : "96") + digits(3 + pick(3));
        return pick(2) ? service : "0" + one_of(areas) + service;
      }
      case 7:  // 400/800, 9 to 11 digits
        return (pick(2) ? "400" : "800") + digits(6 + pick(3));
      case 8:
        return one_of(foreign) + digits(3 + pick(6));
      default:  // short numbers, bare digits and noise
        return digits(1 + pick(13));
    }
  }

  // `number` written as a clerk might: with a country or carrier prefix,
  // grouped by spaces, dashes, dots or parentheses, in full width.
  std::string dress(std::string number) {
    if (!number.starts_with('+')) {
      const bool trunk = number.starts_with('0');
      const std::string nsn = trunk ? number.substr(1) : number;
      switch (pick(8)) {
        case 0:
          number = "+86" + nsn;
          break;
        case 1:
          number = "0086" + nsn;
          break;
        case 2:
          number = "86" + nsn;
          break;
        case 3:
          number = "+86 (0)" + nsn;
          break;
        case 4:
          number =
              std::string(one_of(std::vector<std::string>{"17951", "17911", "17909", "12593"})) +
              (pick(2) ? " " : "") + number;
          break;
        default:
          break;
      }
    }
    std::string out;
    const size_t style = pick(6);
    for (size_t i = 0; i < number.size(); ++i) {
      const char c = number[i];
      if (i > 0 && i % 4 == 3 && style > 0 && style < 4) {
        out += style == 1 ? " " : style == 2 ? "-" : ".";
      }
      out += c;
    }
    if (style == 4 && out.size() > 5) {
      out = "(" + out.substr(0, 4) + ") " + out.substr(4);
    }
    if (pick(10) == 0) {  // full width: each ASCII character U+FF01..U+FF5E
      std::string wide;
      for (char c : out) {
        if (c == ' ') {
          wide += c;
          continue;
        }
        const unsigned cp = static_cast<unsigned char>(c) + 0xFEE0;
        wide += static_cast<char>(0xE0 | (cp >> 12));
        wide += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        wide += static_cast<char>(0x80 | (cp & 0x3F));
      }
      out = wide;
    }
    if (pick(20) == 0) {
      out = " " + out + " ";
    }
    return out;
  }
};

}  // namespace numreg::test
