// Reads telephone numbers, one a line, and writes how numreg reads each:
// "CANONICAL<TAB>TYPE", or "!<TAB>CODE<TAB>REASON" when it refuses one.
// The differential test (number_differential.py) compares it with
// python3-phonenumbers.
#include <iostream>
#include <string>

#include "registry/screen/number_key.hpp"
#include "registry/types/number.hpp"

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    const numreg::Result<numreg::Number> number = numreg::parse_number(line);
    if (number) {
      std::cout << number->canonical << '\t' << numreg::to_string(number->type) << '\n';
    } else {
      std::cout << "!\t" << number.error().code << '\t'
                << numreg::screen::number_problem(number.error()) << '\n';
    }
  }
  return 0;
}
