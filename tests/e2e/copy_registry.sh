#!/usr/bin/env bash
# numreg copy between two registry files, through both stores' interfaces:
# the copy verifies and reads the same as its source (log, every export, the
# audit, inspections); a target that holds anything, the source itself, a
# missing source, a busy target and a failure midway are refused with their
# exit code and leave the target as it was (a file the copy created is gone).
# The PostgreSQL directions are in pg_copy.sh.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/copy_lib.bash"
tmp=$(mktemp -d)
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk
unset NUMREG_DB
fails=0
fail() {
  echo "FAIL: $*" >&2
  fails=$((fails + 1))
}

# expect CODE LINE ARGS...: numreg ARGS exits CODE and says exactly LINE on stderr.
expect() {
  local code=$1 line=$2 rc=0
  shift 2
  "$numreg" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [[ $rc == "$code" ]] || fail "numreg $* exited $rc, expected $code: $(cat "$tmp/err")"
  [[ "$(cat "$tmp/err")" == "$line" ]] || fail "numreg $* said: $(cat "$tmp/err") -- expected: $line"
}

lite=$tmp/source.db
copy_source "$lite"
copy_outputs "$lite" "$tmp/source"

# Into a file that does not exist: created, verified, the same.
"$numreg" copy --from "$lite" --to "$tmp/copy.db" >"$tmp/copy.out" || fail "copy into a new file failed"
head -1 "$tmp/copy.out" | grep -qxF "copied $lite to $tmp/copy.db, a new registry" ||
  fail "copy's first line: $(head -1 "$tmp/copy.out")"
grep -qxF "ok: sqlite integrity and foreign keys" "$tmp/copy.out" || fail "copy did not say what it checked"
[[ "$(stat -c %a "$tmp/copy.db")" == 600 ]] || fail "the copy is not mode 0600"
"$numreg" --db "$tmp/copy.db" verify >/dev/null || fail "verify fails on the copy"
copy_outputs "$tmp/copy.db" "$tmp/copy"
copy_same "$tmp/source" "$tmp/copy" || fail "the copy reads differently from its source"

# --json: one document; its counts and head are the source's.
"$numreg" --json copy --from "$lite" --to "$tmp/copy-json.db" >"$tmp/copy.json"
python3 - "$tmp/copy.json" "$tmp/source/verify.json" "$tmp/source/inspections.json" <<'PY' || fail "copy --json"
import json, sys
copy, verify, inspections = (json.load(open(p)) for p in sys.argv[1:4])
assert copy["created"] is True, copy
assert copy["entries"] == verify["entries"] and copy["head"] == verify["head"], (copy, verify)
for kind, n in verify["records"].items():
    assert copy["tables"][kind] == n, (kind, copy["tables"][kind], n)
assert copy["tables"]["inspections"] == len(inspections) == 1, copy
assert copy["replayed"] == sum(verify["records"].values()), copy
assert list(copy) == ["from", "to", "created", "tables", "entries", "head", "replayed", "checked"]
PY

# Into a registry made by init: the same again.
"$numreg" --db "$tmp/empty.db" -q init
"$numreg" -q copy --from "$tmp/copy.db" --to "$tmp/empty.db" || fail "copy into an empty registry failed"
copy_outputs "$tmp/empty.db" "$tmp/empty"
copy_same "$tmp/source" "$tmp/empty" || fail "the copy of the copy reads differently"

# Refusals. A target with entries stays as it was.
entries=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["entries"])' "$tmp/source/verify.json")
records=$(python3 -c 'import json,sys; print(sum(json.load(open(sys.argv[1]))["tables"].values()))' "$tmp/copy.json")
sqlite3 "$tmp/copy.db" .dump >"$tmp/copy.before"
expect 65 "numreg: error: --to: $tmp/copy.db already holds $records records and $entries journal entries: copy writes only into an empty registry" \
  copy --from "$lite" --to "$tmp/copy.db"
sqlite3 "$tmp/copy.db" .dump | cmp -s - "$tmp/copy.before" || fail "a refused copy changed its target"
expect 64 "numreg: error: --from and --to name the same registry: copy writes into another" \
  copy --from "$lite" --to "$lite"
