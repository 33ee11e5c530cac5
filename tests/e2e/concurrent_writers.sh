#!/usr/bin/env bash
# Four clerks adding and updating leases at once, with a short busy timeout:
# every command either succeeds or fails cleanly with exit 75 and one line
# saying the registry is busy; everything that succeeded is there (leases,
# their last location, one journal entry each), and the journal chain holds.
set -euo pipefail
NUMREG=$1
PER_CLERK=${PER_CLERK:-60}  # leases each clerk adds, then updates twice
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z
"$NUMREG" -q init
"$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise
"$NUMREG" -q resource add --id TRK-DZ-0001 --kind trunk

# run LOG ARGS...: run numreg; on success append "ok ARGS" to LOG, on exit 75
# append "busy"; anything else fails the clerk.
run() {
  local log=$1 rc=0
  shift
  "$NUMREG" -q "$@" 2>"$log.err" || rc=$?
  if [ $rc -eq 0 ]; then
    echo "ok $*" >>"$log"
  elif [ $rc -eq 75 ]; then
    local lines
    lines=$(wc -l <"$log.err")
    grep -q '^numreg: error: registry .* is busy: another numreg held it for 100 ms (try again)$' \
      "$log.err" && [ "$lines" = 1 ] || { echo "unclear busy error:" >&2; cat "$log.err" >&2; return 1; }
    echo "busy $*" >>"$log"
  else
    echo "numreg $* exited $rc:" >&2
    cat "$log.err" >&2
    return 1
  fi
}

clerk() {  # clerk NAME: add PER_CLERK leases, then move each twice
  local name=$1 log=$tmp/$1.log i round
  : >"$log"
  export NUMREG_ACTOR=$name NUMREG_BUSY_TIMEOUT_MS=100
  for i in $(seq -w 1 "$PER_CLERK"); do
    run "$log" lease add --id "L-$name-$i" --resource TRK-DZ-0001 --holder 91460400MA5TDR015T \
      --purpose customer_service --start 2026-01-01 || return 1
  done
  for round in 1 2; do
    for i in $(seq -w 1 "$PER_CLERK"); do
      grep -q "^ok lease add --id L-$name-$i " "$log" || continue
      run "$log" lease update "L-$name-$i" --location "儋州市那大镇 $name-$i-$round" || return 1
    done
  done
}

pids=()
for name in a b c d; do
  clerk $name &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done

cat "$tmp"/?.log >"$tmp/all.log"
adds=$(grep -c '^ok lease add' "$tmp/all.log" || true)
updates=$(grep -c '^ok lease update' "$tmp/all.log" || true)
busy=$(grep -c '^busy' "$tmp/all.log" || true)
count=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM leases")
[ "$count" = "$adds" ] || { echo "expected $adds leases, found $count" >&2; exit 1; }
journal=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM journal_keys WHERE entity = 'lease'")
[ "$journal" = $((adds + updates)) ] ||
  { echo "expected $((adds + updates)) lease journal entries, found $journal" >&2; exit 1; }
# Each lease holds the location of its last successful update.
sed -n 's/^ok lease update \(L-[a-d]-[0-9]*\) --location \(.*\)$/\1|\2/p' "$tmp/all.log" |
  awk -F'|' '{last[$1] = $2} END {for (k in last) print k "|" last[k]}' | sort >"$tmp/expected"
sqlite3 "$NUMREG_DB" "SELECT id || '|' || location FROM leases WHERE location IS NOT NULL" |
  sort >"$tmp/stored"
diff "$tmp/expected" "$tmp/stored" >&2 || { echo "stored locations differ from the last updates" >&2; exit 1; }
"$NUMREG" verify >/dev/null
echo "concurrent_writers: ok ($adds adds, $updates updates, $busy busy from 4 clerks; journal intact)"
