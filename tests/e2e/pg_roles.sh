#!/usr/bin/env bash
# Who may do what on a shared registry (numreg init --roles): a clerk of
# carrier A changes A's resources and leases and is refused (exit 77,
# registry and journal unchanged) on carrier B's, also inside an import; an
# inspector reads, audits, records an inspection and takes its site results
# back (the leases' verified_on and the inspection's results, nothing else),
# where a clerk and another inspector are refused; nobody, the owner and the
# superuser included, can edit the journal; the journal's actor is the
# database user; verify passes after all; a policy's refusal says what the
# roles allow whatever the server's language; and an older registry gains
# the journal's guard when it is opened.
set -euo pipefail
NUMREG=$1
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_require
pg_role registrar CREATEROLE
pg_fresh roles registrar
tmp=$(mktemp -d)
trap 'pg_drop; [[ -n "${KEEP:-}" ]] || rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z PGOPTIONS="-c client_min_messages=warning"
unset NUMREG_ACTOR
OWNER=$PG_URI
A=中国电信海南分公司
B=中国联通海南分公司
fails=0
fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}
q() { psql "$PG_SUPER_URI" -qAt -v ON_ERROR_STOP=1 -c "$1"; }
# Everything a refused command must leave as it was: every table and the journal.
state() {
  local t args=()
  for t in holders credentials resources leases permits contracts campaigns refusals \
    inspections journal; do
    args+=(-c "SELECT '== $t'" -c "SELECT * FROM $t ORDER BY 1")
  done
  psql "$PG_SUPER_URI" -qAt -v ON_ERROR_STOP=1 "${args[@]}" 2>&1
}
# expect CODE WHAT USER ARGS...: numreg as USER exits CODE; a refusal (77)
# names the database user and changes nothing.
expect() {
  local code=$1 what=$2 user=$3 rc=0
  shift 3
  state >"$tmp/before"
  NUMREG_DB=$(pg_as "$user") "$NUMREG" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  if [[ $rc != "$code" ]]; then
    fail "$what: expected exit $code, got $rc"
    cat "$tmp/err" >&2
    return 0
  fi
  if [[ $code == 77 ]]; then
    grep -q "database user $user" "$tmp/err" || { fail "$what: the refusal does not name $user"; cat "$tmp/err" >&2; }
    state >"$tmp/after"
    cmp -s "$tmp/before" "$tmp/after" || { fail "$what: the refused command changed the registry"; diff "$tmp/before" "$tmp/after" >&2 || true; }
  fi
  return 0
}

# On a registry file there are no roles: usage, nothing created.
rc=0
"$NUMREG" --db "$tmp/reg.db" init --roles 2>"$tmp/err" || rc=$?
[[ $rc == 64 ]] || fail "init --roles on a file: expected exit 64, got $rc"
grep -q "works on a PostgreSQL registry" "$tmp/err" || fail "init --roles on a file: $(cat "$tmp/err")"
[[ ! -e $tmp/reg.db ]] || fail "init --roles on a file created it"

# The owner makes the registry and its roles; again changes nothing.
NUMREG_DB=$OWNER "$NUMREG" init --roles >"$tmp/init.out"
grep -q "^created registry" "$tmp/init.out" || fail "init --roles: $(cat "$tmp/init.out")"
grep -q "numreg_clerk and numreg_inspector" "$tmp/init.out" || fail "init --roles says nothing of roles"
NUMREG_DB=$OWNER "$NUMREG" --json init --roles >"$tmp/init.json"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["created"] is False and d["roles"] == ["numreg_clerk","numreg_inspector"], d' "$tmp/init.json" ||
  fail "init --roles --json again: $(cat "$tmp/init.json")"
# A clerk of A, an inspector, and what the owner provisions.
pg_role alice
pg_role ivy
q "GRANT numreg_clerk TO alice" >/dev/null
q "GRANT numreg_inspector TO ivy" >/dev/null
psql "$OWNER" -qAt -v ON_ERROR_STOP=1 -c "INSERT INTO numreg_carrier_roles (role, carrier) VALUES ('alice', '$A')"
own() { NUMREG_DB=$OWNER "$NUMREG" -q "$@"; }
own holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise --region 460400
own resource add --id TRK-A --kind trunk --carrier "$A" --region 儋州
own resource add --id TRK-B --kind trunk --carrier "$B" --region 儋州
own lease add --id L-B-1 --resource TRK-B --holder 91460400MA5TDR015T --carrier "$B" \
  --location 儋州市那大镇 --region 460400 --purpose customer_service --start 2026-01-01 \
  --permitted-callers "0898-2388 2000..0898-2388 2099"

