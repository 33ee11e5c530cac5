#!/usr/bin/env bash
# numreg on PostgreSQL against numreg on a registry file, on the same data in
# the same run: import (holders, resources and leases of generate.py in one
# `numreg import`), a full `audit --json`, LOOKUPS `who NUMBER` lookups
# (one process each, numbers taken from the leases' permitted callers),
# and `verify`. The cluster is a throwaway one of its own
# (scripts/pg-cluster.sh, Unix socket, fsync off as in the tests).
#
#   bash bench/pg_vs_sqlite.sh NUMREG [LEASES] [LOOKUPS] [OLD_NUMREG]
#
# Defaults: 1,000,000 leases, 300 lookups. With OLD_NUMREG, verify on
# PostgreSQL also runs with that binary (peak RSS before and after a change).
# Prints, per step and store: CPU seconds of numreg (user + system), CPU
# seconds of the PostgreSQL server's processes over the step (the postmaster
# with the backends it reaped, and its live children), wall seconds and
# numreg's peak RSS; then PG/SQLite ratios. Audit output is compared.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
numreg=$(realpath "$1")
leases=${2:-1000000}
lookups=${3:-300}
old=${4:+$(realpath "$4")}
work=$(mktemp -d "${TMPDIR:-/tmp}/numreg-pgbench.XXXXXX")
[[ $(id -u) -eq 0 ]] && chmod 0755 "$work"
trap '"$here/../scripts/pg-cluster.sh" stop "$work/pg" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench
tck=$(getconf CLK_TCK)

python3 "$here/generate.py" --leases "$leases" --seed 1 --out "$work/data" >/dev/null
uri=$("$here/../scripts/pg-cluster.sh" start "$work/pg")
lite=$work/registry.db
"$numreg" --db "$lite" -q init
"$numreg" --db "$uri" -q init
# The first number of every (leases/lookups)-th lease's permitted callers.
python3 - "$work/data/leases.csv" "$lookups" >"$work/numbers" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
step = max(1, len(rows) // int(sys.argv[2]))
for r in rows[::step][: int(sys.argv[2])]:
    print(r["permitted_callers"].split("..")[0].replace(" ", ""))
PY

# The server's CPU ticks so far: the postmaster (and the backends it has
# reaped) and every live process of the cluster.
server_ticks() {
  local pm total=0 pid
  pm=$(head -n 1 "$work/pg/data/postmaster.pid")
  read -r -a f <<<"$(cut -d' ' -f14-17 "/proc/$pm/stat")"
  total=$((f[0] + f[1] + f[2] + f[3]))
  for pid in $(pgrep -P "$pm"); do
    [[ -r /proc/$pid/stat ]] || continue
    read -r -a f <<<"$(cut -d' ' -f14-15 "/proc/$pid/stat" 2>/dev/null || echo 0 0)"
    total=$((total + f[0] + f[1]))
  done
  echo "$total"
}

# step NAME STORE COMMAND...: run it, keep "cpu server wall rss" in $work/NAME.STORE.
step() {
  local name=$1 store=$2 before after
  shift 2
  before=$(server_ticks)
  /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$@" >"$work/$name.$store.out" 2>"$work/$name.$store.err" || {
    echo "$name on $store failed:" >&2
    tail -3 "$work/$name.$store.err" >&2
  }
  after=$(server_ticks)
  read -r user sys wall rss <"$work/time"
  local server
  server=$(echo "($after - $before) / $tck" | bc -l)
  [[ $store == sqlite* ]] && server=0
  printf '%s %s %s %s\n' "$(echo "$user + $sys" | bc -l)" "$server" "$wall" "$rss" >"$work/$name.$store"
  printf '%-8s %-10s numreg %7.2f s cpu  server %7.2f s cpu  wall %7.2f s  peak RSS %6d KB\n' \
    "$name" "$store" "$(echo "$user + $sys" | bc -l)" "$server" "$wall" "$rss"
}

who_all() {  # who_all DB: every lookup, one numreg each
  local n
  while read -r n; do "$numreg" --db "$1" -q who "$n" >/dev/null; done <"$work/numbers"
}
export -f who_all
export numreg work

d=$work/data
step import sqlite "$numreg" --db "$lite" -q import "$d/holders.csv" "$d/resources.csv" "$d/leases.csv"
step import pg "$numreg" --db "$uri" -q import "$d/holders.csv" "$d/resources.csv" "$d/leases.csv"
step audit sqlite "$numreg" --db "$lite" --json audit
step audit pg "$numreg" --db "$uri" --json audit
step who sqlite bash -c "who_all '$lite'"
step who pg bash -c "who_all '$uri'"
step verify sqlite "$numreg" --db "$lite" verify
step verify pg "$numreg" --db "$uri" verify
if [[ -n $old ]]; then
  step verify pg-old "$old" --db "$uri" verify
fi

if cmp -s "$work/audit.sqlite.out" "$work/audit.pg.out"; then
  echo "audit: the same JSON on both stores ($(wc -c <"$work/audit.pg.out") bytes)"
else
  echo "audit: the JSON differs between the stores"
fi
echo "PG / SQLite (numreg cpu, numreg + server cpu, wall, peak RSS), $leases leases, $lookups lookups:"
for name in import audit who verify; do
  read -r c1 s1 w1 m1 <"$work/$name.sqlite"
  read -r c2 s2 w2 m2 <"$work/$name.pg"
  printf '%-8s cpu %.2f  cpu+server %.2f  wall %.2f  rss %.2f\n' "$name" \
    "$(echo "$c2 / $c1" | bc -l)" "$(echo "($c2 + $s2) / $c1" | bc -l)" \
    "$(echo "$w2 / $w1" | bc -l)" "$(echo "$m2 / $m1" | bc -l)"
done
