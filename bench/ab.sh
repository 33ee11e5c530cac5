#!/usr/bin/env bash
# Compare two numreg binaries on the import and screen benches, alternating
# runs so that a loaded machine slows both alike; CPU seconds (user + sys)
# of each run, and the ratio of the medians (new / old).
#
#   bash bench/ab.sh OLD NEW [LEASES] [RECORDS] [ROUNDS]
#
# Defaults: 100,000 leases (import: bench/generate.py, each lease with one
# permitted caller range; screen: bench/make_registry.sh), 2,000,000 call
# records (bench/gen_cdrs.py), 3 rounds.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
leases=${3:-100000}
records=${4:-2000000}
rounds=${5:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/numreg-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench

python3 "$here/generate.py" --leases "$leases" --seed 1 --out "$work/data" >/dev/null
"$old" --db "$work/setup.db" init >/dev/null
"$old" --db "$work/setup.db" -q import "$work/data/holders.csv" "$work/data/resources.csv"
"$old" --db "$work/setup.db" verify >/dev/null
bash "$here/make_registry.sh" "$old" "$work/screen.db" "$leases"
python3 "$here/gen_cdrs.py" "$records" "$leases" 1 > "$work/cdrs.csv"
cat "$work/cdrs.csv" > /dev/null

# cpu COMMAND...: user + sys CPU seconds of COMMAND.
cpu() {
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" > "$work/out" 2> "$work/err"
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}
import_run() {
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  cp "$work/setup.db" "$work/run.db"
  cpu "$1" --db "$work/run.db" -q import "$work/data/leases.csv"
}
screen_run() {
  cpu env NUMREG_DB="$work/screen.db" "$1" --json screen "$work/cdrs.csv" || true
  cp "$work/out" "$work/screen-$(basename "$1").json"
}

for bench in import screen; do
  : > "$work/$bench-old" && : > "$work/$bench-new"
  for ((i = 0; i < rounds; i++)); do
    "${bench}_run" "$old" >> "$work/$bench-old"
    "${bench}_run" "$new" >> "$work/$bench-new"
  done
  python3 - "$bench" "$work/$bench-old" "$work/$bench-new" <<'PY'
import statistics, sys
name, a, b = sys.argv[1], [float(x) for x in open(sys.argv[2])], [float(x) for x in open(sys.argv[3])]
ma, mb = statistics.median(a), statistics.median(b)
print(f"{name:6} old {' '.join(f'{x:.2f}' for x in a)} s cpu (median {ma:.2f}); "
      f"new {' '.join(f'{x:.2f}' for x in b)} s cpu (median {mb:.2f}); new/old {mb / ma:.3f}")
PY
done
python3 - "$work"/screen-*.json <<'PY'
import json, sys
for path in sys.argv[1:]:
    d = json.load(open(path))
    print(f"  {path.rsplit('/', 1)[1]}: {d['records']} records, {d['violations']} violations, {d['by_rule']}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
