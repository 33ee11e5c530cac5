#!/usr/bin/env bash
# A registry of schema 1 (its journal one row an entry, made by numreg before
# the compact journal: fixtures/registry-v1/make.sh) is moved to blocks when
# it is first opened: `log --json` shows every entry as the old numreg did,
# verify passes with the same head, and the old table is gone. A schema-1
# journal with an edited entry is not moved: the command fails, naming the
# entry, and the file is left as it was.
set -euo pipefail
NUMREG=$1
src=${NUMREG_SOURCE_DIR:?}
fix=$src/fixtures/registry-v1
command -v sqlite3 >/dev/null || { echo "migrate_journal: no sqlite3" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk LANG=C
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The schema-1 registry from its dump.
old_registry() {
  sqlite3 "$1" <"$fix/registry.sql"
  chmod 600 "$1"
  [ "$(sqlite3 "$1" "PRAGMA user_version")" = 1 ] || fail "the fixture is not schema 1"
}

db=$tmp/registry.db
old_registry "$db"
entries=$(sqlite3 "$db" "SELECT count(*) FROM journal")
[ "$entries" -gt 50 ] || fail "the fixture has only $entries journal entries"
old_head=$(sqlite3 "$db" "SELECT hash FROM journal ORDER BY seq DESC LIMIT 1")

# A schema-1 registry that cannot be written is not half-migrated: a clear
# refusal (74), the file as it was.
if mkdir "$tmp/ro" "$tmp/mnt" && old_registry "$tmp/ro/registry.db" &&
  mount --bind -o ro "$tmp/ro" "$tmp/mnt" 2>/dev/null; then
  if ! touch "$tmp/mnt/probe" 2>/dev/null; then
    rc=0
    NUMREG_DB=$tmp/mnt/registry.db "$NUMREG" log >/dev/null 2>"$tmp/ro.err" || rc=$?
    [ "$rc" = 74 ] && grep -q "has schema version 1, older than this numreg's .* and is read-only" "$tmp/ro.err" ||
      fail "a read-only schema-1 registry: expected exit 74 and the reason, got $rc: $(cat "$tmp/ro.err")"
    [ "$(sqlite3 "$tmp/ro/registry.db" "PRAGMA user_version")" = 1 ] || fail "the read-only registry changed"
  fi
  umount "$tmp/mnt"
fi

# Everything the old numreg showed, shown the same.
NUMREG_DB=$db "$NUMREG" --json log >"$tmp/log.json"
cmp -s "$tmp/log.json" "$fix/log.json" || fail "log --json differs: $(diff "$fix/log.json" "$tmp/log.json" | head -5)"
NUMREG_DB=$db "$NUMREG" log >"$tmp/log.txt"
cmp -s "$tmp/log.txt" "$fix/log.txt" || fail "log differs: $(diff "$fix/log.txt" "$tmp/log.txt" | head -5)"
NUMREG_DB=$db "$NUMREG" --json log --entity lease --key L-DF-0001 >"$tmp/lease.json"
cmp -s "$tmp/lease.json" "$fix/lease.json" || fail "log of a lease differs: $(diff "$fix/lease.json" "$tmp/lease.json" | head -5)"
[ "$(sqlite3 "$db" "PRAGMA user_version")" -ge 2 ] || fail "the registry was not migrated"
[ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_schema WHERE name = 'journal'")" = 0 ] ||
  fail "the old journal table is still there"
[ "$(sqlite3 "$db" "PRAGMA freelist_count")" = 0 ] ||
  fail "the old journal's pages were not given back: $(sqlite3 "$db" "PRAGMA freelist_count") free"
[ "$(sqlite3 "$db" "SELECT sum(count) FROM journal_blocks")" = "$entries" ] ||
  fail "the blocks do not hold $entries entries"
NUMREG_DB=$db "$NUMREG" verify >"$tmp/verify.out" 2>&1 || fail "verify after the migration: $(cat "$tmp/verify.out")"
grep -qF "ok: $entries journal entries, chain intact, head $old_head" "$tmp/verify.out" ||
  fail "verify does not end at the old head: $(cat "$tmp/verify.out")"
NUMREG_DB=$db "$NUMREG" verify --head "${old_head:0:12}" >/dev/null 2>&1 || fail "verify --head of the old head"
# And it keeps journaling.
NUMREG_DB=$db "$NUMREG" -q lease update L-DF-0001 --location "东方市八所镇永安西路 11 号" --reason 再次搬迁
NUMREG_DB=$db "$NUMREG" verify >/dev/null 2>&1 || fail "verify after a change on the migrated registry"

# An edited schema-1 journal is not moved, and the file is left as it was.
bad=$tmp/bad.db
old_registry "$bad"
sqlite3 "$bad" "UPDATE journal SET after = replace(after, '\"kind\":', '\"kind\": ') WHERE seq = 7"
[ "$(sqlite3 "$bad" "SELECT after LIKE '%\"kind\": %' FROM journal WHERE seq = 7")" = 1 ] || fail "entry 7 was not edited"
before=$(sqlite3 "$bad" .dump | sha256sum)
rc=0
NUMREG_DB=$bad "$NUMREG" log >"$tmp/bad.out" 2>&1 || rc=$?
[ $rc -eq 65 ] || fail "an edited schema-1 journal: exit $rc, expected 65: $(cat "$tmp/bad.out")"
grep -qF "journal entry 7 does not verify" "$tmp/bad.out" ||
  fail "an edited schema-1 journal: $(cat "$tmp/bad.out")"
[ "$(sqlite3 "$bad" .dump | sha256sum)" = "$before" ] || fail "a failed migration changed the registry"
[ "$(sqlite3 "$bad" "PRAGMA user_version")" = 1 ] || fail "a failed migration changed the version"

# Whatever is wrong, the refusal names the first entry that does not verify,
# and nothing is moved: entry 12's hash and entry 13's link to it both
# rewritten (the chain still links, the hash is not entry 12's); entry 30
# gone (a gap) after entry 20 was edited; the last entry's hash rewritten.
refused() {
  local name=$1 sql=$2 seq=$3 db=$tmp/$1.db rc=0
  old_registry "$db"
  sqlite3 "$db" "$sql"
  NUMREG_DB=$db "$NUMREG" log >"$tmp/$name.out" 2>&1 || rc=$?
  [ $rc -eq 65 ] && grep -qF "journal entry $seq does not verify" "$tmp/$name.out" ||
    fail "$name: expected exit 65 naming entry $seq, got $rc: $(cat "$tmp/$name.out")"
  [ "$(sqlite3 "$db" "PRAGMA user_version")" = 1 ] || fail "$name: the registry was migrated"
}
forged=$(printf 'f%.0s' {1..64})
refused forged-link "UPDATE journal SET hash = '$forged' WHERE seq = 12;
  UPDATE journal SET prev_hash = '$forged' WHERE seq = 13" 12
refused edit-then-gap "UPDATE journal SET key = key || 'x' WHERE seq = 20;
  DELETE FROM journal WHERE seq = 30" 20
refused gap "DELETE FROM journal WHERE seq = 30" 30
refused last-hash "UPDATE journal SET hash = '$forged' WHERE seq = $entries" "$entries"

[ $failures -eq 0 ] && echo "migrate_journal: ok ($entries entries moved to blocks, head kept)"
exit $((failures > 0))
