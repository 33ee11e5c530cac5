#!/usr/bin/env bash
# numreg copy across stores: a registry file (the Hainan fixtures, a clerk's
# changes, an audit recorded) copied to PostgreSQL and back to a file. Each
# copy verifies, and its log, every export, audit and inspections read byte
# for byte as the source's. Copying into a PostgreSQL registry that holds
# anything is refused and leaves it as it was; a failure midway (the
# target's journal refusing an entry) leaves it empty; an unreachable target
# is exit 69.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
source "$src/tests/e2e/copy_lib.bash"
pg_start copy
fails=0
fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}
psql_q() { psql "$1" -qAt -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "$2"; }

lite=$tmp/source.db
copy_source "$lite"
copy_outputs "$lite" "$tmp/source"

# File -> PostgreSQL (a database without numreg's schema: the copy creates it).
"$numreg" copy --from "$lite" --to "$PG_URI" >"$tmp/to_pg.out" 2>"$tmp/to_pg.err" ||
  fail "copy to PostgreSQL failed: $(cat "$tmp/to_pg.err")"
grep -qxF "ok: postgresql foreign keys hold (7 checked by query)" "$tmp/to_pg.out" ||
  fail "copy to PostgreSQL did not say what it checked: $(cat "$tmp/to_pg.out")"
"$numreg" --db "$PG_URI" verify >/dev/null || fail "verify fails on the PostgreSQL copy"
copy_outputs "$PG_URI" "$tmp/pg"
copy_same "$tmp/source" "$tmp/pg" || fail "the PostgreSQL copy reads differently from its source"

# PostgreSQL -> file.
"$numreg" --json copy --from "$PG_URI" --to "$tmp/back.db" >"$tmp/back.json" ||
  fail "copy from PostgreSQL failed"
"$numreg" --db "$tmp/back.db" verify >/dev/null || fail "verify fails on the copy back"
copy_outputs "$tmp/back.db" "$tmp/back"
copy_same "$tmp/source" "$tmp/back" || fail "the copy back reads differently from its source"
python3 - "$tmp/back.json" "$tmp/source/verify.json" <<'PY' || fail "copy --json from PostgreSQL"
import json, sys
copy, verify = (json.load(open(p)) for p in sys.argv[1:3])
assert copy["entries"] == verify["entries"] and copy["head"] == verify["head"], (copy, verify)
assert all(copy["tables"][k] == n for k, n in verify["records"].items()), copy
PY

# Into a PostgreSQL registry that holds a registry already: refused, unchanged.
rc=0
"$numreg" copy --from "$tmp/back.db" --to "$PG_URI" 2>"$tmp/err" || rc=$?
[[ $rc == 65 ]] && grep -q "^numreg: error: --to: .* already holds [0-9]* records and [0-9]* journal entries: copy writes only into an empty registry$" "$tmp/err" ||
  fail "copy into a full PostgreSQL registry: exit $rc, $(cat "$tmp/err")"
copy_outputs "$PG_URI" "$tmp/pg_after"
copy_same "$tmp/pg" "$tmp/pg_after" || fail "a refused copy changed the PostgreSQL registry"

# A failure midway: a second database whose journal refuses entry 20, after
# every table was written. Nothing stays.
mid="t_copy_mid_$$"
psql_q "$NUMREG_TEST_PG" "DROP DATABASE IF EXISTS $mid" >/dev/null
psql_q "$NUMREG_TEST_PG" "CREATE DATABASE $mid" >/dev/null
trap 'psql_q "$NUMREG_TEST_PG" "DROP DATABASE IF EXISTS $mid WITH (FORCE)" >/dev/null 2>&1; pg_drop; [[ -n "${KEEP:-}" ]] || rm -rf "$tmp"' EXIT
mid_uri=$(sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$mid#" <<<"$NUMREG_TEST_PG")
"$numreg" --db "$mid_uri" -q init
psql_q "$mid_uri" "CREATE FUNCTION fault() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN IF NEW.seq >= 20 THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END \$\$;
  CREATE TRIGGER fault BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION fault();" >/dev/null
rc=0
"$numreg" copy --from "$lite" --to "$mid_uri" 2>"$tmp/err" || rc=$?
[[ $rc != 0 ]] && grep -q "injected fault" "$tmp/err" || fail "the injected fault: exit $rc, $(cat "$tmp/err")"
left=$(psql_q "$mid_uri" "SELECT (SELECT count(*) FROM holders) + (SELECT count(*) FROM resources) +
  (SELECT count(*) FROM leases) + (SELECT count(*) FROM permits) + (SELECT count(*) FROM inspections) +
  (SELECT count(*) FROM journal) + (SELECT count(*) FROM span_classes)")
[[ $left == 0 ]] || fail "a copy that failed midway left $left rows in PostgreSQL"

# An unreachable target: exit 69, said on one line.
rc=0
"$numreg" copy --from "$lite" --to "postgresql://127.0.0.1:1/numreg?connect_timeout=2" 2>"$tmp/err" || rc=$?
[[ $rc == 69 ]] && grep -q "^numreg: error: --to: cannot open registry postgresql://127.0.0.1:1/numreg" "$tmp/err" ||
  fail "an unreachable target: exit $rc, $(cat "$tmp/err")"

[[ $fails == 0 ]] || exit 1
echo "pg_copy: ok (file -> PostgreSQL -> file, same outputs; a full target refused, a failure midway left nothing, an unreachable target 69)"
