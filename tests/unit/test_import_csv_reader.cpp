#include <doctest/doctest.h>

#include "import_testutil.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

// Every record of `text` as cells "text@line:column", and the errors.
struct Tokens {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> errors;
};

Tokens tokenize(const std::string& text, Limits limits = {},
                const Encoding& encoding = Encoding::detect) {
  test::ScratchRegistry dir;
  auto path = test::write_file(dir.dir(), "t.csv", text);
  TextSource source(path, "t.csv", encoding);
  CsvTokenizer tokenizer(source, limits);
  Tokens out;
  Row row;
  std::vector<Error> errors;
  while (tokenizer.record(row, errors)) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < row.size; ++i) {
      const auto& c = row.cells[i];
      cells.push_back(c.text + "@" + std::to_string(c.where.line) + ":" +
                      std::to_string(c.where.column));
    }
    out.records.push_back(cells);
  }
  out.errors = test::diagnostics(errors);
  return out;
}

using Cells = std::vector<std::string>;

}  // namespace

TEST_CASE("CsvTokenizer reads RFC 4180") {
  SUBCASE("quotes, embedded commas, quotes and line breaks, CRLF") {
    auto t = tokenize("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n");
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[1] == Cells{"x, y@2:1", "say \"hi\"@2:8"});
    CHECK(t.records[2] == Cells{"two\nlines@3:1", "z@4:8"});
    CHECK(t.errors.empty());
  }
  SUBCASE("columns count characters, not bytes; blank lines are skipped") {
    auto t = tokenize("名称,地区\n\n儋州海纳,儋州\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[1] == Cells{"儋州海纳@3:1", "儋州@3:6"});
  }
  SUBCASE("a lone CR ends a line, as in old Mac files (found by fuzz_csv)") {
    auto t = tokenize("id,location\rL-1,儋州\r\rL-2,东方\r\n,x\n");
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[0] == Cells{"id@1:1", "location@1:4"});
    CHECK(t.records[1] == Cells{"L-1@2:1", "儋州@2:5"});
    CHECK(t.records[2] == Cells{"L-2@4:1", "东方@4:5"});
    CHECK(t.records[3] == Cells{"@5:1", "x@5:2"});
  }
  SUBCASE("a field longer than a read buffer keeps its columns") {
    std::string big(300000, 'x');
    auto t = tokenize("a,b\n" + big + ",儋州\n");
    REQUIRE(t.records.size() == 2);
    CHECK(t.records[1][1] == "儋州@2:300002");
    CHECK(t.records[1][0].size() == big.size() + 4);
  }
  SUBCASE("empty fields and no final line break") {
    auto t = tokenize("a,b,c\n,,x");
    CHECK(t.records[1] == Cells{"@2:1", "@2:2", "x@2:3"});
  }
  SUBCASE("a quote left open") {
    auto t = tokenize("a,b\n1,\"open\n2,3\n");
    CHECK(t.errors == Cells{"t.csv:2:3: error[csv-quote]: quoted field not closed before the end "
                            "of the file (expected a closing '\"')"});
  }
  SUBCASE("text after a closing quote") {
    auto t = tokenize("a\n\"x\"y\n");
    CHECK(t.records[1] == Cells{"xy@2:1"});
    CHECK(t.errors == Cells{"t.csv:2:4: error[csv-quote]: expected a comma or a line end after a "
                            "closing quote (write a quote inside a quoted field as \"\")"});
  }
  SUBCASE("a field beyond the size limit") {
    Limits small;
    small.max_field_bytes = 8;
    auto t = tokenize("a\n\"0123456789abcdef\"\n", small);
    CHECK(t.records[1] == Cells{"01234567@2:1"});
    CHECK(t.errors ==
          Cells{"t.csv:2:1: error[field-size]: field longer than 8 bytes (is a quote missing?)"});
  }
}

TEST_CASE("CsvTokenizer: quoted content is kept exactly; a quote elsewhere is refused") {
  SUBCASE("blanks and commas inside quotes are part of the field") {
    auto t = tokenize("id,name\n1,\"  海南 , 儋州  \"\n");
    CHECK(t.records[1] == Cells{"1@2:1", "  海南 , 儋州  @2:3"});
    CHECK(t.errors.empty());
  }
  SUBCASE("a blank before the opening quote: the quote is not at the start of the field") {
    auto t = tokenize("n,a,s\nn1, \"a\",s\n");
    CHECK(t.records[1] == Cells{"n1@2:1", " \"a\"@2:4", "s@2:9"});
    CHECK(t.errors == Cells{"t.csv:2:5: error[csv-quote]: a quote inside a field that does not "
                            "start with one (quote the whole field and write the quote as \"\", "
                            "with no blank before the opening quote)"});
  }
  SUBCASE("a quote inside an unquoted field, told once a field") {
    auto t = tokenize("size\n12\" pipe \"x\"\n");
    CHECK(t.errors == Cells{"t.csv:2:3: error[csv-quote]: a quote inside a field that does not "
                            "start with one (quote the whole field and write the quote as \"\", "
                            "with no blank before the opening quote)"});
  }
}

