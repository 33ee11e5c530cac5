#!/usr/bin/env bash
# Import on PostgreSQL goes in chunks of 1024 rows (kCopyChunkRows in
# registry/store/pg/bulk_insert.hpp): keys looked up a chunk at a time, rows
# sent with COPY. Where chunking could go wrong, the same imports on a
# registry file and on PostgreSQL print the same (stdout, stderr, --errors
# file), exit the same, and a failed one leaves both registries as they were:
# duplicates inside a chunk, across chunks and on the boundary, a duplicate
# whose references are also missing, a lease whose resource is in the same
# file or was rejected, a failing row in the last chunk, a lease repeating a
# permitted caller, upserts of a row given twice, and a good import of three
# chunks whose journal (hashes and all) is the same on both.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_start import_chunks
lite="$tmp/registry.db"
fails=0

# run NAME ARGS...: the command on both stores; stdout, stderr, exit code and
# the --errors file (errors.csv in the working folder) agree.
run() {
  local name=$1 rc_l=0 rc_p=0
  shift
  rm -f "$tmp/errors.csv"
  (cd "$tmp" && "$numreg" --db "$lite" "$@") >"$tmp/$name.lite.out" 2>"$tmp/$name.lite.err" || rc_l=$?
  [[ -f "$tmp/errors.csv" ]] && mv "$tmp/errors.csv" "$tmp/$name.lite.csv"
  (cd "$tmp" && "$numreg" --db "$PG_URI" "$@") >"$tmp/$name.pg.out" 2>"$tmp/$name.pg.err" || rc_p=$?
  [[ -f "$tmp/errors.csv" ]] && mv "$tmp/errors.csv" "$tmp/$name.pg.csv"
  for f in out err; do
    sed -i "s#$lite#REGISTRY#g" "$tmp/$name.lite.$f"
    sed -i "s#$PG_URI#REGISTRY#g" "$tmp/$name.pg.$f"
  done
  # verify's last line says what the store's own check covered.
  sed -i "s/^ok: postgresql foreign keys hold (7 checked by query)\$/ok: sqlite integrity and foreign keys/" \
    "$tmp/$name.pg.out"
  echo "$rc_l" >"$tmp/$name.rc"
  if [[ $rc_l != "$rc_p" ]]; then
    echo "$name: exit $rc_l on SQLite, $rc_p on PostgreSQL" >&2
    cat "$tmp/$name.pg.err" >&2
    fails=$((fails + 1))
  fi
  for f in out err csv; do
    [[ -f "$tmp/$name.lite.$f" || -f "$tmp/$name.pg.$f" ]] || continue
    if ! cmp -s "$tmp/$name.lite.$f" "$tmp/$name.pg.$f"; then
      echo "$name: $f differs (SQLite <, PostgreSQL >)" >&2
      diff "$tmp/$name.lite.$f" "$tmp/$name.pg.$f" | head -20 >&2 || true
      fails=$((fails + 1))
    fi
  done
}

# A registry with 42 holders and 2,100 trunks (three chunks), no leases yet.
python3 "$src/bench/generate.py" --leases 2100 --seed 3 --out "$tmp/data" >/dev/null
data=$tmp/data
run init init
run base import "$data/holders.csv" "$data/resources.csv"

# leases FILE EDIT...: leases.csv with python edits applied to its data rows.
leases() {
  local out=$1
  shift
  python3 - "$data/leases.csv" "$tmp/$out" "$@" <<'PY'
import csv, sys
src, out, *edits = sys.argv[1:]
rows = list(csv.reader(open(src, encoding="utf-8")))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
for edit in edits:
    kind, *args = edit.split(":")
    if kind == "dup":        # dup:A:B  row B (1-based) takes row A's id
        body[int(args[1]) - 1][col["id"]] = body[int(args[0]) - 1][col["id"]]
    elif kind == "ref":      # ref:N:RES  row N refers to resource RES
        body[int(args[0]) - 1][col["resource"]] = args[1]
    elif kind == "callers":  # callers:N:TEXT  row N's permitted callers
        body[int(args[0]) - 1][col["permitted_callers"]] = args[1]
    elif kind == "loc":      # loc:N:TEXT  row N's location
        body[int(args[0]) - 1][col["location"]] = args[1]
    elif kind == "append":   # append:N  row N again at the end
        body.append(list(body[int(args[0]) - 1]))
    elif kind == "head":     # head:N  only the first N rows
        body = body[: int(args[0])]
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(body)
PY
}

# want NAME RC PATTERN: the command exited RC and its stderr holds PATTERN.
want() {
  if [[ $(cat "$tmp/$1.rc") != "$2" ]] || ! grep -qE -- "$3" "$tmp/$1.lite.err" "$tmp/$1.lite.out"; then
    echo "$1: expected exit $2 and '$3', got exit $(cat "$tmp/$1.rc"):" >&2
    head -5 "$tmp/$1.lite.err" >&2
    fails=$((fails + 1))
  fi
}

