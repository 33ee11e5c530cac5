#include <doctest/doctest.h>

#include "import_testutil.hpp"
#include "registry/util/sha256.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

std::string read_all(TextSource& s) {
  return s.read_all(1 << 20);
}

}  // namespace

TEST_CASE("TextSource reads UTF-8 with or without a BOM") {
  test::ScratchRegistry dir;
  SUBCASE("BOM dropped") {
    auto path = test::write_file(dir.dir(), "a.csv", "\xEF\xBB\xBFuscc,name\n");
    TextSource s(path, "a.csv", Encoding::detect);
    CHECK(read_all(s) == "uscc,name\n");
    CHECK(s.encoding() == "utf-8");
  }
  SUBCASE("no BOM") {
    auto path = test::write_file(dir.dir(), "a.csv", "名称\n");
    TextSource s(path, "a.csv", Encoding::detect);
    CHECK(read_all(s) == "名称\n");
  }
}

TEST_CASE("TextSource detects GB18030 and decodes it") {
  test::ScratchRegistry dir;
  // "使用主体,地区\n儋州" in GB18030.
  std::string gb = "\xCA\xB9\xD3\xC3\xD6\xF7\xCC\xE5,\xB5\xD8\xC7\xF8\n\xD9\xD9\xD6\xDD";
  auto path = test::write_file(dir.dir(), "a.csv", gb);
  SUBCASE("detected") {
    TextSource s(path, "a.csv", Encoding::detect);
    CHECK(read_all(s) == "使用主体,地区\n儋州");
    CHECK(s.encoding() == "gb18030");
  }
  SUBCASE("forced") {
    auto ascii = test::write_file(dir.dir(), "b.csv", "id\n");
    TextSource s(ascii, "b.csv", Encoding::gb18030);
    CHECK(read_all(s) == "id\n");
    CHECK(s.encoding() == "gb18030");
  }
  SUBCASE("the hash is of the bytes as written") {
    TextSource s(path, "a.csv", Encoding::detect);
    read_all(s);
    CHECK(s.sha256() == sha256_hex(gb));
  }
}

TEST_CASE("TextSource refuses binary files and UTF-16") {
  test::ScratchRegistry dir;
  SUBCASE("NUL bytes") {
    auto path = test::write_file(dir.dir(), "x.csv", std::string("uscc\nab\0c", 9));
    try {
      TextSource s(path, "x.csv", Encoding::detect);
      FAIL("no error");
    } catch (const Failure& f) {
      CHECK(test::diagnostics(f.errors()) ==
            std::vector<std::string>{"x.csv:2:3: error[binary]: not a text file (NUL byte): "
                                     "expected CSV, YAML, TOML or JSON text in UTF-8 or GB18030"});
    }
  }
  SUBCASE("a workbook, XLSX or the older XLS") {
    for (std::string magic : {std::string("PK\x03\x04\x14\x00\x06\x00", 8),
                              std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)}) {
      auto path = test::write_file(dir.dir(), "leases.csv", magic + "[Content_Types].xml");
      try {
        TextSource s(path, "leases.csv", Encoding::detect);
        FAIL("no error");
      } catch (const Failure& f) {
        CHECK(test::diagnostics(f.errors()) ==
              std::vector<std::string>{
                  "leases.csv:1:1: error[workbook]: a spreadsheet workbook (XLSX or XLS), not "
                  "text: save the sheet as CSV UTF-8 in the spreadsheet and import the CSV file"});
      }
    }
  }
  SUBCASE("UTF-16") {
    auto path = test::write_file(dir.dir(), "y.csv", "\xFF\xFEu\0");
    CHECK_THROWS_WITH(TextSource(path, "y.csv", Encoding::detect),
                      "UTF-16 text is not supported: expected UTF-8 or GB18030 (save the file as "
                      "CSV UTF-8)");
  }
  SUBCASE("missing file") {
    try {
      TextSource s(dir.dir() + "/none.csv", "none.csv", Encoding::detect);
      FAIL("no error");
    } catch (const Failure& f) {
      CHECK(f.error().kind == ErrorKind::no_input);
    }
  }
}

TEST_CASE("parse_encoding names") {
  CHECK(parse_encoding("") == Encoding::detect);
  CHECK(parse_encoding("UTF-8") == Encoding::utf8);
  CHECK(parse_encoding("gbk") == Encoding::gb18030);
  CHECK_THROWS_WITH(parse_encoding("latin1"),
                    "unknown encoding 'latin1' (expected utf-8 or gb18030)");
}

TEST_CASE("invalid_utf8_at finds the first bad byte") {
  CHECK(invalid_utf8_at("儋州") == std::string_view::npos);
  CHECK(invalid_utf8_at("ab\xC0\x80") == 2);
  CHECK(valid_utf8_prefix("a\xE5\x84"));  // cut off, not invalid
  CHECK(!valid_utf8_prefix("a\xE5\x41"));
}
