#!/usr/bin/env bash
# Make a bench registry of N leases fast, with SQL inserts straight into a
# registry `numreg init` created (no journal entries: this is load, not
# history). bash bench/make_registry.sh NUMREG DB [LEASES]
#
# Lease i (0-based) is on trunk TRK-nnnnnnn of holder i % (LEASES/10), and
# permits the 50 numbers +86 898 (20000000 + 50 i) .. +49. Every 1000th trunk
# (i % 1000 = 999) is an international gateway; every 10th lease is for
# marketing with contract windows 08:00-21:00; every 50th lease ended on
# 2026-06-30. 100,000 callees refused calls (one in ten for all holders).
# gen_cdrs.py knows this layout.
set -euo pipefail
numreg=$1
db=$2
leases=${3:-1000000}
holders=$(( leases / 10 > 0 ? leases / 10 : 1 ))
rm -f "$db" "$db-wal" "$db-shm"
NUMREG_DB=$db "$numreg" --quiet init
sqlite3 "$db" <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $holders)
INSERT INTO holders (uscc, name, kind, region)
SELECT printf('9146040%011d', i), printf('bench holder %d', i),
       CASE WHEN i % 5 = 0 THEN 'call_centre' ELSE 'enterprise' END, '460400' FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases)
INSERT INTO resources (id, kind, carrier, region, international)
SELECT printf('TRK-%07d', i), 'trunk', 'bench', '460400', i % 1000 = 999 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases)
INSERT INTO leases (id, resource, holder, region, location, purpose, "start", "end", status)
SELECT printf('L-%07d', i), printf('TRK-%07d', i), printf('9146040%011d', i % $holders), '460400',
       'bench', CASE WHEN i % 10 = 0 THEN 'marketing' ELSE 'customer_service' END, '2025-01-01',
       CASE WHEN i % 50 = 49 THEN '2026-06-30' END,
       CASE WHEN i % 50 = 49 THEN 'ended' ELSE 'active' END FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $leases)
INSERT INTO permits (lease, first, last, first_key, last_key, span_class)
SELECT printf('L-%07d', i), printf('+86898%08d', 20000000 + 50 * i),
       printf('+86898%08d', 20000000 + 50 * i + 49),
       33008689800000000 + 20000000 + 50 * i, 33008689800000000 + 20000000 + 50 * i + 49, 6
FROM n;
INSERT OR IGNORE INTO span_classes (tbl, class) VALUES ('permits', 6);
INSERT INTO contracts (lease, real_name_verified, freq_cap, time_windows, targets, penalty,
                       violation_handling)
SELECT id, 1, 3, '08:00-21:00', 'consenting customers', 1, 1 FROM leases WHERE purpose = 'marketing';
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 100000)
INSERT INTO refusals (number, holder, date, channel)
SELECT printf('+86139%08d', i * 7), CASE WHEN i % 10 = 0 THEN NULL ELSE printf('9146040%011d', i % $holders) END,
       '2026-11-01', 'platform' FROM n;
COMMIT;
SQL
