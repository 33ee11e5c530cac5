// Differential test: numreg's reading of foreign numbers (plan::read_foreign,
// the generated automata of registry/types/foreign_plan.hpp first) against
// libphonenumber itself (Parse of "+" and the digits, IsValidNumber, E.164
// format, and GetRegionCodeForNumber for the refusal's wording).
//
// Numbers, for every country calling code libphonenumber knows but 86:
//   - random national numbers of every length from 2 to 17 digits;
//   - every example number of libphonenumber's metadata (each region's and
//     non-geographical entity's, each number type), and near misses of each:
//     one digit changed at every position, a digit added, the last dropped,
//     and the example's first k digits with random ones after (every k).
// Every answer must be the same; prints how many the tables decided.
//
//     foreign_verdicts [--seed N]
#include <phonenumbers/phonemetadata.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdio>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "registry/types/number_plan.hpp"
#include "tools/phone_metadata.hpp"

namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneMetadataCollection;
using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberDesc;
using i18n::phonenumbers::PhoneNumberUtil;
using numreg::plan::Foreign;

// libphonenumber's own reading of "+" `digits`, in read_foreign's terms.
Foreign reference(const PhoneNumberUtil& util, const std::string& digits) {
  PhoneNumber number;
  const auto error = util.Parse("+" + digits, "ZZ", &number);
  if (error == PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR) {
    return {"", "it starts with no country code"};
  }
  if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
    return {"", "it is not a number of any country"};
  }
  if (!util.IsValidNumber(number)) {
    std::string region;
    util.GetRegionCodeForNumber(number, &region);
    std::string problem = "it is not a valid number of +" + std::to_string(number.country_code());
    if (!region.empty() && region != "ZZ") {
      problem += " (" + region + ")";
    }
    return {"", problem};
  }
  Foreign foreign;
  util.Format(number, PhoneNumberUtil::E164, &foreign.e164);
  return foreign;
}

class Numbers {
 public:
  explicit Numbers(unsigned seed) : random_(seed) {}

  std::string digits(size_t count, bool first_may_be_zero = true) {
    std::string out;
    for (size_t i = 0; i < count; ++i) {
      const int low = (i == 0 && !first_may_be_zero) ? 1 : 0;
      out += static_cast<char>('0' + std::uniform_int_distribution<int>(low, 9)(random_));
    }
    return out;
  }

  // The example national number `nsn` of +`code` and its near misses.
  void add_example(const std::string& code, const std::string& nsn) {
    add(code + nsn);
    for (size_t i = 0; i < nsn.size(); ++i) {
      std::string changed = nsn;
      changed[i] = static_cast<char>('0' + (changed[i] - '0' + 1 + i % 9) % 10);
      add(code + changed);
      add(code + nsn.substr(0, i) + digits(nsn.size() - i));
      add(code + nsn.substr(0, i + 1) + digits(nsn.size() - i - 1));
    }
    add(code + nsn + digits(1));
    add(code + nsn.substr(0, nsn.size() - 1));
  }

  void add(std::string number) { all_.push_back(std::move(number)); }
  const std::vector<std::string>& all() const { return all_; }

 private:
  std::mt19937 random_;
  std::vector<std::string> all_;
};

}  // namespace

int main(int argc, char** argv) {
  unsigned seed = 20261207;
  if (argc == 3 && std::strcmp(argv[1], "--seed") == 0) {
    seed = static_cast<unsigned>(std::stoul(argv[2]));
  }
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  Numbers numbers(seed);
  std::set<int> codes;
  util.GetSupportedCallingCodes(&codes);
  codes.erase(86);
  for (int code : codes) {
    for (size_t length = 2; length <= 17; ++length) {
      for (int i = 0; i < 50; ++i) {
        numbers.add(std::to_string(code) + numbers.digits(length, i % 4 != 0));
      }
    }
  }
  PhoneMetadataCollection collection;
  if (!numreg::tools::read_phone_metadata(collection)) {
    std::fprintf(stderr, "foreign_verdicts: cannot read libphonenumber's metadata\n");
    return 1;
  }
  size_t examples = 0;
  for (const PhoneMetadata& metadata : collection.metadata()) {
    if (metadata.country_code() == 86) {
      continue;
    }
    for (const PhoneNumberDesc* desc :
         {&metadata.fixed_line(), &metadata.mobile(), &metadata.toll_free(),
          &metadata.premium_rate(), &metadata.shared_cost(), &metadata.personal_number(),
          &metadata.voip(), &metadata.pager(), &metadata.uan(), &metadata.voicemail(),
          &metadata.general_desc()}) {
      if (!desc->example_number().empty()) {
        numbers.add_example(std::to_string(metadata.country_code()), desc->example_number());
        ++examples;
      }
    }
  }
  size_t from_tables = 0;
  size_t valid = 0;
  size_t differences = 0;
  for (const std::string& digits : numbers.all()) {
    const Foreign expected = reference(util, digits);
    const std::optional<Foreign> tables = numreg::plan::read_foreign_from_tables(digits);
    const Foreign ours = numreg::plan::read_foreign(digits);
    from_tables += tables.has_value();
    valid += !expected.e164.empty();
    const bool same =
        ours.e164 == expected.e164 && ours.problem == expected.problem &&
        (!tables || (tables->e164 == expected.e164 && tables->problem == expected.problem));
    if (!same && ++differences <= 20) {
      std::printf("+%s: libphonenumber \"%s\" \"%s\", numreg \"%s\" \"%s\"%s\n", digits.c_str(),
                  expected.e164.c_str(), expected.problem.c_str(), ours.e164.c_str(),
                  ours.problem.c_str(), tables ? " (tables)" : "");
    }
  }
  const size_t total = numbers.all().size();
  std::printf(
      "%zu foreign numbers of %zu calling codes (%zu example numbers and their near misses): "
      "%zu valid, %zu decided by the tables (%.1f%%), %zu left to libphonenumber; "
      "%zu differences\n",
      total, codes.size(), examples, valid, from_tables, 100.0 * from_tables / total,
      total - from_tables, differences);
  return differences == 0 && total >= 200000 ? 0 : 1;
}
