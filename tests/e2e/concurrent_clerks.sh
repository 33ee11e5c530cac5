#!/usr/bin/env bash
# Two clerks adding leases at the same time: every add succeeds (SQLite's busy
# timeout serialises the writers), nothing is lost, the journal chain holds.
set -euo pipefail
NUMREG=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z
"$NUMREG" -q init
"$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise
"$NUMREG" -q resource add --id TRK-DZ-0001 --kind trunk

clerk() {  # clerk NAME: add 40 leases, each presenting its own number
  local name=$1 i
  for i in $(seq -w 1 40); do
    NUMREG_ACTOR=$name "$NUMREG" -q lease add --id "L-$name-$i" --resource TRK-DZ-0001 \
      --holder 91460400MA5TDR015T --purpose customer_service --start 2026-01-01 \
      --permitted-callers "0898-661${i}000" || { echo "clerk $name: lease $i failed" >&2; return 1; }
  done
}
clerk a & pa=$!
clerk b & pb=$!
wait $pa
wait $pb

count=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM leases")
[ "$count" = 80 ] || { echo "expected 80 leases, found $count" >&2; exit 1; }
journal=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM journal_keys WHERE entity = 'lease'")
[ "$journal" = 80 ] || { echo "expected 80 lease journal entries, found $journal" >&2; exit 1; }
"$NUMREG" verify >/dev/null
echo "concurrent_clerks: ok (80 leases from 2 clerks, journal intact)"
