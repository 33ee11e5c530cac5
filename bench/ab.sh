#!/usr/bin/env bash
# Compare two numreg binaries (old and new) on import, audit and screen,
# alternating them in the same run so the machine's load falls on both:
#
#   bash bench/ab.sh OLD NEW [ROUNDS] [LEASES] [RECORDS]
#
# Defaults: 3 rounds, 200,000 leases, 1,000,000 call records. Data is seeded:
# import reads generate.py's leases.csv into a fresh copy of a registry with
# its holders and resources; audit runs every rule over make_registry.sh's
# registry; screen reads gen_cdrs.py's records against that registry. Prints
# CPU seconds (user + system) per run and the new/old ratio of the medians.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
rounds=${3:-3}
leases=${4:-200000}
records=${5:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/numreg-ab.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench

python3 "$here/generate.py" --leases "$leases" --seed 1 --out "$work/data" >/dev/null
"$new" --db "$work/setup.db" -q init
"$new" --db "$work/setup.db" -q import "$work/data/holders.csv" "$work/data/resources.csv"
"$new" --db "$work/setup.db" verify >/dev/null
bash "$here/make_registry.sh" "$new" "$work/audit.db" "$leases" >/dev/null
python3 "$here/gen_cdrs.py" "$records" "$leases" 1 > "$work/cdrs.csv"

# cpu NAME BIN COMMAND...: CPU seconds of BIN COMMAND, kept per name.
cpu() {
  local name=$1 bin=$2
  shift 2
  /usr/bin/time -f "%U %S" -o "$work/time" "$bin" "$@" > "$work/out-$name" || true
  read -r user sys < "$work/time"
  echo "$user + $sys" | bc -l >> "$work/$name"
}

import() {
  rm -f "$work/run.db" "$work/run.db-wal" "$work/run.db-shm"
  cp "$work/setup.db" "$work/run.db"
  cpu "import-$1" "$2" --db "$work/run.db" -q import "$work/data/leases.csv"
}

for ((r = 0; r < rounds; r++)); do
  for side in old new; do
    bin=$old
    [[ $side == new ]] && bin=$new
    import "$side" "$bin"
    cpu "audit-$side" "$bin" --db "$work/audit.db" --json audit
    cpu "screen-$side" "$bin" --db "$work/audit.db" --json screen "$work/cdrs.csv"
  done
done

median() { sort -n "$1" | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for bench in import audit screen; do
  o=$(median "$work/$bench-old")
  n=$(median "$work/$bench-new")
  printf '%-7s old %s  new %s  cpu s; medians %.2f / %.2f = %.3f\n' "$bench" \
    "$(paste -sd' ' "$work/$bench-old")" "$(paste -sd' ' "$work/$bench-new")" "$o" "$n" \
    "$(echo "$n / $o" | bc -l)"
done
cmp -s "$work/out-audit-old" "$work/out-audit-new" && echo "audit output: same"
cmp -s "$work/out-screen-old" "$work/out-screen-new" && echo "screen output: same"
