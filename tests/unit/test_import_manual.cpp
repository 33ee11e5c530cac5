#include <doctest/doctest.h>

#include "registry/import/manual.hpp"
#include "registry/model/kind.hpp"

using namespace numreg;

TEST_CASE("import_manual has every field of every kind, with its Chinese headers") {
  std::string page = import::import_manual();
  CHECK(page.starts_with(".TH NUMREG-IMPORT 5"));
  for (const Kind& k : kinds()) {
    CHECK(page.find(".SS " + k.name + " (") != std::string::npos);
    for (const auto& f : k.fields) {
      CHECK_MESSAGE(page.find(".B " + f.name + "\n") != std::string::npos, k.name, ".", f.name);
    }
  }
  // 允许主叫号码, escaped for groff, with break points between characters.
  CHECK(page.find("\\[u5141]\\:\\[u8BB8]\\:\\[u4E3B]\\:\\[u53EB]\\:") != std::string::npos);
}
