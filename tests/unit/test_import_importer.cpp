#include <doctest/doctest.h>
#include <fmt/format.h>

#include "import_testutil.hpp"
#include "registry/import/importer.hpp"
#include "registry/util/sha256.hpp"

using namespace numreg;
using namespace numreg::import;

namespace {

using Lines = std::vector<std::string>;

constexpr const char* kHolders =
    "uscc,name,kind,region\n91460400MA5TDR015T,儋州海韵科技有限公司,enterprise,儋州\n";
constexpr const char* kResources = "id,kind\nT-DZ-0001,trunk\n0898 96166,n96\n";
constexpr const char* kLeases =
    "id,resource,holder,purpose,start,permitted_callers\n"
    "L-1,T-DZ-0001,91460400MA5TDR015T,marketing,2025-01-01,0898-6610 0000..0898-6610 0099;96166\n"
    "L-2,96166,91460400MA5TDR015T,客服,2025-01-01,\n";

struct Fixture {
  test::ScratchRegistry registry;
  std::vector<std::string> files;

  Fixture() {
    files.push_back(test::write_file(registry.dir(), "leases.csv", kLeases));
    files.push_back(test::write_file(registry.dir(), "resources.csv", kResources));
    files.push_back(test::write_file(registry.dir(), "holders.csv", kHolders));
  }
  ImportReport run(const std::vector<std::string>& paths, ImportOptions options = {}) {
    Ledger ledger = registry.open();
    return import_files(ledger, paths, options, test::change());
  }
  size_t journal_entries() {
    Ledger ledger = registry.open();
    return ledger.log({}).size();
  }
  std::string counts(const ImportReport& r) {
    std::string out;
    for (const auto& [k, c] : r.counts) {
      out += fmt::format("{}:{}/{}/{} ", k->name, c.added, c.changed, c.unchanged);
    }
    return out;
  }
};

}  // namespace

TEST_CASE("import_files writes kinds in dependency order, whatever the file order") {
  Fixture f;
  ImportReport r = f.run(f.files);
  CHECK(test::diagnostics(r.errors) == Lines{});
  CHECK(f.counts(r) == "holders:1/0/0 resources:2/0/0 leases:2/0/0 ");
  CHECK(r.batch == "20261129T093000Z-" + r.batch.substr(17));
  Ledger ledger = f.registry.open();
  CHECK(ledger.get(kind("leases"), "L-1").text("permitted_callers") ==
        "96166;+8689866100000..+8689866100099");
  // One entry per record, and one for the batch with each file's SHA-256.
  auto entries = ledger.log({.batch = r.batch});
  REQUIRE(entries.size() == 6);
  CHECK(entries.back().action == "import");
  auto after = nlohmann::json::parse(*entries.back().after);
  CHECK(after["files"][0]["sha256"] == r.files[0].sha256);
  CHECK(r.files[0].sha256 == sha256_hex(kLeases));
}

TEST_CASE("import_files: any error, nothing written, every error reported") {
  Fixture f;
  f.files[0] = test::write_file(f.registry.dir(), "leases.csv",
                                "id,resource,holder,purpose,start,end\n"
                                "L-1,T-DZ-0001,91460400MA5TDR015T,marketing,2025-01-01,2024-12-31\n"
                                "L-2,T-NONE,91460400MA5TDR015T,marketing,2025-01-01,\n"
                                "L-3,T-DZ-0001,91460400MA5TDR015T,selling,2025-02-30,\n");
  ImportReport r = f.run(f.files);
  std::string dir = f.registry.dir() + "/";
  CHECK(test::diagnostics(r.errors) ==
        Lines{dir + "leases.csv:2:55: error[date-order]: end: end 2024-12-31 is before start "
                    "2025-01-01",
              dir + "leases.csv:3:5: error[ref-missing]: resource: no resource 'T-NONE' in the "
                    "registry",
              dir + "leases.csv:4:34: error[enum-value]: purpose: 'selling' is not one of: "
                    "customer_service, marketing, notification, internal, other",
              dir + "leases.csv:4:42: error[date-impossible]: start: 2025-02-30 is not a calendar "
                    "date"});
  CHECK(r.error_count == 4);
  CHECK(r.batch.empty());
  CHECK(f.journal_entries() == 0);
  Ledger ledger = f.registry.open();
  CHECK(ledger.list(kind("holders"), {}).empty());
}

TEST_CASE("import_files: --max-errors keeps the first N, counts all") {
  Fixture f;
  ImportOptions o;
  o.max_errors = 1;
  ImportReport r = f.run({f.files[0]}, o);  // no holders, no resources
  CHECK(r.error_count == 4);
  CHECK(r.errors.size() == 1);
}