# The clerk of A: A's lease and resource, yes.
expect 0 "clerk adds A's resource" alice resource add --id TRK-A2 --kind trunk --carrier "$A"
expect 0 "clerk adds A's lease" alice lease add --id L-A-1 --resource TRK-A \
  --holder 91460400MA5TDR015T --carrier "$A" --location 儋州市那大镇 --region 460400 \
  --purpose customer_service --start 2026-01-01 --permitted-callers "0898-2388 1000..0898-2388 1099"
expect 0 "clerk updates A's lease" alice lease update L-A-1 --location "儋州市那大镇中兴大街 88 号" \
  --permitted-callers "0898-2388 1000..0898-2388 1199" --reason 扩容
expect 0 "clerk adds a permit to A's lease" alice permit add --lease L-A-1 --first 0898-23881500
expect 0 "clerk adds a holder" alice holder add --uscc 91469007MA5TDF0204 --name 东方市渔港通讯服务有限公司 --kind enterprise
[[ $(q "SELECT string_agg(DISTINCT actor, ',') FROM journal WHERE seq > 4") == alice ]] ||
  fail "the clerk's journal entries do not name alice: $(q "SELECT seq, actor FROM journal")"
# ... B's, no.
expect 77 "clerk updates B's lease" alice lease update L-B-1 --location 别处 --reason 试
grep -q "L-B-1" "$tmp/err" || fail "the refusal does not name L-B-1: $(cat "$tmp/err")"
expect 77 "clerk ends B's lease" alice lease end L-B-1 --date 2026-11-30 --reason 试
expect 77 "clerk adds B's lease" alice lease add --id L-B-2 --resource TRK-B \
  --holder 91460400MA5TDR015T --carrier "$B" --purpose customer_service --start 2026-01-01
expect 77 "clerk adds B's resource" alice resource add --id TRK-B2 --kind trunk --carrier "$B"
expect 77 "clerk moves A's lease to B" alice lease update L-A-1 --carrier "$B" --reason 试
expect 77 "clerk adds a permit to B's lease" alice permit add --lease L-B-1 --first 0898-23881600
expect 77 "clerk records an inspection" alice audit --record
expect 77 "clerk names another actor" alice --actor bob lease update L-A-1 --location 别处 --reason 试
grep -q "actor bob is not permitted" "$tmp/err" || fail "--actor bob: $(cat "$tmp/err")"
# An import holding one lease of B is refused as a whole.
cat >"$tmp/leases.csv" <<EOF
id,resource,holder,carrier,location,region,purpose,start
L-A-3,TRK-A,91460400MA5TDR015T,$A,儋州市那大镇,460400,customer_service,2026-02-01
L-B-3,TRK-B,91460400MA5TDR015T,$B,儋州市那大镇,460400,customer_service,2026-02-01
EOF
expect 77 "clerk imports a file with B's lease" alice import "$tmp/leases.csv"
grep -q "leases.csv:3:.*error\[not-permitted\]" "$tmp/err" || fail "the import's refusal does not point at L-B-3's row: $(cat "$tmp/err")"
sed -e '/L-A-3/d' -e 's/^L-B-3,\(.*\),儋州市那大镇,\(.*\),2026-02-01$/L-B-1,\1,别处,\2,2026-01-01/' \
  "$tmp/leases.csv" >"$tmp/leases-upsert.csv"
grep -q "^L-B-1,.*,别处," "$tmp/leases-upsert.csv" || fail "the upsert file: $(cat "$tmp/leases-upsert.csv")"
expect 77 "clerk upserts B's lease" alice import --mode upsert "$tmp/leases-upsert.csv"
sed -e '/L-B-3/d' "$tmp/leases.csv" >"$tmp/leases-a.csv"
expect 0 "clerk imports A's lease" alice import "$tmp/leases-a.csv"

# The inspector: reads, audits, records an inspection; writes nothing else.
expect 0 "inspector asks who" ivy who 0898-23882005
grep -q L-B-1 "$tmp/out" || fail "who as the inspector: $(cat "$tmp/out")"
expect 0 "inspector audits" ivy --json audit --region 儋州
expect 0 "inspector records an inspection" ivy audit --record --region 儋州 --sample 2 --seed 7
[[ $(q "SELECT inspector FROM inspections") == ivy ]] || fail "the inspection is not ivy's"
[[ $(q "SELECT actor FROM journal WHERE entity = 'inspection'") == ivy ]] ||
  fail "the inspection's journal entry does not name ivy"
