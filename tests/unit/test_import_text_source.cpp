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
                      "UTF-16 text: save the file as CSV UTF-8, or give --encoding utf-16");
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

namespace {

// Real text, as clerks and other registries write it.
const std::string kSimplified =
    "uscc,name,region,address\n"
    "91460400MA5TDR015T,儋州海韵科技有限公司,儋州,儋州市那大镇中兴大街\n"
    "91469007MA5T3K8X2C,东方市八所港务有限公司,东方,东方市八所镇解放西路\n";
const std::string kTraditional =
    "uscc,name,address\n"
    "91460000MA5T0001XA,海南國際電信股份有限公司,海口市龍華區濱海大道\n"
    "91460000MA5T0002XB,臺灣遠傳電信海口分公司,三亞市吉陽區迎賓路\n";
const std::string kJapanese =
    "name,address\n"
    "株式会社東京通信,東京都港区芝公園四丁目\n"
    "大阪電話サービス株式会社,大阪市北区梅田三丁目\n";
const std::string kLatin =
    "name,city\n"
    "Müller Télécom,Genève\n"
    "Bäckerei Süß,Zürich\n";

// The text read from `bytes` and the encoding told, or the error.
std::string outcome(const std::string& bytes, const Encoding& encoding = Encoding::detect) {
  test::ScratchRegistry dir;
  auto path = test::write_file(dir.dir(), "t.csv", bytes);
  try {
    TextSource s(path, "t.csv", encoding);
    std::string all = s.read_all(size_t{1} << 30);
    return all + "|" + std::string(s.encoding());
  } catch (const Failure& f) {
    return test::diagnostics(f.errors()).front();
  }
}

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i)
    out += s;
  return out;
}

}  // namespace

TEST_CASE("TextSource: GB18030 is told and decoded; other encodings are read when given") {
  CHECK(outcome(test::encode(kSimplified, "GB18030")) == kSimplified + "|gb18030");
  CHECK(outcome(kSimplified) == kSimplified + "|utf-8");
  CHECK(outcome(test::encode(kTraditional, "BIG5"), Encoding{"big5"}) == kTraditional + "|big5");
  CHECK(outcome(test::encode(kJapanese, "SHIFT_JIS"), parse_encoding("Shift_JIS")) ==
        kJapanese + "|shift_jis");
  CHECK(outcome(test::encode(kLatin, "ISO-8859-1"), parse_encoding("iso-8859-1")) ==
        kLatin + "|iso-8859-1");
  CHECK(outcome(test::encode("name\nPreis 5 €\n", "WINDOWS-1252"), parse_encoding("cp1252")) ==
        "name\nPreis 5 €\n|cp1252");
  SUBCASE("traditional Chinese written in GB18030 is GB18030") {
    CHECK(outcome(test::encode(kTraditional, "GB18030")) == kTraditional + "|gb18030");
  }
}

TEST_CASE(
    "TextSource: an encoding it cannot tell with confidence is refused, naming the likely "
    "ones") {
  // Big5 bytes also decode as GB18030, into other characters: never guessed.
  CHECK(outcome(test::encode(kTraditional, "BIG5")) ==
        "t.csv:2:20: error[encoding]: cannot tell the file's encoding with confidence: byte 0xAE "
        "is not UTF-8, and the text may be in big5, gb18030; give --encoding big5 if it is, or "
        "save the file as UTF-8");
  CHECK(outcome(test::encode(kJapanese, "SHIFT_JIS")) ==
        "t.csv:2:1: error[encoding]: cannot tell the file's encoding with confidence: byte 0x8A is "
        "not UTF-8, and the text may be in shift_jis, gb18030; give --encoding shift_jis if it "
        "is, or save the file as UTF-8");
  CHECK(outcome(test::encode(kLatin, "ISO-8859-1")) ==
        "t.csv:2:2: error[encoding]: cannot tell the file's encoding with confidence: byte 0xFC is "
        "not UTF-8, and the text may be in iso-8859-2, windows-1252, gb18030; give --encoding "
        "iso-8859-2 if it is, or save the file as UTF-8");
}

