#!/usr/bin/env bash
# Measure the full audit (all rules, no sample) over a registry of leases
# with permits, against a baseline in the same run: SQLite counting the join
# of leases and permits.
#   bench/audit.sh [NUMREG] [LEASES] [KEEP]  (defaults: build/numreg, 1000000)
# With KEEP, the generated registry is kept at that path.
# Set PER_RULE=1 to time each rule alone as well (RULES_ONLY=1: only that).
set -euo pipefail
NUMREG=${1:-build/numreg}
LEASES=${2:-1000000}
HOLDERS=$((LEASES / 20))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=${3:-$tmp/registry.db} NUMREG_NOW=2026-11-29T09:30:00Z
rm -f "$NUMREG_DB" "$NUMREG_DB-wal" "$NUMREG_DB-shm"
"$NUMREG" -q init

# A USCC with a valid check character for an all-digit body (SQL expression).
weights=(1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28)
sum=""
for i in "${!weights[@]}"; do sum+="${sum:+ + }substr(b, $((i + 1)), 1) * ${weights[$i]}"; done
uscc="b || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', (31 - ($sum) % 31) % 31 + 1, 1)"

# Every row derives from its number, so each run builds the same registry.
# Holder h holds block h (100 fixed-line numbers from +86 898 6000 0000 on);
# trunk lease i belongs to holder i % HOLDERS and may present ten of them.
# Planted: R002 (call centres without licence), R003, R004, R006, R007, R008,
# R009, R010 (key regions, stale checks), R011.
start=$(date +%s.%N)
sqlite3 "$NUMREG_DB" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
CREATE TEMP TABLE regions (k INTEGER PRIMARY KEY, code TEXT);
INSERT INTO temp.regions VALUES (0, '460400'), (1, '469007'), (2, '460100'), (3, '460105'),
  (4, '460200'), (5, '469002'), (6, '469005'), (7, '469023');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $HOLDERS)
INSERT INTO holders (uscc, name, kind, region, credit_status, uscc_check_ok)
  SELECT $uscc, 'holder ' || i, CASE WHEN i % 20 = 0 THEN 'call_centre' ELSE 'enterprise' END,
         (SELECT code FROM temp.regions WHERE k = i % 8),
         CASE WHEN i % 1000 = 7 THEN 'blacklisted' ELSE 'good' END, 1
  FROM (SELECT i, printf('91460000%09d', i) AS b FROM n);
CREATE TEMP TABLE hx (i INTEGER PRIMARY KEY, uscc TEXT);
INSERT INTO hx SELECT CAST(substr(name, 8) AS INTEGER), uscc FROM holders;
INSERT INTO credentials (holder, kind, number, valid_from, valid_to)
  SELECT uscc, 'call_centre_licence', printf('琼B2-2020%04d', i), '2020-01-01', '2027-12-31'
  FROM hx WHERE i % 20 = 0 AND i % 40 <> 0;
INSERT INTO resources (id, kind, region, first, last, first_key, last_key, span_class)
  SELECT printf('BLK-%06d', i), 'block', '460100', '+86898' || (60000000 + i * 100),
         '+86898' || (60000000 + i * 100 + 99), 33008689860000000 + i * 100,
         33008689860000000 + i * 100 + 99, 7 FROM hx;
INSERT INTO leases (id, resource, holder, purpose, "start", status, region, location)
  SELECT printf('BL-%06d', i), printf('BLK-%06d', i), uscc, 'customer_service', '2024-01-01',
         'active', '460100', '海口市' FROM hx;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $LEASES)
INSERT INTO resources (id, kind, region) SELECT printf('TRK-%07d', i), 'trunk', '460100' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $LEASES)
INSERT INTO leases (id, resource, holder, purpose, "start", "end", status, region, location,
                    verified_on)
  SELECT printf('L-%07d', i),
         printf('TRK-%07d', CASE WHEN i % 2000 = 0 THEN i + 1 ELSE i END),
         (SELECT uscc FROM hx WHERE hx.i = n.i % $HOLDERS),
         CASE WHEN i % 10 = 0 THEN 'marketing' ELSE 'customer_service' END, '2024-01-01',
         CASE WHEN i % 500 = 3 THEN '2026-01-31' END, 'active',
         (SELECT code FROM temp.regions WHERE k = i % 8),
         CASE WHEN i % 1000 = 1 THEN NULL ELSE '接入点 ' || i END,
         CASE WHEN i % 3 = 0 THEN '2025-01-01' ELSE '2026-10-01' END
  FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $LEASES)
INSERT INTO permits (lease, first, last, first_key, last_key, span_class)
  SELECT printf('L-%07d', i), '+86898' || f, '+86898' || (f + 9), 33008689800000000 + f,
         33008689800000000 + f + 9, 4
  FROM (SELECT i, CASE WHEN i % 250 = 0 THEN 70000000 + i * 10
                       WHEN i % 997 = 0 THEN 60000000 + ((i + 1) % $HOLDERS) * 100
                       ELSE 60000000 + (i % $HOLDERS) * 100 + (i / $HOLDERS % 10) * 10 END AS f
        FROM n);
INSERT OR IGNORE INTO span_classes (tbl, class) VALUES ('permits', 4), ('resources', 7);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 10 FROM n WHERE i + 10 < $LEASES)
INSERT INTO contracts (lease, real_name_verified, freq_cap, time_windows, targets, penalty,
                       violation_handling)
  SELECT printf('L-%07d', i), 1, 3, '09:00-12:00;14:00-20:00',
         CASE WHEN i % 20 = 0 THEN '老用户' END, 1, 1 FROM n;
COMMIT;
ANALYZE;
SQL
built=$(echo "$(date +%s.%N) - $start" | bc)
permits=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM permits")
echo "registry: $LEASES trunk leases + $HOLDERS block leases, $permits permits, $HOLDERS holders (built in ${built}s)"

measure() {  # measure LABEL COMMAND...: wall seconds and peak resident memory
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" > "$tmp/out"
  read -r secs kb < "$tmp/time"
  printf '%-52s %7.2f s %8.1f MB\n' "$label" "$secs" "$(echo "$kb / 1024" | bc -l)"
}

if [ "${RULES_ONLY:-0}" != 1 ]; then
measure "baseline: sqlite3 count(*) of leases JOIN permits" \
  sqlite3 "$NUMREG_DB" "SELECT count(*) FROM leases AS l JOIN permits AS p ON p.lease = l.id"
measure "baseline: sqlite3 count(*) of active leases JOIN permits" \
  sqlite3 "$NUMREG_DB" "SELECT count(*) FROM leases AS l JOIN permits AS p ON p.lease = l.id
    WHERE l.status = 'active' AND l.start <= '2026-11-29' AND (l.\"end\" IS NULL OR '2026-11-29' <= l.\"end\")"
measure "numreg audit --json (all rules, whole population)" "$NUMREG" --json audit
echo "  findings: $(grep -c '"rule"' "$tmp/out")"
measure "numreg audit --sample gb2828:II:1.0 --seed 1 --json" \
  "$NUMREG" --json audit --sample gb2828:II:1.0 --seed 1
measure "numreg audit --region 儋州 --sample 200 -o sheet.xlsx" \
  "$NUMREG" -q audit --region 儋州 --sample 200 --seed 1 -o "$tmp/sheet.xlsx"
fi
if [ "${PER_RULE:-0}" = 1 ]; then
  for r in R001 R002 R003 R004 R005 R006 R007 R008 R009 R010 R011 R012 R013; do
    measure "  numreg audit --rule $r" "$NUMREG" --json audit --rule "$r"
  done
fi
