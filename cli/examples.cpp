#include "cli/examples.hpp"

namespace numreg::cli {

namespace {

// Real-shaped: valid USCCs, Hainan regions, numbers in the forms clerks type.
constexpr Example kExamples[] = {
    {"init", "create the registry in the default place", "numreg init"},
    {"init", "create a registry in a file of your choice",
     "numreg --db /srv/numreg/hainan.db init"},
    {"init", "a registry shared in PostgreSQL, with its roles (as the database's owner)",
     "numreg --db postgresql:///numreg init --roles"},
    {"holder", "list the holders registered in Danzhou", "numreg holder list --region 儋州"},
    {"holder", "show one holder, every field", "numreg holder show 91460400MA5TDR015T"},
    {"holder add", "register an enterprise in Danzhou",
     "numreg holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise "
     "--region 儋州"},
    {"holder update", "record a new contact",
     "numreg holder update 91460400MA5TDR015T --contact \"王丽 0898-2332 1234\" --reason "
     "变更联系人"},
    {"holder show", "show one holder, every field", "numreg holder show 91460400MA5TDR015T"},
    {"holder list", "the holders of Danzhou", "numreg holder list --region danzhou"},
    {"holder list", "every blacklisted holder, for a script",
     "numreg --json holder list --status blacklisted"},
    {"holder blacklist", "put a holder on the blacklist",
     "numreg holder blacklist 91460400MA5TDR015T --reason \"通管局通报 2026-11\""},
    {"credential", "the licences of one holder",
     "numreg credential list --holder 91460400MA5TDR015T"},
    {"credential add", "record a value-added telecom licence",
     "numreg credential add --holder 91460400MA5TDR015T --kind vas_licence --number B2-20180001 "
     "--valid-from 2023-01-01 --valid-to 2028-01-01"},
    {"credential list", "licences that end within 60 days",
     "numreg credential list --expiring 60d"},
    {"resource", "the trunks of Dongfang", "numreg resource list --kind trunk --region 东方"},
    {"resource add", "add a voice trunk in Danzhou",
     "numreg resource add --id TRK-DZ-0001 --kind trunk --carrier 中国电信海南分公司 --region 儋州 "
     "--capacity 30"},
    {"resource add", "add a 96 number",
     "numreg resource add --id 0898-96166 --kind n96 --region 460400"},
    {"resource update", "record a trunk's new capacity",
     "numreg resource update TRK-DZ-0001 --capacity 60 --reason 扩容"},
    {"resource show", "show one resource", "numreg resource show TRK-DZ-0001"},
    {"resource list", "the trunks of Dongfang",
     "numreg resource list --kind trunk --region dongfang"},
    {"lease", "leases of Danzhou that end within 30 days",
     "numreg lease list --region 儋州 --expiring 30d"},
    {"lease add", "lease a trunk to a holder, with its permitted callers",
     "numreg lease add --id L-DZ-0001 --resource TRK-DZ-0001 --holder 91460400MA5TDR015T "
     "--location \"儋州市那大镇中兴大街 88 号\" --region 儋州 --purpose customer_service "
     "--start 2025-03-01 --permitted-callers \"0898-6610 0000..0898-6610 0099\""},
    {"lease update", "record an on-site verification",
     "numreg lease update L-DZ-0001 --verified-on 2026-11-20 --reason 现场核查"},
    {"lease end", "end a lease today", "numreg lease end L-DZ-0001 --reason 合同到期"},
    {"lease show", "show one lease", "numreg lease show L-DZ-0001"},
    {"lease list", "leases of Danzhou that end within 30 days",
     "numreg lease list --region 儋州 --expiring 30d"},
    {"lease list", "trunk leases active on a past date",
     "numreg lease list --kind trunk --as-of 2025-06-30"},
    {"permit", "the caller numbers a lease may present", "numreg permit list --lease L-DZ-0001"},
    {"permit add", "permit a range of caller numbers on a lease",
     "numreg permit add --lease L-DZ-0001 --first \"0898-6610 0100\" --last \"0898-6610 0199\""},
    {"permit remove", "withdraw a permitted range",
     "numreg permit remove --lease L-DZ-0001 --first \"0898-6610 0100\" --reason 号码回收"},
    {"permit list", "the caller numbers a lease may present",
     "numreg permit list --lease L-DZ-0001"},
    {"who", "who may present a Danzhou number today", "numreg who \"0898-6612 3456\""},
    {"who", "who held a 400 number on a past date", "numreg who 400-810-8888 --as-of 2025-06-30"},
    {"log", "the history of one lease", "numreg log --entity lease --key L-DZ-0001"},
    {"log", "the last 20 changes", "numreg log -n 20"},
    {"verify", "check the journal chain and the database", "numreg verify"},
    {"verify", "check against the head an audit sheet printed",
     "numreg verify --head 3f5c9a0e7b21d4c8"},
    {"verify", "check against a signed checkpoint an inspector kept",
     "numreg verify --checkpoint 2026-11-29.checkpoint --key inspector.pub.pem"},
    {"checkpoint", "keep the journal head, signed, for a later check",
     "numreg checkpoint -o 2026-11-29.checkpoint --key inspector.pem"},
    {"backup", "copy the registry while clerks work on it",
     "numreg backup /srv/backup/numreg-2026-11-29.db"},
    {"copy", "move a registry file to a PostgreSQL registry shared by many clerks",
     "numreg copy --from registry.db --to \"postgresql:///numreg?host=/run/postgresql\""},
    {"copy", "take a shared registry back into a file",
     "numreg copy --from postgresql://numreg@db.example/numreg --to numreg-2026-11-29.db"},
    {"config", "show each setting and where it came from", "numreg config"},
    {"import", "check a spreadsheet export first, writing nothing",
     "numreg import holders.csv leases-2026q4.csv --dry-run"},
    {"import", "load it, all or nothing, errors also to a file",
     "numreg import holders.csv leases-2026q4.csv --errors errors.csv"},
    {"export", "every lease as CSV for a spreadsheet",
     "numreg export leases --spreadsheet-safe -o leases.csv"},
    {"export", "every holder as JSON", "numreg export holders --format json"},
    {"export", "every lease as a workbook for inspectors", "numreg export leases -o leases.xlsx"},
    {"rules", "the rule catalogue, in Chinese", "numreg --lang zh rules"},
    {"audit", "check every rule on today's ledger", "numreg audit"},
    {"audit", "sample Danzhou by GB/T 2828.1 level II and write the sheet",
     "numreg audit --region 儋州 --sample gb2828:II --seed 2026 -o danzhou.xlsx --record"},
    {"inspection", "the inspections recorded so far", "numreg inspection list"},
    {"inspection list", "the inspections recorded so far", "numreg inspection list"},
    {"inspection show", "one inspection and its sample", "numreg inspection show 2026-11-29-001"},
    {"inspection results", "take back the sheet filled in on site",
     "numreg inspection results danzhou-filled.csv --date 2026-11-28"},
    {"contract", "a lease's contract clauses", "numreg contract show L-DZ-0001"},
    {"contract set", "record the clauses of a marketing lease's contract",
     "numreg contract set --lease L-DZ-0001 --real-name-verified 是 --freq-cap 3 "
     "--time-windows \"09:00-12:00;14:00-20:00\""},
    {"contract show", "a lease's contract clauses", "numreg contract show L-DZ-0001"},
    {"contract list", "every contract", "numreg contract list"},
    {"campaign", "the registered marketing campaigns", "numreg campaign list"},
    {"campaign add", "register an outbound marketing campaign",
     "numreg campaign add --id C-1 --holder 91469007MA5TDF0204 --business-name 宽带续约 "
     "--type 通信 --numbers \"95105;400-810-8888\""},
    {"campaign show", "one campaign", "numreg campaign show C-1"},
    {"campaign list", "the registered marketing campaigns", "numreg campaign list"},
    {"screen", "screen a day of call records, violations to a file",
     "numreg screen cdr-2026-11-28.csv.gz -o violations.csv"},
    {"screen", "the summary as JSON, for a script", "numreg --json screen cdr-2026-11-28.csv.gz"},
    {"screen", "the same on two cores: the same output, sooner",
     "numreg screen --jobs 2 cdr-2026-11-28.csv.gz -o violations.csv"},
    {"refusal", "has this callee refused calls?", "numreg refusal check 13800138000"},
    {"refusal add", "record a callee who refuses all marketing calls",
     "numreg refusal add --number 13800138000 --date 2026-11-20 --channel call"},
    {"refusal list", "the do-not-call list", "numreg refusal list"},
    {"refusal import", "load the carriers' do-not-call list", "numreg refusal import refusals.csv"},
    {"refusal check", "has this callee refused calls?", "numreg refusal check 13800138000"},
    {"completion", "complete numreg in bash from now on",
     "numreg completion bash > ~/.local/share/bash-completion/completions/numreg"},
    {"completion", "complete numreg in zsh", "numreg completion zsh > ~/.zfunc/_numreg"},
};

constexpr Example kDailyTasks[] = {
    {"who", "who may present this number, and on whose lease?", "numreg who \"0898-6612 3456\""},
    {"holder add", "register a holder (使用主体)",
     "numreg holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise "
     "--region 儋州"},
    {"lease add", "lease a trunk to a holder",
     "numreg lease add --id L-DZ-0001 --resource TRK-DZ-0001 --holder 91460400MA5TDR015T "
     "--region 儋州 --purpose customer_service --start 2025-03-01"},
    {"permit add", "permit caller numbers on a lease",
     "numreg permit add --lease L-DZ-0001 --first \"0898-6610 0100\" --last \"0898-6610 0199\""},
    {"lease list", "leases that end within 30 days", "numreg lease list --expiring 30d"},
    {"lease end", "end a lease", "numreg lease end L-DZ-0001 --reason 合同到期"},
    {"log", "what changed on a lease, who changed it, and why", "numreg log --key L-DZ-0001"},
};

}  // namespace

std::span<const Example> examples() {
  return kExamples;
}

std::span<const Example> daily_tasks() {
  return kDailyTasks;
}

}  // namespace numreg::cli
