#!/usr/bin/env bash
# Six clerks, six database users of the carrier's clerk role (numreg init
# --roles), adding leases to one PostgreSQL registry at the same time: every
# add succeeds (the chain lock serialises the writers), nothing is lost, the
# journal stays one chain without gaps or forks and names each clerk.
set -euo pipefail
NUMREG=$1
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_require
pg_role registrar CREATEROLE
pg_fresh clerks registrar
trap 'pg_drop' EXIT
export NUMREG_DB=$PG_URI NUMREG_NOW=2026-11-29T09:30:00Z
carrier=中国电信海南分公司
"$NUMREG" -q init --roles
"$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise
"$NUMREG" -q resource add --id TRK-DZ-0001 --kind trunk --carrier "$carrier"
for n in 1 2 3 4 5 6; do
  pg_role "clerk$n"
  psql "$PG_SUPER_URI" -qAt -v ON_ERROR_STOP=1 -c "GRANT numreg_clerk TO clerk$n" \
    -c "INSERT INTO numreg_carrier_roles (role, carrier) VALUES ('clerk$n', '$carrier')" >/dev/null
done

clerk() {  # clerk N: add 15 leases, each presenting its own number
  local n=$1 i
  for i in $(seq -w 10 24); do
    NUMREG_DB=$(pg_as "clerk$n") "$NUMREG" -q lease add --id "L-$n-$i" --resource TRK-DZ-0001 \
      --holder 91460400MA5TDR015T --carrier "$carrier" --purpose customer_service \
      --start 2026-01-01 --permitted-callers "0898-66${n}${i}000" ||
      { echo "clerk $n: lease $i failed" >&2; return 1; }
  done
}
pids=()
for n in 1 2 3 4 5 6; do
  clerk "$n" &
  pids+=($!)
done
for p in "${pids[@]}"; do
  wait "$p"
done

q() { psql "$PG_URI" -qAt -c "$1"; }
count=$(q "SELECT count(*) FROM leases")
[ "$count" = 90 ] || { echo "expected 90 leases, found $count" >&2; exit 1; }
journal=$(q "SELECT count(*) FROM journal WHERE entity = 'lease'")
[ "$journal" = 90 ] || { echo "expected 90 lease journal entries, found $journal" >&2; exit 1; }
# One chain: seq 1..N without gaps, each entry linked to the one before.
gaps=$(q "SELECT count(*) FROM journal j WHERE j.seq > 1 AND NOT EXISTS
          (SELECT 1 FROM journal p WHERE p.seq = j.seq - 1 AND p.hash = j.prev_hash)")
[ "$gaps" = 0 ] || { echo "$gaps journal entries do not link to the one before" >&2; exit 1; }
[ "$(q "SELECT max(seq) = count(*) FROM journal")" = t ] || { echo "journal seq has gaps" >&2; exit 1; }
actors=$(q "SELECT count(DISTINCT actor) FROM journal WHERE entity = 'lease'")
[ "$actors" = 6 ] || { echo "expected 6 actors, found $actors" >&2; exit 1; }
"$NUMREG" verify >/dev/null
echo "pg_concurrent_clerks: ok (90 leases from 6 clerks, journal intact)"
