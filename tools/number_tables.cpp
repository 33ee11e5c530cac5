// Writes the tables registry/types/number_plan.cpp reads China's numbering
// plan from, derived once at build time from libphonenumber's metadata:
//
//   kMobilePrefix[p - 10000]        for each 5-digit prefix p of an 11-digit
//                                   national significant number 1xxxxxxxxxx
//   kAreaSubscriber[a][len - 7][d]  for each area code a (10, 20-29,
//                                   300-999), subscriber length 7 or 8 and
//                                   subscriber first digit d
//
// Each entry is 0 (no such number), 1 (valid) or 2 (it depends on later
// digits: ask libphonenumber). An entry is 0 or 1 only when every sample
// number in its block agrees.
//
//   kForeignCode[c]                 for each country calling code c: bit 15
//                                   set when libphonenumber knows c; bit d
//                                   (0-9) set when a national number that
//                                   starts with d might lose a national
//                                   prefix when parsed: the digits a match
//                                   of the national prefix patterns of c's
//                                   main region (which Parse reads it with)
//                                   can start with, or, for a pattern beyond
//                                   tools/digit_pattern.hpp's subset, every
//                                   digit it names (an over-approximation)
//
// Usage: number_tables OUTPUT
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/digit_pattern.hpp"
#include "tools/phone_metadata.hpp"

namespace {

using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Tails that fill a block's remaining digits: the ends, repeated digits and
// patterns that catch rules on the second and third digit after the prefix.
const std::array<const char*, 12> kTails = {"00000000", "99999999", "12345678", "55555555",
                                            "01010101", "90909090", "10000000", "01999999",
                                            "87654321", "30303030", "09876543", "11111111"};

// 1 when the NSN is a valid Chinese number of `type`, else 0.
int verdict_of(const PhoneNumberUtil& util, uint64_t nsn, PhoneNumberUtil::PhoneNumberType type) {
  PhoneNumber number;
  number.set_country_code(86);
  number.set_national_number(nsn);
  return util.IsValidNumber(number) && util.GetNumberType(number) == type ? 1 : 0;
}

// The verdict for every number that starts with `head` and has `length`
// digits in all: 0 or 1 when all samples agree, else 2.
int block_verdict(const PhoneNumberUtil& util, const std::string& head, size_t length,
                  PhoneNumberUtil::PhoneNumberType type) {
  int seen = -1;
  for (const char* tail : kTails) {
    const std::string digits = head + std::string(tail).substr(0, length - head.size());
    const int v = verdict_of(util, std::stoull(digits), type);
    if (seen >= 0 && v != seen) {
      return 2;
    }
    seen = v;
  }
  return seen;
}

// The digits a national-prefix pattern may start a match with, as a bit set.
// Parse strips a prefix only when the pattern matches at the start of the
// national number; an empty match strips nothing. So these are the digits
// on the moves out of the pattern's start (every state of its automaton can
// reach the accepting one). A pattern outside digit_pattern.hpp's subset:
// every digit it names, all ten for \d, '.' or a range.
unsigned first_digits(const std::string& pattern) {
  if (pattern.empty()) {
    return 0;
  }
  try {
    // An end anchor only narrows the matches: without it, a superset.
    const std::string unanchored =
        pattern.back() == '$' ? pattern.substr(0, pattern.size() - 1) : pattern;
    numreg::tools::Nfa nfa;
    const int start = numreg::tools::add_pattern(nfa, unanchored).first;
    unsigned bits = 0;
    for (int s : numreg::tools::closure(nfa, {start})) {
      for (const auto& [set, to] : nfa.states[static_cast<size_t>(s)].digits) {
        bits |= set;
      }
    }
    return bits;
  } catch (const std::runtime_error&) {
    std::fprintf(stderr, "number_tables: %s: every digit it names\n", pattern.c_str());
  }
  unsigned bits = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c >= '0' && c <= '9') {
      bits |= 1u << (c - '0');
    } else if ((c == '\\' && i + 1 < pattern.size() && pattern[i + 1] == 'd') || c == '.' ||
               c == '-') {
      bits |= 0x3FF;
    }
  }
  return bits;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: number_tables OUTPUT\n");
    return 2;
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::string out =
      "// Generated by tools/number_tables.cpp from libphonenumber's metadata: do not edit.\n"
      "// 0 = no such number, 1 = valid, 2 = depends on later digits.\n";
  out += "const unsigned char kMobilePrefix[10000] = {";
  for (int p = 10000; p < 20000; ++p) {
    out += (p % 50 == 0 ? "\n" : "");
    out += std::to_string(block_verdict(util, std::to_string(p), 11, PhoneNumberUtil::MOBILE));
    out += ',';
  }
  out += "};\n";
  out += "const unsigned char kAreaSubscriber[1000][2][10] = {";
  for (int a = 0; a < 1000; ++a) {
    const bool area = a == 10 || (a >= 20 && a <= 29) || a >= 300;
    out += "\n{";
    for (size_t length : {7u, 8u}) {
      out += '{';
      for (int d = 0; d < 10; ++d) {
        const std::string head = std::to_string(a) + std::to_string(d);
        const int v = area ? block_verdict(util, head, std::to_string(a).size() + length,
                                           PhoneNumberUtil::FIXED_LINE)
                           : 0;
        out += std::to_string(v);
        out += ',';
      }
      out += "},";
    }
    out += "},";
  }
  out += "};\n";
  PhoneMetadataCollection collection;
  if (!numreg::tools::read_phone_metadata(collection)) {
    std::fprintf(stderr, "number_tables: cannot read libphonenumber's metadata\n");
    return 1;
  }
  std::vector<unsigned> foreign(1000, 0);
  for (const auto& metadata : collection.metadata()) {
    const int code = metadata.country_code();
    if (code <= 0 || code >= 1000) {
      continue;
    }
    // Parse reads a number after +CODE with the metadata of CODE's main
    // region (or of the non-geographical entity "001").
    std::string main_region;
    util.GetRegionCodeForCountryCode(code, &main_region);
    if (metadata.id() != main_region) {
      continue;
    }
    foreign[static_cast<size_t>(code)] |= 1u << 15;
    foreign[static_cast<size_t>(code)] |= first_digits(metadata.national_prefix_for_parsing()) |
                                          first_digits(metadata.national_prefix());
  }
  out += "const unsigned short kForeignCode[1000] = {";
  for (int c = 0; c < 1000; ++c) {
    out += (c % 20 == 0 ? "\n" : "");
    out += std::to_string(foreign[static_cast<size_t>(c)]);
    out += ',';
  }
  out += "};\n";
  FILE* file = std::fopen(argv[1], "w");
  if (file == nullptr || std::fwrite(out.data(), 1, out.size(), file) != out.size() ||
      std::fclose(file) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  return 0;
}
