#!/usr/bin/env bash
# The fixture day of call records (fixtures/cdr) gives exactly the planted
# counts, from the registry, from a snapshot, gzip'd, from standard input,
# and as merged shards; -o writes one row per violation.
set -euo pipefail
numreg=$1
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=test
export XDG_CONFIG_HOME=$tmp/config
day=$src/fixtures/cdr/day.csv
fail() { echo "FAIL: $*" >&2; exit 1; }

bash "$src/fixtures/cdr/build.sh" "$numreg" "$NUMREG_DB"

# The counts: records, violations, by_rule, unreadable, late, as expected.json says.
counts() { python3 -c '
import json, sys
d = json.load(sys.stdin)
print(json.dumps({k: d[k] for k in ("records", "violations", "by_rule", "unreadable", "late")}, sort_keys=True))'; }
expected=$(counts < "$src/fixtures/cdr/expected.json")

"$numreg" --json screen "$day" -o "$tmp/violations.csv" > "$tmp/registry.json" 2> "$tmp/errors.txt"
[ "$(counts < "$tmp/registry.json")" = "$expected" ] || fail "registry counts: $(counts < "$tmp/registry.json")"
# The JSON keys scripts rely on come first, in DESIGN.md's order.
python3 -c 'import json,sys; assert list(json.load(open(sys.argv[1])))[:3] == ["records","violations","by_rule"]' "$tmp/registry.json" \
  || fail "key order"
# -o: a header and one row per violation; rows name line, rule, time, trunk, caller, callee.
[ "$(wc -l < "$tmp/violations.csv")" -eq 48 ] || fail "violations.csv has $(wc -l < "$tmp/violations.csv") lines"
head -1 "$tmp/violations.csv" | grep -qx 'line,rule,time,trunk,caller,callee,detail' || fail "csv header"
grep -q '^7,S001,2026-11-28T08:20:00,TRK-XX-999,+8689866120003,+8613800138004,trunk TRK-XX-999 is not in the registry$' \
  "$tmp/violations.csv" || fail "unknown trunk row"
grep -q '^90,S006,2026-11-28T15:01:00,TRK-DF-002,+8689836800004,+8613900000002,callee refused all marketing calls on 2026-11-28 (lease L-DF-002)$' \
  "$tmp/violations.csv" || fail "refusal row"
[ "$(grep -c ',S005,' "$tmp/violations.csv")" -eq 21 ] || fail "S005 rows"
# Unreadable records are reported by file and line.
grep -q "day.csv:93:8: error\[cdr-time\]: time: cannot read '2026-11-31T10:00:00' as a call time" "$tmp/errors.txt" \
  || fail "bad time not reported: $(cat "$tmp/errors.txt")"
grep -q "day.csv:94:38: error\[cdr-fields\]: the record has 3 fields, expected at least 7" "$tmp/errors.txt" \
  || fail "short record not reported"

# A snapshot gives the same summary, without the registry.
"$numreg" --quiet screen --snapshot-out "$tmp/index.bin"
NUMREG_DB=$tmp/absent.db "$numreg" --json screen --snapshot "$tmp/index.bin" "$day" \
  -o "$tmp/violations-snapshot.csv" > "$tmp/snapshot.json" 2>/dev/null
cmp -s "$tmp/registry.json" "$tmp/snapshot.json" || fail "snapshot summary differs"
cmp -s "$tmp/violations.csv" "$tmp/violations-snapshot.csv" || fail "snapshot violations differ"

# gzip input, and standard input.
gzip -c "$day" > "$tmp/day.csv.gz"
"$numreg" --json screen --snapshot "$tmp/index.bin" "$tmp/day.csv.gz" 2>/dev/null | counts > "$tmp/gz.txt"
[ "$(cat "$tmp/gz.txt")" = "$expected" ] || fail "gzip counts: $(cat "$tmp/gz.txt")"
"$numreg" --json screen --snapshot "$tmp/index.bin" - < "$tmp/day.csv.gz" 2>/dev/null | counts > "$tmp/stdin.txt"
[ "$(cat "$tmp/stdin.txt")" = "$expected" ] || fail "stdin counts: $(cat "$tmp/stdin.txt")"

# Shards by trunk (no burst spans two shards) merge into the day's summary.
head -1 "$day" > "$tmp/a.csv"; cp "$tmp/a.csv" "$tmp/b.csv"
tail -n +2 "$day" | grep -v ',TRK-DZ-001,' >> "$tmp/a.csv" || true
tail -n +2 "$day" | grep ',TRK-DZ-001,' >> "$tmp/b.csv" || true
"$numreg" --json screen --snapshot "$tmp/index.bin" "$tmp/a.csv" > "$tmp/a.json" 2>/dev/null
"$numreg" --json screen --snapshot "$tmp/index.bin" "$tmp/b.csv" > "$tmp/b.json" 2>/dev/null
"$numreg" --json screen --merge "$tmp/a.json" "$tmp/b.json" | counts > "$tmp/merged.txt"
[ "$(cat "$tmp/merged.txt")" = "$expected" ] || fail "merged counts: $(cat "$tmp/merged.txt")"

# --fail-on: errors are found (exit 1); without it, exit 0.
set +e
"$numreg" --quiet screen --snapshot "$tmp/index.bin" "$day" --fail-on error > /dev/null 2>&1
rc=$?
set -e
[ $rc -eq 1 ] || fail "--fail-on error exit $rc"
echo "screen fixture: ok"
