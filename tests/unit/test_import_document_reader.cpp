#include <doctest/doctest.h>

#include "import_testutil.hpp"
#include "registry/import/document_reader.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

using Lines = std::vector<std::string>;

// Every row of `kind` as its cells, and the errors, from a parsed document.
struct Parsed {
  std::vector<Lines> rows;
  Lines errors;
};

Parsed rows_of(std::unique_ptr<DocumentReader> doc, const char* kind_name,
               std::vector<Error>& errors) {
  Parsed out;
  Row row;
  while (doc->next(kind(kind_name), row, errors))
    out.rows.push_back(test::cells(row));
  out.errors = test::diagnostics(errors);
  return out;
}

Parsed json(const std::string& text, const char* kind_name, const Kind* hint = nullptr,
            Limits limits = {}) {
  std::vector<Error> errors;
  return rows_of(read_json(text, "d.json", hint, limits, errors), kind_name, errors);
}

Parsed yaml(const std::string& text, const char* kind_name, Limits limits = {}) {
  std::vector<Error> errors;
  return rows_of(read_yaml(text, "d.yaml", nullptr, limits, errors), kind_name, errors);
}

Parsed toml(const std::string& text, const char* kind_name) {
  std::vector<Error> errors;
  return rows_of(read_toml(text, "d.toml", nullptr, {}, errors), kind_name, errors);
}

}  // namespace

TEST_CASE("read_json: a list per kind, values as written, with their places") {
  auto p = json(
      "{\"leases\": [\n  {\"id\": \"L-1\", \"permitted_callers\": [\"95105\", "
      "\"0898-6612 0000..0898-6612 0099\"],\n   \"end\": null, \"capacity\": 30}\n]}",
      "leases");
  REQUIRE(p.rows.size() == 1);
  CHECK(p.rows[0] == Lines{"id=L-1@2:10",
                           "permitted_callers=95105;0898-6612 0000..0898-6612 0099@2:38",
                           "end=@3:11"});
  // capacity is not a lease field
  CHECK(p.errors == Lines{"d.json:3:17: error[field-unknown]: leases has no field 'capacity' (see "
                          "numreg-import(5))"});
}

TEST_CASE("read_json: numbers keep their written text") {
  auto p = json("[{\"lease\": \"L-1\", \"first\": 4008108888, \"last\": 8.98661E+11}]", "permits",
                &kind("permits"));
  REQUIRE(p.rows.size() == 1);
  CHECK(p.rows[0] == Lines{"lease=L-1@1:12", "first=4008108888@1:28", "last=8.98661E+11@1:48"});
}

TEST_CASE("read_json: syntax errors, shapes and nesting") {
  SUBCASE("syntax") {
    auto p = json("{\"holders\": [{\"uscc\": }]}", "holders");
    CHECK(p.errors == Lines{"d.json:1:23: error[json-syntax]: invalid JSON: unexpected '}'; "
                            "expected '[', '{', or a literal"});
  }
  SUBCASE("a top-level list needs a kind") {
    auto p = json("[{\"uscc\": \"x\"}]", "holders");
    CHECK(p.errors == Lines{"d.json:1:1: error[document-kind]: cannot tell the record kind of a "
                            "top-level list (name the file after the kind, e.g. leases.json, or "
                            "give --kind)"});
  }
  SUBCASE("deep nesting stops") {
    Limits limits;
    limits.max_depth = 8;
    auto p = json("{\"holders\": [{\"uscc\": [[[[[[[[[[]]]]]]]]]]}]}", "holders", nullptr, limits);
    CHECK(p.errors.back() == "d.json:1:28: error[nesting]: values nested deeper than 8 levels");
  }
}

TEST_CASE("read_yaml: scalars stay text; aliases are bounded") {
  SUBCASE("leading zeros and 'numbers' stay as written") {
    auto p = yaml("permits:\n  - lease: L-1\n    first: 0898 6612 3456\n    last: 089866123499\n",
                  "permits");
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0] ==
          Lines{"lease=L-1@2:12", "first=0898 6612 3456@3:12", "last=089866123499@4:11"});
    CHECK(p.errors.empty());
  }
  SUBCASE("an alias bomb") {
    std::string text = "leases:\n  - id: A\n    permitted_callers: &x [1, 2, 3, 4, 5, 6, 7, 8]\n";
    for (int i = 0; i < 200; ++i)
      text += "  - {id: B, permitted_callers: *x}\n";
    Limits limits;
    limits.max_nodes_per_byte = 0;  // budget: 1024 values
    auto p = yaml(text, "leases", limits);
    CHECK(p.rows.empty());
    CHECK(p.errors == Lines{"d.yaml:1:1: error[yaml-aliases]: the document expands to more than "
                            "1024 values (aliases repeated too often)"});
  }
  SUBCASE("deep flow nesting is refused before parsing") {
    auto p = yaml("holders: " + std::string(100, '[') + std::string(100, ']') + "\n", "holders");
    CHECK(p.errors == Lines{"d.yaml:1:74: error[nesting]: values nested deeper than 64 levels"});
  }
  SUBCASE("syntax") {
    auto p = yaml("holders:\n  - uscc: [\n", "holders");
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].starts_with("d.yaml:3:1: error[yaml-syntax]: invalid YAML: "));
  }
}

