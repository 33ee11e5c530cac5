#!/usr/bin/env bash
# Crash safety: a large import (2,000 leases with their permits, one
# transaction) and a bulk update of a third of them (an upsert import) are each killed
# with SIGKILL at 10 random moments (seeded, so a failure can be replayed with
# CRASH_SEED). After every kill, `numreg verify` passes and the ledger (sqlite3
# .dump: every table, the journal too) equals the state before the import or
# the state after it, never anything between.
set -euo pipefail
NUMREG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SOURCE=${NUMREG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
LEASES=${CRASH_LEASES:-2000}
RANDOM=${CRASH_SEED:-2026}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=nightly

python3 "$SOURCE/bench/generate.py" --leases "$LEASES" --seed 7 --out data >/dev/null
# The bulk update: every third lease suspended and verified again (an upsert).
python3 - <<'PY'
import csv
with open("data/leases.csv", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open("data/leases-update.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    for r in rows[::3]:
        r["status"], r["verified_on"] = "suspended", "2026-11-28"
        w.writerow(r)
PY

now_ms() { echo $(($(date +%s%N) / 1000000)); }
dump() { sqlite3 "$1" .dump; }

# phase NAME DB ARGS...: from registry DB (the state before), run `numreg
# ARGS` once to the end (the state after), then 10 times killed at random.
phase() {
  local name=$1 start_db=$2 i
  shift 2
  cp "$start_db" before.db
  dump before.db >before.sql
  cp before.db after.db
  local t0 t1
  t0=$(now_ms)
  NUMREG_DB=after.db "$NUMREG" -q "$@"
  t1=$(now_ms)
  dump after.db >after.sql
  cmp -s before.sql after.sql && { echo "$name: the import changed nothing" >&2; exit 1; }
  local span=$((t1 - t0)) befores=0 afters=0
  for i in $(seq 1 10); do
    rm -f run.db run.db-wal run.db-shm
    cp before.db run.db
    local delay=$((RANDOM % span))
    NUMREG_DB=run.db "$NUMREG" -q "$@" >/dev/null 2>&1 &
    local pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    NUMREG_DB=run.db "$NUMREG" verify >verify.out 2>&1 ||
      { echo "$name kill $i at ${delay} ms: verify failed:" >&2; cat verify.out >&2; exit 1; }
    dump run.db >run.sql
    if cmp -s run.sql before.sql; then
      befores=$((befores + 1))
    elif cmp -s run.sql after.sql; then
      afters=$((afters + 1))
    else
      echo "$name kill $i at ${delay} ms: the ledger is neither before nor after:" >&2
      diff before.sql run.sql | head -5 >&2
      exit 1
    fi
  done
  echo "$name: 10 kills within ${span} ms: $befores left it as before, $afters as after; verify passed"
  # Kills within the import's own time must catch it unfinished at least once.
  [ $befores -gt 0 ] || { echo "$name: no kill landed before the commit" >&2; exit 1; }
}

NUMREG_DB=base.db "$NUMREG" -q init
NUMREG_DB=base.db "$NUMREG" -q import data/holders.csv data/resources.csv
phase import base.db import data/leases.csv
cp after.db imported.db
phase update imported.db import --mode upsert data/leases-update.csv
echo "crash_kill: ok"