check_empty() {  # a failed import left no lease on either store
  local n
  for db in "$lite" "$PG_URI"; do
    n=$("$numreg" --db "$db" --json lease list | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
    if [[ $n != 0 ]]; then
      echo "$1: $n leases on $db after a failed import" >&2
      fails=$((fails + 1))
    fi
  done
}

leases leases-dup_in_chunk.csv dup:5:10
run dup_in_chunk import leases-dup_in_chunk.csv --errors errors.csv
want dup_in_chunk 65 "leases-dup_in_chunk.csv:11:1: error\[duplicate-key\]"
leases leases-dup_across.csv dup:3:1500
run dup_across --json import leases-dup_across.csv
want dup_across 65 "leases-dup_across.csv\",\"line\":1501|leases-dup_across.csv:1501"
leases leases-dup_boundary.csv dup:1024:1025 dup:2048:2049
run dup_boundary import --dry-run leases-dup_boundary.csv --errors errors.csv
want dup_boundary 65 "2 errors found"
leases leases-dup_and_missing.csv dup:7:900 ref:900:T-NOWHERE
run dup_and_missing import leases-dup_and_missing.csv
want dup_and_missing 65 ":901:1: error\[duplicate-key\]"
leases leases-last_fails.csv ref:2100:T-NOWHERE
run last_fails import leases-last_fails.csv
want last_fails 65 ":2101:[0-9]+: error\[ref-missing\]"
check_empty last_fails
leases leases-last_dup.csv append:1
run last_dup --json import leases-last_dup.csv
want last_dup 65 "duplicate-key"
check_empty last_dup
leases leases-repeated_permit.csv "callers:1024:0898-2300 0000..0898-2300 0009;0898-2300 0000"
printf 'lease,first,last\nL-0001023,0898-2300 0000,0898-2300 0005\nL-0001023,0898-2300 0100,\n' \
  >"$tmp/permits-repeated.csv"
run repeated_permit import leases-repeated_permit.csv permits-repeated.csv
want repeated_permit 65 "permit-repeated"
want repeated_permit 65 "permits-repeated.csv:2:1: error\[duplicate-key\]"
check_empty repeated_permit

# A resource rejected above, and one given in the same file as its leases.
cat >"$tmp/mixed.json" <<'JSON'
{"resources": [
  {"id": "T-NEW-1", "kind": "trunk", "carrier": "中国电信海南分公司", "region": "460400", "capacity": 30},
  {"id": "T-BAD", "kind": "satellite", "carrier": "中国电信海南分公司", "region": "460400"}],
 "leases": [
  {"id": "L-NEW-1", "resource": "T-NEW-1", "holder": "91469007JH4BXKFLXX", "purpose": "internal",
   "start": "2026-01-01", "location": "东方市测试路 1 号", "region": "469007"},
  {"id": "L-NEW-2", "resource": "T-BAD", "holder": "91469007JH4BXKFLXX", "purpose": "internal",
   "start": "2026-01-01", "location": "东方市测试路 2 号", "region": "469007"}]}
JSON
run mixed_rejected import mixed.json --errors errors.csv
want mixed_rejected 65 "ref-rejected"
python3 - "$tmp/mixed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
del d["resources"][1]
del d["leases"][1]
json.dump(d, open(sys.argv[1], "w", encoding="utf-8"), ensure_ascii=False)
PY
run mixed_ok --json import mixed.json
want mixed_ok 0 "\"leases\": 1"

# Permits rows after leases: one repeats a lease's first number, one names a
# lease that is not there, one is new.
leases leases-good.csv
run good import leases-good.csv
want good 0 "leases: 2100 added"
cat >"$tmp/permits.csv" <<'CSV'
lease,first,last
L-0000001,0898-2300 0100,0898-2300 0199
L-0000002,0898-2399 0000,0898-2399 0009
L-NOWHERE,0898-2399 1000,
CSV
run permits_bad import permits.csv --errors errors.csv
want permits_bad 65 "permits.csv:4:1: error\[ref-missing\]"
head -n 3 "$tmp/permits.csv" | sed '2d' >"$tmp/permits_ok.csv"
run permits_ok import permits_ok.csv
run permits_again import permits_ok.csv
want permits_again 65 "duplicate-key"

# Upserts: the same row twice in a file, changed each time; then unchanged.
leases leases-upsert.csv "loc:1:儋州市新址路 1 号" append:1 "loc:2101:儋州市新址路 2 号"
run upsert_twice --json import --mode upsert leases-upsert.csv
want upsert_twice 0 "changed"
run upsert_again import --mode upsert leases-upsert.csv
run log_lease --json log --key L-0000000
run log_all --json log
run lease_list --json lease list
run permit_list --json permit list
run who who 0898-23000005
run verify_head verify --head "$(cd "$tmp" && "$numreg" --db "$lite" --json verify | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')"

if [[ $fails -ne 0 ]]; then
  echo "$fails differences (KEEP=1 keeps $tmp)" >&2
  exit 1
fi
echo "ok: chunked imports on PostgreSQL print what they print on a file"
