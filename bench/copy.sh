#!/usr/bin/env bash
# numreg copy of a registry file to PostgreSQL, against psql \copy of the
# CSV files that registry was imported from into bare tables (no checks, no
# derived columns, no journal: the floor of moving the same rows). CPU of
# the client from /usr/bin/time, the server's from its postmaster's
# children (backends, reaped when they end), into OUT/times.txt.
#   bench/copy.sh NUMREG DATA PGDIR OUT
# DATA: bench/generate.py --leases N --seed 1 --out DATA; PGDIR: a cluster
# of scripts/pg-cluster.sh start PGDIR (its socket and data folder).
set -euo pipefail
NUMREG=$1 D=$2 PGDIR=$3 R=$4
mkdir -p "$R"
export NUMREG_ACTOR=bench NUMREG_NOW=2026-11-29T09:30:00Z LANG=C
base="postgresql:///postgres?host=$PGDIR"
uri() { echo "postgresql:///$1?host=$PGDIR"; }
# The server's CPU so far, in seconds: utime+stime+cutime+cstime of the postmaster.
server_cpu() {
  local pid ticks
  pid=$(head -1 "$PGDIR/data/postmaster.pid")
  ticks=$(getconf CLK_TCK)
  awk -v t="$ticks" '{ print ($14 + $15 + $16 + $17) / t }' "/proc/$pid/stat"
}
t() {
  local name=$1 before after
  shift
  before=$(server_cpu)
  /usr/bin/time -f "$name client user %U sys %S wall %e" "$@" >/dev/null 2>>"$R/times.txt"
  after=$(server_cpu)
  echo "$name server cpu $(echo "$after - $before" | bc)" >>"$R/times.txt"
}
fresh() { psql "$base" -qAt -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" >/dev/null; }

if [[ ! -e $R/source.db ]]; then
  "$NUMREG" --db "$R/source.db" -q init
  "$NUMREG" --db "$R/source.db" -q import "$D/holders.csv" "$D/resources.csv" "$D/leases.csv"
fi

fresh bench_copy
t copy "$NUMREG" -q copy --from "$R/source.db" --to "$(uri bench_copy)"

fresh bench_csv
psql "$(uri bench_csv)" -qAt >/dev/null <<'SQL'
CREATE TABLE holders (uscc text PRIMARY KEY, name text, kind text, region text, address text,
  legal_rep text, legal_rep_id text, contact text, scope text, credit_status text, credit_reason text);
CREATE TABLE resources (id text PRIMARY KEY, kind text, carrier text, region text, capacity text,
  international text, first text, last text);
CREATE TABLE leases (id text PRIMARY KEY, resource text, holder text, carrier text, location text,
  region text, purpose text, start text, status text, contract text, verified_on text,
  permitted_callers text);
SQL
for f in holders resources leases; do
  cols=$(head -1 "$D/$f.csv" | tr -d '\r' | sed 's/^\xEF\xBB\xBF//')
  t "csv-$f" psql "$(uri bench_csv)" -qAt -c "\\copy $f ($cols) FROM '$D/$f.csv' CSV HEADER"
done
cat "$R/times.txt"