expect 0 "inspector verifies" ivy verify
expect 77 "inspector adds a lease" ivy lease add --id L-A-9 --resource TRK-A \
  --holder 91460400MA5TDR015T --carrier "$A" --purpose customer_service --start 2026-01-01
expect 77 "inspector updates a lease" ivy lease update L-A-1 --location 别处 --reason 试
expect 77 "inspector adds a holder" ivy holder add --uscc 91460000MA5T00010D --name 海南测试有限公司 --kind enterprise

# The inspector takes its sheet back: the leases' verified_on, the
# inspection's results, journaled under ivy.
expect 0 "inspector writes the sheet" ivy audit --region 儋州 --sample 2 --seed 7 -o "$tmp/sheet.csv"
# fill SHEET OUT [PREFIX]: every sampled row (whose lease starts with PREFIX) checked on site.
fill() {
  python3 - "$1" "$2" "${3:-}" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig')))
h = rows.index(next(r for r in rows if r[:1] == ['Rank']))
hdr, out = rows[h], [rows[h]]
for r in rows[h + 1:]:
    if not r or not r[0]:
        break
    if r[hdr.index('Lease')].startswith(sys.argv[3]):
        r[hdr.index('Location confirmed')] = '是'
        r[hdr.index('Signature')] = '伊检'
        out.append(r)
csv.writer(open(sys.argv[2], 'w', newline=''), lineterminator='\n').writerows(out)
PY
}
fill "$tmp/sheet.csv" "$tmp/filled.csv"
fill "$tmp/sheet.csv" "$tmp/filled-a.csv" L-A-
sampled=$(q "SELECT string_agg(value, ' ' ORDER BY value) FROM inspections, jsonb_array_elements_text(sample::jsonb)")
[[ $(wc -l <"$tmp/filled.csv") == 3 && $(wc -l <"$tmp/filled-a.csv") -ge 2 ]] ||
  fail "the filled sheets ($sampled): $(cat "$tmp/filled.csv")"
# A clerk has no UPDATE on inspections: refused even with only its carrier's leases
# on the sheet, and on the whole sheet, whatever lease comes first.
expect 77 "clerk records site results of A's leases" alice inspection results "$tmp/filled-a.csv" --date 2026-11-28
grep -q "to change inspection '2026-11-29-001'" "$tmp/err" || fail "the clerk's refusal does not name the inspection: $(cat "$tmp/err")"
expect 77 "clerk records site results" alice inspection results "$tmp/filled.csv" --date 2026-11-28
# Another inspector cannot record the results of ivy's inspection.
pg_role ian
q "GRANT numreg_inspector TO ian" >/dev/null
expect 77 "another inspector records ivy's results" ian inspection results "$tmp/filled.csv" --date 2026-11-28
grep -q "its roles let it record results only of its own inspections" "$tmp/err" ||
  fail "ian's refusal: $(cat "$tmp/err")"
seq=$(q "SELECT max(seq) FROM journal")
expect 0 "inspector records site results" ivy inspection results "$tmp/filled.csv" --date 2026-11-28
[[ $(q "SELECT string_agg(id, ' ' ORDER BY id) FROM leases WHERE verified_on = '2026-11-28'") == "$sampled" ]] ||
  fail "verified_on of the sample ($sampled): $(q "SELECT id, verified_on FROM leases ORDER BY id")"
