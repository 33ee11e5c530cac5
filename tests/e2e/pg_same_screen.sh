#!/usr/bin/env bash
# Screening on a registry file and on PostgreSQL gives the same answer: the
# call-record fixture's ledger (fixtures/cdr/build.sh), the Hainan import and
# 9000 generated leases (bench/generate.py) are built on both stores, the
# fixture day (fixtures/cdr/day.csv) is screened against each, and the
# snapshots of the screening index (--snapshot-out), the text, --json and -o
# outputs and the exit codes agree byte for byte.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_start same_screen
fails=0

# same NAME: the files NAME.lite.* and NAME.pg.* agree.
same() {
  local name=$1 f
  for f in "$tmp/$name".lite.*; do
    local g=${f/.lite./.pg.}
    if ! cmp -s "$f" "$g"; then
      echo "$name: ${f##*.lite.} differs (SQLite <, PostgreSQL >)" >&2
      diff <(od -c "$f" | head -40) <(od -c "$g" | head -40) | head -20 >&2 || true
      fails=$((fails + 1))
    fi
  done
}

# screen NAME DB TAG ARGS...: screen on DB; outputs to NAME.TAG.*
screen() {
  local name=$1 db=$2 tag=$3 rc=0
  shift 3
  (cd "$src" && "$numreg" --db "$db" "$@") >"$tmp/$name.$tag.out" 2>"$tmp/$name.$tag.err" || rc=$?
  echo "$rc" >"$tmp/$name.$tag.rc"
  sed -i "s#$db#REGISTRY#g; s#$tmp/[a-z_]*\.$tag\.#OUT.#g" "$tmp/$name.$tag.out" "$tmp/$name.$tag.err"
}

# both NAME ARGS...: screen on both stores (@OUT@ in ARGS: a file of this run).
both() {
  local name=$1 tag db
  shift
  for tag in lite pg; do
    db=$lite
    [[ $tag == pg ]] && db=$PG_URI
    screen "$name" "$db" "$tag" "${@//@OUT@/$tmp/$name.$tag.file}"
  done
  same "$name"
}

# The call-record fixture's ledger.
lite="$tmp/cdr.db"
bash "$src/fixtures/cdr/build.sh" "$numreg" "$lite" >/dev/null
bash "$src/fixtures/cdr/build.sh" "$numreg" "$PG_URI" >/dev/null
both cdr_snapshot screen --snapshot-out @OUT@
both cdr_text screen fixtures/cdr/day.csv
both cdr_json --json screen fixtures/cdr/day.csv
both cdr_csv screen fixtures/cdr/day.csv -o @OUT@
both cdr_json_file --json screen fixtures/cdr/day.csv -o @OUT@
# The snapshot is not empty, and it screens as the registry does.
if [[ ! -s "$tmp/cdr_snapshot.pg.file" ]]; then
  echo "cdr_snapshot: no snapshot written on PostgreSQL" >&2
  fails=$((fails + 1))
fi
both cdr_from_snapshot screen --snapshot "$tmp/cdr_snapshot.pg.file" fixtures/cdr/day.csv
for tag in lite pg; do
  if ! cmp -s "$tmp/cdr_text.$tag.out" "$tmp/cdr_from_snapshot.$tag.out"; then
    echo "cdr_from_snapshot: screening the $tag snapshot differs from screening the registry" >&2
    fails=$((fails + 1))
  fi
done

# The Hainan import: more leases, permits, contracts and refusals.
pg_drop
pg_fresh same_screen_hainan
lite="$tmp/hainan.db"
for db in "$lite" "$PG_URI"; do
  (cd "$src" && "$numreg" --db "$db" --quiet init && "$numreg" --db "$db" --quiet import fixtures/hainan/*) \
    >/dev/null || true
done
both hainan_snapshot screen --snapshot-out @OUT@
both hainan_json --json screen fixtures/cdr/day.csv -o @OUT@

# More leases, trunks and permits than one fetch of the cursors holds (8192
# rows), so the scans cross chunks, side by side.
pg_drop
pg_fresh same_screen_many
lite="$tmp/many.db"
python3 "$src/bench/generate.py" --leases 9000 --seed 3 --out "$tmp/many" >/dev/null
for db in "$lite" "$PG_URI"; do
  "$numreg" --db "$db" --quiet init
  "$numreg" --db "$db" --quiet import "$tmp"/many/*.csv >/dev/null
done
both many_snapshot screen --snapshot-out @OUT@
if ! grep -q "9000 leases, 9000 permit ranges" "$tmp"/many_snapshot.pg.{out,err}; then
  echo "many_snapshot: expected 9000 leases and permit ranges:" >&2
  cat "$tmp"/many_snapshot.pg.{out,err} >&2
  fails=$((fails + 1))
fi

if [[ $fails -gt 0 ]]; then
  echo "pg_same_screen: $fails differences" >&2
  exit 1
fi
echo "pg_same_screen: ok (SQLite and PostgreSQL screen alike)"