TEST_CASE("TextSource: a file that changes encoding is refused where it does") {
  std::string gb_row = test::encode("91469007MA5T3K8X2C,东方市八所港务有限公司,东方\n", "GB18030");
  SUBCASE("a GB18030 row in a UTF-8 file, near the start") {
    CHECK(outcome(kSimplified + gb_row) ==
          "t.csv:4:20: error[encoding]: byte 0xB6 is not UTF-8, though the text before it is: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
  SUBCASE("the column counts characters") {
    CHECK(outcome("name\n海口\n儋州海韵," + test::encode("东方", "GB18030")) ==
          "t.csv:3:6: error[encoding]: byte 0xB6 is not UTF-8, though the text before it is: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
  SUBCASE("a GB18030 row far past the first 64 KB") {
    std::string rows = repeat("91460400MA5TDR015T,儋州海韵科技有限公司,儋州\n", 3000);
    CHECK(outcome("uscc,name,region\n" + rows + gb_row) ==
          "t.csv:3002:20: error[encoding]: byte 0xB6 is not UTF-8, though the text before it is: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
  SUBCASE("a UTF-8 row in a GB18030 file") {
    CHECK(outcome(test::encode(kSimplified, "GB18030") + "91460100MA5T0001XA,海口,海口\n") ==
          "t.csv:4:1: error[encoding]: this line is UTF-8, though the text before it is GB18030: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
  SUBCASE("a bad byte before a UTF-8 line: the first of the two is told") {
    CHECK(outcome(test::encode(kSimplified, "GB18030") + "x,\x81\x20\n91460100MA5T0001XA,海口\n") ==
          "t.csv:4:3: error[encoding]: byte 0x81 is not GB18030, though the text before it is: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
  SUBCASE("bytes that are not GB18030 in a GB18030 file") {
    CHECK(outcome(test::encode(kSimplified, "GB18030") + "x,\x81\x20\n") ==
          "t.csv:4:3: error[encoding]: byte 0x81 is not GB18030, though the text before it is: "
          "the file mixes encodings (save it again in one encoding, as UTF-8)");
  }
}

TEST_CASE("TextSource: ASCII first, the encoding told where the first other byte is") {
  std::string ascii = "uscc,name\n" + repeat("91460400MA5TDR015T,Danzhou Haiyun\n", 3000);
  SUBCASE("GB18030 after 100 KB of ASCII") {
    std::string tail = "91469007MA5T3K8X2C,东方市八所港务有限公司\n";
    CHECK(outcome(ascii + test::encode(tail, "GB18030")) == ascii + tail + "|gb18030");
  }
  SUBCASE("Big5 after 100 KB of ASCII") {
    CHECK(outcome(ascii + test::encode("91460000MA5T0001XA,海南國際電信股份有限公司\n", "BIG5")) ==
          "t.csv:3002:20: error[encoding]: cannot tell the file's encoding with confidence: byte "
          "0xAE is not UTF-8, and the text may be in big5, gb18030; give --encoding big5 if it "
          "is, or save the file as UTF-8");
  }
  SUBCASE("only ASCII is UTF-8") {
    CHECK(outcome(ascii) == ascii + "|utf-8");
  }
}

TEST_CASE(
    "TextSource: characters cut by the buffer's end are joined; cut by the file's end, "
    "refused") {
  // Reads are 256 KB: shift the text by 0, 1, 2 and 3 bytes so that a
  // character of every length straddles a read.
  std::string rows = repeat("海南𠮷€é,儋州\n", 40000);
  for (size_t shift = 0; shift < 4; ++shift) {
    CAPTURE(shift);
    std::string text = std::string(shift, 'x') + "\n" + rows;
    CHECK(outcome(text) == text + "|utf-8");
    CHECK(outcome(test::encode(text, "GB18030")) == text + "|gb18030");
    CHECK(outcome(test::encode(text, "UTF-16"), Encoding{"utf-16"}) == text + "|utf-16");
  }
  SUBCASE("cut at the end") {
    CHECK(outcome("name\n海\xE5\x8D") ==
          "t.csv:2:2: error[encoding]: the file ends inside a UTF-8 character (is it cut short?)");
    std::string gb = test::encode(repeat("儋州海韵科技有限公司\n", 8000), "GB18030");
    CHECK(outcome(gb + "\xD9") ==
          "t.csv:8001:1: error[encoding]: the file ends inside a GB18030 character (is it cut "
          "short?)");
  }
}

TEST_CASE("TextSource: --encoding that does not fit, and byte order marks") {
  std::string gb = test::encode(kSimplified, "GB18030");
  CHECK(outcome(gb, Encoding::utf8) ==
        "t.csv:2:20: error[encoding]: byte 0xD9 is not UTF-8, the encoding given by --encoding "
        "(give the file's own encoding, or save it as UTF-8)");
  CHECK(outcome("\xEF\xBB\xBF" + kSimplified, Encoding::gb18030) ==
        "t.csv:1:1: error[encoding]: the file starts with a UTF-8 byte order mark, but "
        "--encoding gb18030 was given (leave --encoding out, or give utf-8)");
  CHECK(outcome("\xEF\xBB\xBF" + kSimplified, Encoding::utf8) == kSimplified + "|utf-8");
  std::string gb_bom = "\x84\x31\x95\x33" + gb;
  CHECK(outcome(gb_bom) == kSimplified + "|gb18030");
  CHECK(outcome(gb_bom, Encoding::gb18030) == kSimplified + "|gb18030");
  CHECK(outcome(test::encode(kSimplified, "UTF-16")) ==
        "t.csv:1:1: error[encoding]: UTF-16 text: save the file as CSV UTF-8, or give --encoding "
        "utf-16");
  CHECK(outcome(test::encode(kSimplified, "UTF-16"), Encoding{"utf-16"}) ==
        kSimplified + "|utf-16");
}
