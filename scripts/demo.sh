#!/usr/bin/env bash
# The main job on the embedded SQLite default, from fixtures/: build a
# registry by import, answer "who", list Danzhou's leases, audit Danzhou and
# Dongfang with a reproducible GB/T 2828.1 sample into an XLSX audit sheet,
# export the leases as a workbook, verify the journal against the tables
# and write a checkpoint, and screen a fixture day of call records.
# Outputs go to out/demo/.
#   scripts/demo.sh [NUMREG]
set -euo pipefail
cd "$(dirname "$0")/.."
NUMREG=$(realpath "${1:-build/numreg}")
out=out/demo
rm -rf "$out"
mkdir -p "$out"
export NUMREG_DB=$PWD/$out/registry.db NUMREG_ACTOR=demo
# The fixtures describe the ledger as it stood on 2026-11-29.
export NUMREG_NOW=2026-11-29T09:30:00Z
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { printf '$ numreg %s\n' "$*"; "$NUMREG" "$@"; }

say "A registry from fixtures/hainan (CSV with BOM, GB18030 CSV, YAML, TOML, JSON, JSON Lines)"
run init
run import fixtures/hainan/*

say "Who holds or may present these numbers today?"
run who "0898-2388 1050"
run who 951088

say "Danzhou's leases (--region accepts 460400, 儋州 or danzhou)"
run lease list --region 儋州

say "Audit of Danzhou and Dongfang: sample gb2828:II:1.0, seed 20261129 (reproducible)"
status=0
run audit --region danzhou --region 东方 --sample gb2828:II:1.0 --seed 20261129 \
  -o "$out/audit-danzhou-dongfang.xlsx" || status=$?
[ "$status" -le 1 ] || exit "$status"
"$NUMREG" audit --region danzhou --region 东方 --sample gb2828:II:1.0 --seed 20261129 \
  -o "$out/audit-danzhou-dongfang.csv" > /dev/null || true
run audit --region danzhou --region 东方 --sample gb2828:II:1.0 --seed 20261129 || true

say "Every lease as a workbook for inspectors (personal data masked)"
run export leases -o "$out/leases.xlsx"

say "The journal proves the tables; a checkpoint for the inspector to keep"
run checkpoint -o "$out/checkpoint.txt"
run verify --checkpoint "$out/checkpoint.txt"

say "Screening a fixture day of call records (fixtures/cdr/day.csv) against its ledger"
bash fixtures/cdr/build.sh "$NUMREG" "$PWD/$out/cdr-registry.db" > /dev/null
NUMREG_DB=$PWD/$out/cdr-registry.db run screen fixtures/cdr/day.csv -o "$out/screen-violations.csv" || true

say "Where everything went"
echo "registry:            $out/registry.db"
echo "audit sheet (XLSX):  $out/audit-danzhou-dongfang.xlsx"
echo "audit sheet (CSV):   $out/audit-danzhou-dongfang.csv"
echo "leases (XLSX):       $out/leases.xlsx"
echo "checkpoint:          $out/checkpoint.txt (numreg verify --checkpoint FILE)"
echo "screening registry:  $out/cdr-registry.db"
echo "screen violations:   $out/screen-violations.csv"
echo "journal:             NUMREG_DB=$out/registry.db $NUMREG log"