// Cases after csv-spectrum (github.com/max-mapper/csv-spectrum, csvs/ and
// json/): what each file means, as that suite's JSON gives it.
TEST_CASE("CsvTokenizer on csv-spectrum's cases") {
  SUBCASE("escaped_quotes") {
    auto t = tokenize("a,b\n1,\"ha \"\"ha\"\" ha\"\n3,4\n");
    CHECK(t.records[1] == Cells{"1@2:1", "ha \"ha\" ha@2:3"});
    CHECK(t.records[2] == Cells{"3@3:1", "4@3:3"});
    CHECK(t.errors.empty());
  }
  SUBCASE("quotes_and_newlines") {
    auto t = tokenize("a,b\n1,\"ha \n\"\"ha\"\" \nha\"\n3,4\n");
    CHECK(t.records[1] == Cells{"1@2:1", "ha \n\"ha\" \nha@2:3"});
    CHECK(t.records[2] == Cells{"3@5:1", "4@5:3"});
    CHECK(t.errors.empty());
  }
  SUBCASE("comma_in_quotes: and a leading zero stays") {
    auto t = tokenize("first,last,address,city,zip\nJohn,Doe,120 any st.,\"Anytown, WW\",08123\n");
    CHECK(t.records[1] ==
          Cells{"John@2:1", "Doe@2:6", "120 any st.@2:10", "Anytown, WW@2:22", "08123@2:36"});
  }
  SUBCASE("newlines_cr: a quoted field across a lone CR") {
    auto t = tokenize("a,b,c\r1,2,3\r\"Once upon \ra time\",5,6\r7,8,9\r");
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[2] == Cells{"Once upon \ra time@3:1", "5@4:9", "6@4:11"});
    CHECK(t.records[3] == Cells{"7@5:1", "8@5:3", "9@5:5"});
  }
  SUBCASE("latin1: refused unless its encoding is given") {
    std::string latin1 = "a,b,c\n1,2,3\n4,5,\xA9\n";
    CHECK_THROWS_WITH(tokenize(latin1),
                      "cannot tell the file's encoding with confidence: byte 0xA9 is not UTF-8, "
                      "and the text may be in windows-1252, shift_jis; give --encoding "
                      "windows-1252 if it is, or save the file as UTF-8");
    auto t = tokenize(latin1, {}, parse_encoding("iso-8859-1"));
    CHECK(t.records[2] == Cells{"4@3:1", "5@3:3", "©@3:5"});
  }
  SUBCASE("location_coordinates: a bare quote in an unquoted field is refused, not kept") {
    auto t = tokenize(
        "Contact Phone Number,Location Coordinates,Cities,Counties\n02095257564,37\xB0"
        "36'37.8\"N 121\xB0"
        "2'17.9\"W,Modesto,Stanislaus\n",
        {}, parse_encoding("iso-8859-1"));
    CHECK(t.errors == Cells{"t.csv:2:23: error[csv-quote]: a quote inside a field that does not "
                            "start with one (quote the whole field and write the quote as \"\", "
                            "with no blank before the opening quote)"});
  }
}

TEST_CASE("CsvReader maps headers to fields and checks row widths") {
  test::ScratchRegistry dir;
  auto path = test::write_file(dir.dir(), "holders.csv",
                               "统一社会信用代码,名称,类型,\n91460400MA5TDR015T,儋州海韵,企业,x\n"
                               "91460400MA5TDR015T,only two\n");
  TextSource source(path, "holders.csv", Encoding::detect);
  CsvReader reader(source, kind("holders"), {});
  Row row;
  std::vector<Error> errors;
  REQUIRE(reader.next(kind("holders"), row, errors));
  CHECK(test::cells(row) ==
        Cells{"uscc=91460400MA5TDR015T@2:1", "name=儋州海韵@2:20", "kind=企业@2:25"});
  REQUIRE(reader.next(kind("holders"), row, errors));
  CHECK(test::diagnostics(errors) ==
        Cells{"holders.csv:3:1: error[csv-fields]: row has 2 fields, the header has 4"});
  CHECK(!reader.next(kind("holders"), row, errors));
}
