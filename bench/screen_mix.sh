#!/usr/bin/env bash
# Screening on a province's mix: the registry of bench/province.py (holders,
# resources and leases: trunks with one to four permit ranges, lines, 400
# and 95/96 numbers) imported with NEW, and a day of call records made
# against it (bench/gen_mix_cdrs.py, seed 1); then bench/screen_jobs.sh on
# them: the bare S001 program, OLD, NEW from the registry, NEW --jobs 1
# and 2 from a snapshot, and the pair, round after round.
#
#   bash bench/screen_mix.sh OLD NEW [SCALE] [RECORDS] [ROUNDS] [DIR]
#
# Defaults: scale 1.0, 10,000,000 records, 3 rounds, data kept in
# /tmp/numreg-screen-mix-SCALE (the registry and records are made once).
set -euo pipefail
if [ $# -lt 2 ] || [ ! -x "$1" ] || [ ! -x "$2" ]; then
  echo "usage: bash bench/screen_mix.sh OLD NEW [SCALE] [RECORDS] [ROUNDS] [DIR]" \
    "(OLD and NEW: numreg binaries)" >&2
  exit 64
fi
here=$(cd "$(dirname "$0")" && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
scale=${3:-1.0}
records=${4:-10000000}
rounds=${5:-3}
dir=${6:-/tmp/numreg-screen-mix-$scale}
mkdir -p "$dir"
data=$dir/data
if [ ! -f "$data/leases.csv" ]; then
  python3 "$here/generate.py" --mix province --scale "$scale" --seed 1 --out "$data.tmp"
  mv "$data.tmp" "$data"
fi
db=$dir/registry.db
if [ ! -f "$db" ]; then
  rm -f "$db.tmp" "$db.tmp-wal" "$db.tmp-shm"
  NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench "$new" --db "$db.tmp" -q init
  NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench "$new" --db "$db.tmp" -q import \
    "$data/holders.csv" "$data/resources.csv" "$data/leases.csv"
  mv "$db.tmp" "$db"
fi
cdrs=$dir/cdrs-$records.csv
if [ ! -f "$cdrs" ]; then
  python3 "$here/gen_mix_cdrs.py" "$db" "$records" 1 > "$cdrs.tmp"
  mv "$cdrs.tmp" "$cdrs"
fi
echo "mix at scale $scale: $(sqlite3 "$db" "SELECT count(*) FROM resources WHERE kind = 'trunk'") trunks," \
  "$(sqlite3 "$db" "SELECT count(*) FROM permits") permit ranges"
REGISTRY=$db CDRS=$cdrs bash "$here/screen_jobs.sh" "$old" "$new" - - "$rounds" "$dir"