[[ $(q "SELECT count(*) FROM inspections, jsonb_array_elements(results::jsonb) AS r
        WHERE r->>'checked_on' = '2026-11-28' AND r->>'signature' = '伊检'") == 2 ]] ||
  fail "the inspection's results: $(q "SELECT results FROM inspections")"
[[ $(q "SELECT string_agg(actor || ' ' || action || ' ' || entity, ',' ORDER BY seq) FROM journal WHERE seq > $seq") == \
  "ivy update lease,ivy update lease,ivy results inspection" ]] ||
  fail "the site results' journal entries: $(q "SELECT seq, actor, action, entity, key FROM journal WHERE seq > $seq")"
expect 0 "inspector verifies after its results" ivy verify
# ... and nothing more: no other column of a lease, no lease added or removed,
# no other column of an inspection.
psql "$(pg_as ivy)" -qAt -v ON_ERROR_STOP=1 -c "BEGIN" \
  -c "UPDATE leases SET verified_on = '2026-11-27' WHERE id = 'L-B-1'" -c "ROLLBACK" >/dev/null 2>"$tmp/psql.err" ||
  fail "ivy cannot set verified_on: $(cat "$tmp/psql.err")"
for sql in "UPDATE leases SET location = '别处' WHERE id = 'L-A-1'" \
  "UPDATE leases SET verified_on = '2026-11-27', status = 'ended' WHERE id = 'L-A-1'" \
  "INSERT INTO leases (id, resource, holder, purpose, start) VALUES ('L-X', 'TRK-A', '91460400MA5TDR015T', 'other', '2026-01-01')" \
  "DELETE FROM leases WHERE id = 'L-A-1'" "UPDATE inspections SET findings = '[]'" \
  "UPDATE inspections SET inspector = 'ian'"; do
  if psql "$(pg_as ivy)" -qAt -v ON_ERROR_STOP=1 -c "$sql" >/dev/null 2>"$tmp/psql.err"; then
    fail "ivy could run: $sql"
  elif ! grep -q "permission denied" "$tmp/psql.err"; then
    fail "ivy: $sql failed, but not as refused: $(cat "$tmp/psql.err")"
  fi
done

# A policy's refusal is told as such whatever the server's language.
q "ALTER DATABASE $PG_DROP SET lc_messages = 'zh_CN.utf8'" >/dev/null
if psql "$(pg_as alice)" -qAt -c "UPDATE leases SET carrier = '$B' WHERE id = 'L-A-1'" 2>&1 |
  grep -q "row-level security"; then
  echo "note: the server has no Chinese messages; the refusal is checked in English" >&2
fi
expect 77 "clerk adds B's lease (server in Chinese)" alice lease add --id L-B-2 --resource TRK-B \
  --holder 91460400MA5TDR015T --carrier "$B" --purpose customer_service --start 2026-01-01
grep -q "to change lease 'L-B-2': its roles let it change only its own carriers' records" "$tmp/err" ||
  fail "the refusal with the server in Chinese: $(cat "$tmp/err")"
expect 77 "clerk records site results (server in Chinese)" alice inspection results "$tmp/filled-a.csv" --date 2026-11-28
grep -q "to change inspection '2026-11-29-001': " "$tmp/err" && ! grep -q "错误:" "$tmp/err" ||
  fail "the server's refusal in Chinese: $(cat "$tmp/err")"
q "ALTER DATABASE $PG_DROP RESET lc_messages" >/dev/null

# Nobody edits the journal: not a clerk, the inspector, the owner or the superuser.
head=$(q "SELECT count(*) || ' ' || max(hash) FROM journal")
for who in alice ivy registrar super; do
  uri=$PG_SUPER_URI
  [[ $who != super ]] && uri=$(pg_as "$who")
  for sql in "UPDATE journal SET reason = 'edited' WHERE seq = 1" "DELETE FROM journal WHERE seq = 1" \
    "DELETE FROM journal WHERE false" "TRUNCATE journal"; do
    if psql "$uri" -qAt -v ON_ERROR_STOP=1 -c "$sql" >/dev/null 2>"$tmp/psql.err"; then
      fail "$who could run: $sql"
    elif ! grep -qE "permission denied|append-only" "$tmp/psql.err"; then
      fail "$who: $sql failed, but not as refused: $(cat "$tmp/psql.err")"
    fi
  done
done
# A clerk cannot append an entry in another's name either.
psql "$(pg_as alice)" -qAt -c "INSERT INTO journal (seq, time, actor, action, entity, key, prev_hash, hash)
  VALUES (1000, 't', 'bob', 'add', 'lease', 'x', 'p', 'h')" >/dev/null 2>"$tmp/psql.err" &&
  fail "alice appended a journal entry as bob"
[[ $(q "SELECT count(*) || ' ' || max(hash) FROM journal") == "$head" ]] || fail "the journal changed"
NUMREG_DB=$OWNER "$NUMREG" verify >"$tmp/verify.out" 2>&1 || fail "verify after all: $(cat "$tmp/verify.out")"

# A registry of schema 1 (no guard on its journal) gains it when opened.
q "DROP TRIGGER journal_append_only ON journal; DROP FUNCTION numreg_journal_append_only();
   UPDATE numreg_schema SET version = 1" >/dev/null
NUMREG_DB=$OWNER "$NUMREG" verify >"$tmp/verify.out" 2>&1 || fail "verify after migrating: $(cat "$tmp/verify.out")"
[[ $(q "SELECT version FROM numreg_schema") == 2 ]] || fail "the registry was not migrated"
psql "$OWNER" -qAt -c "DELETE FROM journal" >/dev/null 2>&1 && fail "the migrated journal can be deleted"

if [[ $fails -gt 0 ]]; then
  echo "pg_roles: $fails failures" >&2
  exit 1
fi
echo "pg_roles: ok (clerk of A refused on B's records and imports, inspector reads, records and takes its site results back, journal append-only)"