TEST_CASE("read_toml: arrays of tables; floats refused") {
  auto p = toml(
      "[[resources]]\nid = \"T-1\"\ncapacity = 30\ninternational = true\n"
      "[[resources]]\nid = \"T-2\"\ncapacity = 30.5\n",
      "resources");
  REQUIRE(p.rows.size() == 2);
  // toml++ keeps a table's keys in order of name
  CHECK(p.rows[0] == Lines{"capacity=30@3:12", "id=T-1@2:6", "international=true@4:17"});
  CHECK(p.errors == Lines{"d.toml:7:12: error[toml-float]: capacity: a decimal number cannot be "
                          "read exactly: write it as a quoted string"});
}

// JSONTestSuite (github.com/nst/JSONTestSuite) accepts a repeated key
// (y_object_duplicated_key.json: {"a":"b","a":"c"}) and leaves its meaning to
// the reader; numreg refuses it, as CSV headers and TOML do, rather than
// keep one of the two values without a word.
TEST_CASE("read_json and read_yaml: a repeated key is refused where it is") {
  SUBCASE("JSON: in a record") {
    auto p = json(
        "{\"holders\": [\n {\"uscc\": \"91460400MA5TDR015T\", \"name\": \"儋州海韵\",\n  "
        "\"name\": \"东方八所\"}\n]}",
        "holders");
    CHECK(p.errors == Lines{"d.json:3:3: error[key-repeated]: repeated key 'name': this record "
                            "already gives name on line 2"});
  }
  SUBCASE("JSON: a field and its Chinese name") {
    auto p = json("[{\"uscc\": \"91460400MA5TDR015T\", \"名称\": \"a\", \"name\": \"b\"}]",
                  "holders", &kind("holders"));
    CHECK(p.errors == Lines{"d.json:1:44: error[key-repeated]: repeated key 'name': this record "
                            "already gives name on line 1"});
  }
  SUBCASE("JSON: a kind given twice") {
    auto p = json("{\"holders\": [],\n \"holders\": [{\"uscc\": \"x\"}]}", "holders");
    CHECK(p.rows.empty());
    CHECK(p.errors == Lines{"d.json:2:2: error[key-repeated]: repeated key 'holders': this "
                            "document already has a list of holders on line 1"});
  }
  SUBCASE("YAML: in a record") {
    auto p =
        yaml("holders:\n  - uscc: 91460400MA5TDR015T\n    name: 儋州海韵\n    name: 东方八所\n",
             "holders");
    CHECK(p.errors == Lines{"d.yaml:4:5: error[key-repeated]: repeated key 'name': this record "
                            "already gives name on line 3"});
  }
  SUBCASE("YAML: a kind given twice") {
    auto p = yaml("holders:\n  - uscc: A\nholders:\n  - uscc: B\n", "holders");
    CHECK(p.rows.size() == 1);
    CHECK(p.errors == Lines{"d.yaml:3:1: error[key-repeated]: repeated key 'holders': this "
                            "document already has a list of holders on line 1"});
  }
}

// After yaml-test-suite (github.com/yaml/yaml-test-suite, src/): 6XDY "Two
// document start markers", 7Z25 "Bare document after document end marker",
// and the spec's example 2.8 (two documents, each between --- and ...).
TEST_CASE("read_yaml: every document of a stream is read") {
  SUBCASE("two documents, each with its records") {
    auto p = yaml(
        "---\nholders:\n  - uscc: 91460400MA5TDR015T\n...\n---\nholders:\n  - uscc: "
        "91469007MA5T3K8X2C\n...\n",
        "holders");
    REQUIRE(p.rows.size() == 2);
    CHECK(p.rows[0] == Lines{"uscc=91460400MA5TDR015T@3:11"});
    CHECK(p.rows[1] == Lines{"uscc=91469007MA5T3K8X2C@7:11"});
    CHECK(p.errors.empty());
  }
  SUBCASE("a bare document after an end marker") {
    auto p = yaml("---\nholders: []\n...\nleases:\n  - id: L-1\n", "leases");
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0] == Lines{"id=L-1@5:9"});
    CHECK(p.errors.empty());
  }
  SUBCASE("empty documents hold nothing") {
    auto p = yaml("---\n---\n", "holders");
    CHECK(p.rows.empty());
    CHECK(p.errors.empty());
  }
  SUBCASE("the second document's errors say its lines") {
    auto p = yaml("holders:\n  - uscc: A\n---\nholders:\n  - 42\n", "holders");
    CHECK(p.errors == Lines{"d.yaml:5:5: error[document-shape]: expected a record (a mapping of "
                            "field: value), found a value"});
  }
}

TEST_CASE("JsonLinesReader: one record a line") {
  test::ScratchRegistry dir;
  auto path = test::write_file(dir.dir(), "permits.jsonl",
                               "{\"lease\": \"L-1\", \"first\": \"95105\"}\n\n{\"lease\": 1,}\n");
  TextSource source(path, "permits.jsonl", Encoding::detect);
  JsonLinesReader reader(source, kind("permits"), {});
  Row row;
  std::vector<Error> errors;
  REQUIRE(reader.next(kind("permits"), row, errors));
  CHECK(test::cells(row) == Lines{"lease=L-1@1:11", "first=95105@1:27"});
  REQUIRE(reader.next(kind("permits"), row, errors));
  CHECK(test::diagnostics(errors) ==
        Lines{"permits.jsonl:3:13: error[json-syntax]: invalid JSON: unexpected '}'; expected "
              "string literal"});
  CHECK(!reader.next(kind("permits"), row, errors));
}
