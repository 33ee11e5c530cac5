#!/usr/bin/env bash
# Measure `numreg who` on a registry of 1,000,000 permit ranges.
#   bench/who.sh [NUMREG] [PERMITS]      (defaults: build/numreg, 1000000)
# Baselines in the same run: the process floor (`numreg --help`), and a plain
# range query without the span-class index (a scan over first_key <= N).
set -euo pipefail
NUMREG=${1:-build/numreg}
PERMITS=${2:-1000000}
LOOKUPS=200
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z
"$NUMREG" -q init

# One holder per 100 leases, one trunk per lease, five permit ranges per lease,
# widths 1, 8, 32 or 50 numbers, 64 apart from +86 898 2000 0000 on (seeded
# by row number, so every run builds the same registry).
leases=$((PERMITS / 5))
start=$(date +%s.%N)
sqlite3 "$NUMREG_DB" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases / 100 + 1)
INSERT INTO holders (uscc, name, kind, region) SELECT printf('9146040%011d', i), 'holder ' || i, 'enterprise', '460400' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases)
INSERT INTO resources (id, kind, region) SELECT printf('TRK-%07d', i), 'trunk', '460400' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases)
INSERT INTO leases (id, resource, holder, purpose, "start", status, region)
  SELECT printf('L-%07d', i), printf('TRK-%07d', i), printf('9146040%011d', i / 100), 'customer_service', '2025-01-01', 'active', '460400' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $PERMITS)
INSERT INTO permits (lease, first, last, first_key, last_key, span_class)
  SELECT printf('L-%07d', i / 5), '+86898' || (20000000 + i * 64), '+86898' || (20000000 + i * 64 + w - 1),
         33000000000000000 + 8689820000000 + i * 64, 33000000000000000 + 8689820000000 + i * 64 + w - 1,
         CASE w WHEN 1 THEN 0 WHEN 8 THEN 3 WHEN 32 THEN 5 ELSE 6 END
  FROM (SELECT i, CASE i % 4 WHEN 0 THEN 1 WHEN 1 THEN 8 WHEN 2 THEN 32 ELSE 50 END AS w FROM n);
INSERT OR IGNORE INTO span_classes (tbl, class) SELECT DISTINCT 'permits', span_class FROM permits;
COMMIT;
ANALYZE;
SQL
built=$(echo "$(date +%s.%N) - $start" | bc)

# Numbers to look up: inside ranges and in the gaps between them.
awk -v n=$LOOKUPS -v p=$PERMITS 'BEGIN { srand(2026); for (k = 0; k < n; k++) {
  i = int(rand() * p); printf "+86898%d\n", 20000000 + i * 64 + int(rand() * 64) } }' > "$tmp/numbers"

time_loop() {  # time_loop LABEL COMMAND...: mean milliseconds per lookup
  local label=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  while read -r number; do "$@" "$number" > /dev/null; done < "$tmp/numbers"
  t1=$(date +%s%N)
  printf '%-44s %8.2f ms\n' "$label" "$(echo "($t1 - $t0) / 1000000 / $LOOKUPS" | bc -l)"
}
scan() {  # the same question without the span-class probe: first_key <= N AND last_key >= N
  sqlite3 "$NUMREG_DB" "SELECT l.holder FROM permits p JOIN leases l ON l.id = p.lease
    WHERE p.first_key <= 33000000000000000 + ${1#+} AND p.last_key >= 33000000000000000 + ${1#+}" 
}

floor() { "$NUMREG" --help; }
echo "registry: $PERMITS permit ranges, $leases leases (built in ${built}s), $LOOKUPS lookups each"
time_loop "numreg --help (process floor)" floor
time_loop "numreg who NUMBER" "$NUMREG" who
time_loop "sqlite3 range scan (no span-class probe)" scan
echo "query plan of who's permit probe:"
sqlite3 "$NUMREG_DB" "EXPLAIN QUERY PLAN SELECT 1 FROM span_classes AS c JOIN permits AS p ON c.tbl = 'permits' AND p.span_class = c.class AND p.first_key BETWEEN ?1 - ((1 << c.class) - 1) AND ?1 AND p.last_key >= ?1" | sed 's/^/  /'
