// Verdicts of numreg's USCC and resident ID checks, one per input line, for
// the differential test against python-stdnum (stdnum_codes.py).
//
//   code_verdicts YYYY-MM-DD < candidates
//
// Each input line is "uscc TEXT" or "id TEXT"; each output line is
// "ok CANONICAL" or "error CODE" (the error code of registry::Error).
#include <iostream>
#include <string>

#include "registry/types/date.hpp"
#include "registry/types/resident_id.hpp"
#include "registry/types/uscc.hpp"

namespace {

template <typename T>
void print(const numreg::Result<T>& result, const std::string& canonical) {
  if (result) {
    std::cout << "ok " << canonical << '\n';
  } else {
    std::cout << "error " << result.error().code << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: code_verdicts YYYY-MM-DD < candidates\n";
    return 64;
  }
  const auto today = numreg::parse_date(argv[1]);
  if (!today) {
    std::cerr << "code_verdicts: " << today.error().message << '\n';
    return 64;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    const size_t space = line.find(' ');
    const std::string kind = line.substr(0, space);
    const std::string text = space == std::string::npos ? "" : line.substr(space + 1);
    if (kind == "uscc") {
      const auto result = numreg::parse_uscc(text);
      print(result, result ? result->code : "");
    } else if (kind == "id") {
      const auto result = numreg::parse_resident_id(text, *today);
      print(result, result ? *result : "");
    } else {
      std::cerr << "code_verdicts: unknown kind '" << kind << "'\n";
      return 65;
    }
  }
  return 0;
}