TEST_CASE("import_files: insert rejects a key that exists; upsert changes nothing twice") {
  Fixture f;
  f.run(f.files);
  size_t entries = f.journal_entries();
  ImportReport again = f.run({f.files[2]});
  REQUIRE(again.errors.size() == 1);
  CHECK(again.errors[0].code == "duplicate-key");
  CHECK(again.errors[0].message ==
        "holder '91460400MA5TDR015T' already exists (in the registry or earlier in this import; "
        "--mode upsert updates it)");
  ImportOptions upsert;
  upsert.upsert = true;
  ImportReport same = f.run(f.files, upsert);
  CHECK(same.ok());
  CHECK(f.counts(same) == "holders:0/0/1 resources:0/0/2 leases:0/0/2 ");
  CHECK(same.batch.empty());
  CHECK(f.journal_entries() == entries);
  f.files[2] =
      test::write_file(f.registry.dir(), "holders.csv",
                       "uscc,name,kind\n91460400MA5TDR015T,儋州海韵科技股份有限公司,企业\n");
  ImportReport changed = f.run({f.files[2]}, upsert);
  CHECK(f.counts(changed) == "holders:0/1/0 ");
  CHECK(f.journal_entries() == entries + 2);
}

TEST_CASE("import_files: --dry-run counts and writes nothing") {
  Fixture f;
  ImportOptions o;
  o.dry_run = true;
  ImportReport r = f.run(f.files, o);
  CHECK(r.ok());
  CHECK(f.counts(r) == "holders:1/0/0 resources:2/0/0 leases:2/0/0 ");
  CHECK(f.journal_entries() == 0);
}

TEST_CASE("import_files: references to rejected rows say so") {
  Fixture f;
  f.files[2] = test::write_file(f.registry.dir(), "holders.csv",
                                "uscc,name,kind\n91460400MA5TDR015T,,enterprise\n");
  ImportReport r = f.run(f.files);
  Lines d = test::diagnostics(r.errors);
  REQUIRE(d.size() == 3);
  CHECK(d[0].ends_with("holders.csv:2:20: error[required]: name: name is required"));
  CHECK(
      d[1].ends_with("leases.csv:2:15: error[ref-rejected]: holder: holder "
                     "'91460400MA5TDR015T' was rejected above"));
}

TEST_CASE("import_files: references are found in the registry and in rows read before") {
  Fixture f;
  REQUIRE(f.run({f.files[1], f.files[2]}).ok());  // resources and holders
  std::string leases = test::write_file(f.registry.dir(), "leases.csv",
                                        "id,resource,holder,purpose,start\n"
                                        "L-1,T-DZ-0001,91460400MA5TDR015T,marketing,2025-01-01\n"
                                        "L-2,T-NONE,91460400MA5TDR015T,marketing,2025-01-01\n"
                                        "L-1,T-NONE,91460400MA5TDR016R,marketing,2025-01-01\n"
                                        "L-3,96166,91460400MA5TDR016R,marketing,2025-01-01\n");
  std::string permits = test::write_file(f.registry.dir(), "permits.csv",
                                         "lease,first,last\n"
                                         "L-1,0898-6610 0000,0898-6610 0099\n"
                                         "L-9,0898-6610 0100,0898-6610 0199\n");
  size_t entries = f.journal_entries();
  ImportReport r = f.run({permits, leases});
  Lines d = test::diagnostics(r.errors);
  // L-1 is read before the permit that names it: only L-9 is missing. The
  // second L-1 is a duplicate first, as SQLite's constraints tell it.
  CHECK(d == Lines{
                 f.registry.dir() +
                     "/leases.csv:3:5: error[ref-missing]: resource: no resource 'T-NONE' in "
                     "the registry",
                 f.registry.dir() +
                     "/leases.csv:4:1: error[duplicate-key]: id: lease 'L-1' already exists (in "
                     "the registry or earlier in this import; --mode upsert updates it)",
                 f.registry.dir() + "/leases.csv:5:11: error[ref-missing]: holder: no holder "
                                    "'91460400MA5TDR016R' in the registry",
                 f.registry.dir() +
                     "/permits.csv:3:1: error[ref-missing]: lease: no lease 'L-9' in the registry",
             });
  CHECK(f.journal_entries() == entries);
  Ledger ledger = f.registry.open();
  CHECK(ledger.list(kind("leases"), {}).empty());
}

TEST_CASE("import_files: foreign keys are on again after an import") {
  Fixture f;
  Ledger ledger = f.registry.open();
  CHECK(import_files(ledger, f.files, {}, test::change()).ok());
  CHECK(test::sqlite_of(ledger).scalar("PRAGMA foreign_keys") == 1);
  std::string bad = test::write_file(f.registry.dir(), "leases-bad.csv",
                                     "id,resource,holder,purpose,start\n"
                                     "L-7,T-NONE,91460400MA5TDR015T,marketing,2025-01-01\n");
  CHECK_FALSE(import_files(ledger, {bad}, {}, test::change()).ok());
  CHECK(test::sqlite_of(ledger).scalar("PRAGMA foreign_keys") == 1);
}

TEST_CASE("input_format from the extension or --format") {
  CHECK(input_format("a.CSV", "") == "csv");
  CHECK(input_format("a.yml", "") == "yaml");
  CHECK(input_format("a.ndjson", "") == "jsonl");
  CHECK(input_format("-", "") == "csv");
  CHECK(input_format("-", "json") == "json");
  CHECK_THROWS_WITH(input_format("a", "xls"),
                    "unknown format 'xls' (expected csv, yaml, toml, json or jsonl)");
}
