#!/usr/bin/env bash
# A writer that waits for the chain lock says so once on stderr; past its
# busy timeout it gives up with exit 75 and changes nothing; within it, the
# write goes through. A writer that need not wait says nothing of it.
set -euo pipefail
NUMREG=$1
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_require
pg_fresh busy
tmp=$(mktemp -d)
trap 'pg_drop; rm -rf "$tmp"' EXIT
export NUMREG_DB=$PG_URI NUMREG_NOW=2026-11-29T09:30:00Z
"$NUMREG" -q init
# Another session holds the chain lock for 4 s.
psql "$PG_URI" -qAt -c "BEGIN; SELECT pg_advisory_xact_lock(1314014535); SELECT pg_sleep(4); COMMIT" \
  >/dev/null &
holder=$!
sleep 1
rc=0
NUMREG_BUSY_TIMEOUT_MS=500 "$NUMREG" holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 \
  --kind enterprise 2>"$tmp/err" || rc=$?
wait $holder
[ "$rc" = 75 ] || { echo "expected exit 75 while the chain is locked, got $rc" >&2; cat "$tmp/err" >&2; exit 1; }
grep -q "is busy" "$tmp/err" || { echo "no busy message:" >&2; cat "$tmp/err" >&2; exit 1; }
[ "$(grep -c "waiting for another writer" "$tmp/err")" = 1 ] &&
  [ "$(grep -n "" "$tmp/err" | grep "waiting for another writer" | cut -d: -f1)" = 1 ] ||
  { echo "expected one waiting line before the busy message:" >&2; cat "$tmp/err" >&2; exit 1; }
[ "$(psql "$PG_URI" -qAt -c 'SELECT count(*) FROM holders')" = 0 ] || { echo "the refused add wrote" >&2; exit 1; }
"$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise \
  2>"$tmp/err"
! grep -q "waiting" "$tmp/err" || { echo "an uncontended writer said it waits:" >&2; cat "$tmp/err" >&2; exit 1; }
# The lock held for 2 s, the writer waits up to 10 s: it says so, then writes.
psql "$PG_URI" -qAt -c "BEGIN; SELECT pg_advisory_xact_lock(1314014535); SELECT pg_sleep(2); COMMIT" \
  >/dev/null &
holder=$!
sleep 1
NUMREG_BUSY_TIMEOUT_MS=10000 "$NUMREG" holder update 91460400MA5TDR015T --scope 呼叫中心业务 \
  --reason 补录 2>"$tmp/err" >/dev/null
wait $holder
[ "$(grep -c "waiting for another writer" "$tmp/err")" = 1 ] ||
  { echo "expected one waiting line:" >&2; cat "$tmp/err" >&2; exit 1; }
# In Chinese, and not at all with --quiet.
psql "$PG_URI" -qAt -c "BEGIN; SELECT pg_advisory_xact_lock(1314014535); SELECT pg_sleep(2); COMMIT" \
  >/dev/null &
holder=$!
sleep 1
NUMREG_BUSY_TIMEOUT_MS=10000 "$NUMREG" --lang zh holder update 91460400MA5TDR015T --scope 呼叫中心 \
  --reason 补录 2>"$tmp/err" >/dev/null
wait $holder
grep -qx "numreg：正在等待登记库的另一个写入者（最多 10000 毫秒）" "$tmp/err" ||
  { echo "expected the waiting line in Chinese:" >&2; cat "$tmp/err" >&2; exit 1; }
psql "$PG_URI" -qAt -c "BEGIN; SELECT pg_advisory_xact_lock(1314014535); SELECT pg_sleep(2); COMMIT" \
  >/dev/null &
holder=$!
sleep 1
NUMREG_BUSY_TIMEOUT_MS=10000 "$NUMREG" -q holder update 91460400MA5TDR015T --scope 呼叫中心业务 \
  --reason 补录 2>"$tmp/err"
wait $holder
[ ! -s "$tmp/err" ] || { echo "--quiet printed:" >&2; cat "$tmp/err" >&2; exit 1; }
[ "$(psql "$PG_URI" -qAt -c 'SELECT scope FROM holders')" = 呼叫中心业务 ] || { echo "the waiting update did not write" >&2; exit 1; }
echo "pg_busy: ok (says it waits, exit 75 past the busy timeout, writes within it)"