expect 69 "numreg: error: --from: no registry at $tmp/none.db (run \`numreg init\` to create it)" \
  copy --from "$tmp/none.db" --to "$tmp/never.db"
[[ ! -e $tmp/never.db ]] || fail "a copy from nothing created its target"
expect 64 "numreg: error: --to: this numreg has no store for mysql:// registries yet (give the path of a registry file)" \
  copy --from "$lite" --to "mysql://localhost/numreg"
echo "not a registry" >"$tmp/text.db"
rc=0
"$numreg" copy --from "$tmp/text.db" --to "$tmp/never.db" 2>"$tmp/err" || rc=$?
[[ $rc == 65 || $rc == 69 ]] && grep -q "^numreg: error: --from: " "$tmp/err" ||
  fail "a source that is no registry: exit $rc, $(cat "$tmp/err")"
[[ ! -e $tmp/never.db ]] || fail "a copy from a file that is no registry created its target"
expect 64 "numreg: error: --to is required
run 'numreg copy --help' for help" copy --from "$lite"

# A busy target: another writer holds it past the busy timeout; exit 75.
"$numreg" --db "$tmp/busy.db" -q init
sqlite3 "$tmp/busy.db" .dump >"$tmp/busy.before"
{ echo "BEGIN IMMEDIATE;"; sleep 3; echo "COMMIT;"; } | sqlite3 "$tmp/busy.db" &
holder=$!
sleep 0.5
NUMREG_BUSY_TIMEOUT_MS=300 expect 75 "numreg: error: registry $tmp/busy.db is busy: another numreg held it for 300 ms (try again)" \
  copy --from "$lite" --to "$tmp/busy.db"
wait "$holder"
sqlite3 "$tmp/busy.db" .dump | cmp -s - "$tmp/busy.before" || fail "a busy target changed"

# A failure midway: the target's journal refuses its 20th entry after every
# table was written. The target holds nothing afterwards.
"$numreg" --db "$tmp/mid.db" -q init
sqlite3 "$tmp/mid.db" "CREATE TRIGGER fault BEFORE INSERT ON journal_blocks WHEN NEW.first_seq + NEW.count > 20 BEGIN SELECT RAISE(ABORT, 'injected fault'); END;"
sqlite3 "$tmp/mid.db" .dump >"$tmp/mid.before"
rc=0
"$numreg" copy --from "$lite" --to "$tmp/mid.db" 2>"$tmp/err" || rc=$?
[[ $rc != 0 ]] && grep -q "injected fault" "$tmp/err" || fail "the injected fault: exit $rc, $(cat "$tmp/err")"
sqlite3 "$tmp/mid.db" .dump | cmp -s - "$tmp/mid.before" || fail "a copy that failed midway left rows behind"

# A failure midway into a new file: the source's last journal block changed
# (found when the chain is read, after every table was written): exit 65,
# and the file the copy created is gone.
"$numreg" --db "$lite" -q backup "$tmp/tampered.db"
sqlite3 "$tmp/tampered.db" "UPDATE journal_blocks SET hash = '$(printf '0%.0s' {1..64})' WHERE first_seq = (SELECT max(first_seq) FROM journal_blocks)"
rc=0
"$numreg" copy --from "$tmp/tampered.db" --to "$tmp/new.db" 2>"$tmp/err" || rc=$?
[[ $rc == 65 ]] && grep -q "^numreg: error: --from: journal entr.* changed after it was written" "$tmp/err" ||
  fail "a source whose chain breaks: exit $rc, $(cat "$tmp/err")"
[[ ! -e $tmp/new.db ]] || fail "a copy that failed midway left the file it created"

# A new file that cannot be written (a file-size limit): the file is removed.
rc=0
(ulimit -f 64; trap '' XFSZ; exec "$numreg" copy --from "$lite" --to "$tmp/small.db") 2>"$tmp/err" || rc=$?
[[ $rc == 74 || $rc == 73 ]] || fail "a copy past the file-size limit: exit $rc, $(cat "$tmp/err")"
[[ ! -e $tmp/small.db ]] || fail "a copy that failed left the file it created"

[[ $fails == 0 ]] || exit 1
echo "copy_registry: ok (file to file, same outputs; non-empty, same, missing, busy targets and failures midway refused, targets unchanged)"
