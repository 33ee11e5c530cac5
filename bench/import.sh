#!/usr/bin/env bash
# Measure the validated import of leases with permits against its ceilings,
# in one run on one machine:
#   (a) raw_insert.c: prepared inserts, one transaction, no validation
#   (a2) the same plus the journal numreg writes (schema 2: blocks of 256
#        entries, zlib, a key row an entry; not chained, not hashed):
#        SQLite's and zlib's own cost of what numreg stores
#   (b) sqlite3 .import of the same CSV into a plain table
#   (c) python_import.py: csv + sqlite3, validated, one transaction
#   (d) numreg import: full validation, journal entry per lease
# Usage: bench/import.sh [LEASES] [NUMREG]    (default 100000, build/numreg)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
leases=${1:-100000}
numreg=$(realpath "${2:-$here/../build/numreg}")
work=$(mktemp -d "${TMPDIR:-/tmp}/numreg-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench

python3 "$here/generate.py" --leases "$leases" --seed 1 --out "$work/data"
cc -O2 -o "$work/raw_insert" "$here/raw_insert.c" -lsqlite3 -lz
# The registry every run starts from: the holders and resources the leases use.
"$numreg" --db "$work/setup.db" init >/dev/null
"$numreg" --db "$work/setup.db" -q import "$work/data/holders.csv" "$work/data/resources.csv"
"$numreg" --db "$work/setup.db" verify >/dev/null   # checkpoints the WAL

# run NAME COMMAND...: time COMMAND on a fresh copy of the setup registry.
run() {
  local name=$1
  shift
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  cp "$work/setup.db" "$work/run.db"
  sync
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null
  read -r secs kb user sys < "$work/time"
  cpu=$(echo "$user + $sys" | bc -l)
  printf '%-26s %8.2f s %9.0f rows/s %8.2f s cpu %9.0f rows/cpu-s %5d MB\n' "$name" "$secs" \
    "$(echo "$leases / $secs" | bc -l)" "$cpu" "$(echo "$leases / $cpu" | bc -l)" "$((kb / 1024))"
  echo "$name $secs $cpu $kb" >> "$work/results"
}

echo "leases: $leases (each with one permitted caller range)"
run "(a) raw C inserts" "$work/raw_insert" "$work/run.db" "$work/data/leases.csv"
run "(a2) raw + journal blocks" "$work/raw_insert" "$work/run.db" "$work/data/leases.csv" journal
run "(b) sqlite3 .import" sqlite3 "$work/run.db" ".import --csv $work/data/leases.csv leases_csv"
run "(c) python validated" python3 "$here/python_import.py" "$work/run.db" "$work/data/leases.csv"
run "(d) numreg import" "$numreg" --db "$work/run.db" -q import "$work/data/leases.csv"
awk '{ k = $1; t[k] = $(NF-2); c[k] = $(NF-1) } END {
  printf "rows/s of numreg vs raw ceiling: %.2f (cpu %.2f); vs raw + journal blocks: %.2f (cpu %.2f); vs python: %.2f (cpu %.2f)\n",
    t["(a)"] / t["(d)"], c["(a)"] / c["(d)"], t["(a2)"] / t["(d)"], c["(a2)"] / c["(d)"],
    t["(c)"] / t["(d)"], c["(c)"] / c["(d)"]
}' "$work/results"
uptime
