#!/usr/bin/env bash
# Personal data: the registry and its backups are private to their owner
# (0600, whatever the umask), no resident ID number appears in the journal,
# in `log`, `show`, `list` or `export` output, or in any error message (of a
# command or an import), and `export --unmask` is journaled.
set -euo pipefail
NUMREG=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk
umask 000
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
mode_is_600() { [ "$(stat -c %a "$1")" = 600 ] || fail "$1 has mode $(stat -c %a "$1"), expected 600"; }

# Resident IDs of real shape (GB 11643 check characters), and their digits
# that must never show: the whole number and the birth date with its region.
id_a=460400199001011237   # Danzhou, born 1990-01-01
id_b=46900719851212001X   # Dongfang, born 1985-12-12
id_legacy=460400850101123 # a 15-digit legacy number
secrets=("$id_a" "$id_b" "$id_legacy" 46040019900101 46900719851212 460400850101)

"$NUMREG" -q init
mode_is_600 "$NUMREG_DB"
"$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise \
  --legal-rep 王海 --legal-rep-id "$id_a"
"$NUMREG" -q holder add --uscc 91469007MA5TDF0204 --name 东方市渔港通讯服务有限公司 --kind enterprise \
  --legal-rep 陈东 --legal-rep-id "$id_legacy"
"$NUMREG" -q holder update 91469007MA5TDF0204 --legal-rep-id "$id_b" --reason 更换法人
mode_is_600 "$NUMREG_DB"

# Output of reads, and stderr of commands that fail on an ID or near one.
{
  "$NUMREG" holder show 91460400MA5TDR015T
  "$NUMREG" --json holder show 91469007MA5TDF0204
  "$NUMREG" holder list
  "$NUMREG" --json holder list
  "$NUMREG" log
  "$NUMREG" --json log
} >"$tmp/reads" 2>&1
for args in "--legal-rep-id ${id_a%7}8" "--legal-rep-id ${id_a:0:17}" "--legal-rep-id 460400199013011237" \
  "--legal-rep-id ${id_a}0" "--legal-rep-id ${id_b:0:6}20990101001X" "--legal-rep-id ${id_legacy}9"; do
  # shellcheck disable=SC2086
  "$NUMREG" holder update 91460400MA5TDR015T $args >>"$tmp/errors" 2>&1 && fail "update $args succeeded"
  # shellcheck disable=SC2086
  "$NUMREG" --json holder add --uscc 91460200MA5T00012X --name x --kind enterprise $args \
    >>"$tmp/errors" 2>&1 && fail "add $args succeeded"
done
# Import errors name the masked value too, in text and JSON.
printf 'uscc,name,kind,legal_rep_id\n91469007MA5TDF0204,x,enterprise,%s\n' "${id_a%7}8" >"$tmp/holders.csv"
"$NUMREG" import --mode upsert "$tmp/holders.csv" >>"$tmp/errors" 2>&1 && fail "a bad ID was imported"
"$NUMREG" --json import --mode upsert "$tmp/holders.csv" >>"$tmp/errors" 2>&1 &&
  fail "a bad ID was imported"
# An export masks; --unmask shows the numbers and is journaled.
"$NUMREG" export holders >>"$tmp/reads"
"$NUMREG" --json export holders >>"$tmp/reads"
"$NUMREG" export holders --unmask | grep -q "$id_a" || fail "export --unmask does not show $id_a"
# The journal as `log --json` shows it, every entry's before and after in full.
journal_json() { NUMREG_DB=${1:-$NUMREG_DB} "$NUMREG" --json log; }
count_entries() { # entries of the JSON log on stdin for which the Python test $1 holds
  python3 -c 'import json, sys
print(sum(1 for e in json.load(sys.stdin) if eval(sys.argv[1])))' "$1"
}
[ "$(journal_json | count_entries 'e["action"] == "unmask"')" = 1 ] ||
  fail "export --unmask was not journaled"
"$NUMREG" holder add --uscc 91460400MA5TDR015T --name x --kind enterprise --legal-rep-id "$id_a" \
  >>"$tmp/errors" 2>&1 && fail "a duplicate holder was added"
[ "$(grep -c 'legal_rep_id: 460400\*\*\*\*\*\*\*\*' "$tmp/errors")" -ge 4 ] ||
  fail "errors do not name the masked value: $(cat "$tmp/errors")"
journal_json >"$tmp/journal"
for secret in "${secrets[@]}"; do
  grep -n "$secret" "$tmp/reads" "$tmp/errors" "$tmp/journal" >&2 && fail "resident ID digits $secret shown"
done
# A control: the holders table does hold the number, so the greps can see it.
sqlite3 "$NUMREG_DB" "SELECT legal_rep_id FROM holders" | grep -q "$id_a" ||
  fail "the registry does not hold $id_a"
[ "$(journal_json | count_entries '"460400********1237" in json.dumps(e["after"], ensure_ascii=False)')" = 1 ] ||
  fail "the journal does not keep the masked resident ID"

# Backups are private too, and so is a registry made under a permissive umask.
"$NUMREG" -q backup "$tmp/backup.db"
mode_is_600 "$tmp/backup.db"
for secret in "${secrets[@]}"; do
  journal_json "$tmp/backup.db" | grep -q "$secret" && fail "backup journal shows $secret"
done
[ $failures = 0 ] || exit 1
echo "personal_data: ok (registry and backup 0600; no resident ID in journal, log, reads or errors)"
