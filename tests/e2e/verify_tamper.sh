#!/usr/bin/env bash
# verify proves the tables by the journal: a registry changed behind numreg's
# back with sqlite3 fails `verify` (exit 65) with a message naming what
# differs, whether an entry was deleted (the newest too), edited (and the
# chain after it recomputed), a record row edited, deleted or inserted
# without an entry, or an older consistent copy is checked against a later
# checkpoint. A clean registry passes.
set -euo pipefail
NUMREG=$1
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk LANG=C
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# The registry every case starts from: the Hainan fixtures imported, then
# clerks' changes of every kind, the newest a lease's new access location.
base=$tmp/base.db
export NUMREG_DB=$base
"$NUMREG" -q init
"$NUMREG" -q import "$src"/fixtures/hainan/*
"$NUMREG" -q holder add --uscc 91469007MA5TDF0204 --name 东方市渔港通讯服务有限公司 --kind enterprise \
  --region 东方 --legal-rep 陈东 --legal-rep-id 46900719851212001X
"$NUMREG" -q credential add --holder 91469007MA5TDF0204 --kind vas_licence --number 琼B2-20260031 \
  --issuer 海南省通信管理局 --valid-from 2026-01-01 --valid-to 2030-12-31
"$NUMREG" -q resource add --id TRK-DF-0001 --kind trunk --region 东方
"$NUMREG" -q lease add --id L-DF-0001 --resource TRK-DF-0001 --holder 91469007MA5TDF0204 \
  --region 东方 --location "东方市八所镇解放西路 3 号" --purpose customer_service --start 2026-02-01 \
  --permitted-callers "0898-2558 1000..0898-2558 1099;0898-2558 2000"
"$NUMREG" -q permit add --lease L-DF-0001 --first "0898-2558 3000" --last "0898-2558 3009"
"$NUMREG" -q permit remove --lease L-DF-0001 --first "0898-2558 2000" --reason 号码回收
"$NUMREG" -q holder blacklist 91469007MA5TDF0204 --reason 骚扰投诉
"$NUMREG" -q lease update L-DF-0001 --location "东方市八所镇永安西路 9 号" --reason 机房搬迁

# verify on registry `db` must fail with exit 65 and print `expected`.
caught() {
  local name=$1 db=$2 expected=$3
  shift 3
  local rc=0
  NUMREG_DB=$db "$NUMREG" verify "$@" >"$tmp/$name.out" 2>&1 || rc=$?
  if [ $rc -ne 65 ]; then
    fail "$name: verify exited $rc, expected 65: $(cat "$tmp/$name.out")"
  elif ! grep -qF -- "$expected" "$tmp/$name.out"; then
    fail "$name: verify did not say '$expected': $(cat "$tmp/$name.out")"
  fi
}

# Change the journal's blocks as a forger would: decode every block (the
# zlib of each entry's action, entity, key, before and after, column by
# column, each field as its length, ':' and its bytes, or '-'), run the
# Python `code` on `blocks` (each a dict of the block's fields and its
# `entries`), encode them again, and with "rehash" recompute every hash.
forge() {
  python3 - "$@" <<'EOF'
import hashlib, json, sqlite3, sys, zlib
db = sqlite3.connect(sys.argv[1])
code, rehash = sys.argv[2], len(sys.argv) > 3 and sys.argv[3] == "rehash"
names = dict(db.execute("SELECT id, name FROM journal_batches"))
FIELDS = ("action", "entity", "key", "before", "after")

def decode(blob, count):
    text, pos, columns = zlib.decompress(blob), 1, []
    for _ in FIELDS:
        column = []
        for _ in range(count):
            if text[pos:pos + 1] == b"-":
                column.append(None)
                pos += 1
                continue
            colon = text.index(b":", pos)
            end = colon + 1 + int(text[pos:colon])
            column.append(text[colon + 1:end].decode())
            pos = end
        columns.append(column)
    return [dict(zip(FIELDS, values)) for values in zip(*columns)]

def put(value):
    if value is None:
        return b"-"
    data = value.encode()
    return str(len(data)).encode() + b":" + data

def encode(entries):
    return zlib.compress(b"1" + b"".join(put(e[f]) for f in FIELDS for e in entries))

blocks = []
for first, count, time, actor, reason, batch, blob, h in db.execute(
        "SELECT first_seq, count, time, actor, reason, batch, entries, hash FROM journal_blocks "
        "ORDER BY first_seq"):
    entries = decode(blob, count)
    for i, e in enumerate(entries):
        e["seq"] = first + i
    blocks.append(dict(first_seq=first, time=time, actor=actor, reason=reason,
                       batch=names.get(batch), entries=entries, hash=h))
exec(code)
prev = "0" * 64
for b in blocks:
    for i, e in enumerate(b["entries"]):
        row = [b["first_seq"] + i, b["time"], b["actor"]] + [e[f] for f in FIELDS]
        text = json.dumps(row + [b["reason"], b["batch"], prev], ensure_ascii=False,
                          separators=(",", ":"))
        prev = hashlib.sha256(text.encode()).hexdigest()
    if rehash:
        b["hash"] = prev
    else:
        prev = b["hash"]
    db.execute("UPDATE journal_blocks SET count = ?, reason = ?, entries = ?, hash = ? "
               "WHERE first_seq = ?", (len(b["entries"]), b["reason"], encode(b["entries"]),
                                       b["hash"], b["first_seq"]))
db.commit()
EOF
}

# Every entry of every block, for `forge` code.
entries='[e for b in blocks for e in b["entries"]]'

# A copy of the base registry changed by `sql`.
tampered() {
  local name=$1 sql=$2
  cp "$base" "$tmp/$name.db"
  sqlite3 "$tmp/$name.db" "$sql" >/dev/null
  echo "$tmp/$name.db"
}

# The clean registry passes, and says how many records it compared.
"$NUMREG" verify >"$tmp/clean.out" 2>&1 || fail "clean registry: $(cat "$tmp/clean.out")"
grep -q "records in the tables match the journal's replay" "$tmp/clean.out" ||
  fail "clean registry: no replay line: $(cat "$tmp/clean.out")"
newest=$(sqlite3 "$base" "SELECT max(first_seq + count - 1) FROM journal_blocks")

# The newest entry deleted: the chain still links, but the lease's location
# in the table is not what the journal now ends with.
db=$(tampered newest-deleted "DELETE FROM journal_blocks WHERE first_seq = $newest")
caught newest-deleted "$db" "lease 'L-DF-0001': location is '东方市八所镇永安西路 9 号' in the tables but '东方市八所镇解放西路 3 号' in journal entry"

# An entry in the middle deleted: the chain has a gap.
db=$(tampered middle-deleted "DELETE FROM journal_blocks WHERE first_seq = $newest - 3")
caught middle-deleted "$db" "journal entry $((newest - 3)) is missing"

# An entry edited: its hash no longer matches.
db=$(tampered entry-edited "SELECT 1")
forge "$db" "for e in $entries:
    if e['seq'] == $newest - 4: e['after'] = e['after'].replace('解放西路 3 号', '解放西路 5 号')"
caught entry-edited "$db" "journal entry $((newest - 4)) does not match its hash"

# The import's block: an entry of it edited, or taken out of it; its
# compressed bytes changed.
import_block=$(sqlite3 "$base" "SELECT first_seq || ' to ' || (first_seq + count - 1) FROM journal_blocks WHERE first_seq = 1")
[ "$(sqlite3 "$base" "SELECT count FROM journal_blocks WHERE first_seq = 1")" -gt 5 ] ||
  fail "the import did not write its entries as one block"
db=$(tampered block-entry-edited "SELECT 1")
forge "$db" "blocks[0]['entries'][4]['after'] = blocks[0]['entries'][4]['after'].replace(':', ': ', 1)"
caught block-entry-edited "$db" "journal entries $import_block do not match their hash"
db=$(tampered block-entry-removed "SELECT 1")
forge "$db" "del blocks[0]['entries'][4]"
caught block-entry-removed "$db" "journal entries 1 to $(($(sqlite3 "$base" "SELECT count FROM journal_blocks WHERE first_seq = 1") - 1)) do not match their hash"
db=$(tampered block-bytes-edited \
  "UPDATE journal_blocks SET entries = substr(entries, 1, 40) || x'5a' || substr(entries, 42) WHERE first_seq = 1")
caught block-bytes-edited "$db" "journal entries $import_block do not decode"

# An entry edited and every hash after it recomputed: the chain links, but
# the replay makes a different lease than the table holds.
db=$(tampered entry-rehashed "SELECT 1")
forge "$db" "for e in $entries:
    if (e['entity'], e['key'], e['action']) == ('lease', 'L-DF-0001', 'add'):
        e['after'] = e['after'].replace('\"purpose\":\"customer_service\"', '\"purpose\":\"marketing\"')" rehash
json=$(NUMREG_DB=$db "$NUMREG" --json verify 2>/dev/null || true)
grep -q '"first_bad": null' <<<"$json" ||
  fail "entry-rehashed: the recomputed chain does not link, the case tests nothing"
caught entry-rehashed "$db" "lease 'L-DF-0001': journal entry $((newest)) found purpose 'customer_service', but entry"
# The newest entry edited, and the chain recomputed: the table differs.
db=$(tampered newest-rehashed "SELECT 1")
forge "$db" "for e in $entries:
    if e['seq'] == $newest: e['after'] = e['after'].replace('永安西路 9 号', '永安西路 19 号')" rehash
caught newest-rehashed "$db" "lease 'L-DF-0001': location is '东方市八所镇永安西路 9 号' in the tables but '东方市八所镇永安西路 19 号' in journal entry $newest"

# A record row edited: a lease's access location.
db=$(tampered row-edited "UPDATE leases SET location = '海口市美兰区' WHERE id = 'DZ-2019-001'")
caught row-edited "$db" "lease 'DZ-2019-001': location is '海口市美兰区' in the tables but '儋州市那大镇人民中路 18 号 3 楼机房' in journal entry"

# A record row deleted: a credential (nothing refers to it).
db=$(tampered row-deleted "DELETE FROM credentials WHERE number = '琼B2-20260031'")
caught row-deleted "$db" "credential '91469007MA5TDF0204/vas_licence/琼B2-20260031' is missing from the tables: journal entry"

# A record inserted without an entry: a holder, and a permit range.
db=$(tampered row-inserted \
  "INSERT INTO holders (uscc, name, kind) VALUES ('91460100MA5RC0001Y', '海口影子公司', 'enterprise')")
caught row-inserted "$db" "holder '91460100MA5RC0001Y' is in the tables but no journal entry wrote it"
db=$(tampered permit-inserted \
  "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) SELECT lease, '+8689825589000', '+8689825589999', first_key + 8000, first_key + 8999, 10 FROM permits WHERE lease = 'L-DF-0001' LIMIT 1")
caught permit-inserted "$db" "permit 'L-DF-0001/+8689825589000' is in the tables but no journal entry wrote it"
db=$(tampered permit-deleted "DELETE FROM permits WHERE lease = 'L-DF-0001' AND first = '+8689825583000'")
caught permit-deleted "$db" "permit 'L-DF-0001/+8689825583000' is missing from the tables: journal entry"
# A removed permit put back.
db=$(tampered permit-restored \
  "INSERT INTO permits (lease, first, last, first_key, last_key, span_class) SELECT lease, '+8689825582000', '+8689825582000', first_key + 1000, first_key + 1000, 0 FROM permits WHERE lease = 'L-DF-0001' AND first = '+8689825581000'")
caught permit-restored "$db" "permit 'L-DF-0001/+8689825582000' is in the tables but no journal entry wrote it"

# An older consistent copy checked against a later checkpoint; the current
# registry holds it. Signed with an Ed25519 key, the signature is checked.
old=$tmp/old.db
"$NUMREG" -q backup "$old"
"$NUMREG" -q lease end L-DF-0001 --date 2026-11-29 --reason 合同到期
openssl genpkey -algorithm ed25519 -out "$tmp/inspector.pem" 2>/dev/null
openssl pkey -in "$tmp/inspector.pem" -pubout -out "$tmp/inspector.pub.pem"
"$NUMREG" -q checkpoint -o "$tmp/cp.txt" --key "$tmp/inspector.pem"
grep -q "^head $(sqlite3 "$NUMREG_DB" "SELECT hash FROM journal_blocks ORDER BY first_seq DESC LIMIT 1")$" "$tmp/cp.txt" ||
  fail "checkpoint: no head line: $(cat "$tmp/cp.txt")"
"$NUMREG" verify --checkpoint "$tmp/cp.txt" --key "$tmp/inspector.pub.pem" >"$tmp/cp.out" 2>&1 ||
  fail "checkpoint of the registry itself: $(cat "$tmp/cp.out")"
NUMREG_DB=$old "$NUMREG" verify >/dev/null 2>&1 || fail "the older copy is not consistent on its own"
caught older-copy "$old" "the journal ends at entry" --checkpoint "$tmp/cp.txt"
# As many entries, the chain recomputed after a changed one: another history.
db=$(tampered rewritten "UPDATE journal_blocks SET reason = '合同提前终止' WHERE first_seq = (SELECT max(first_seq) FROM journal_blocks)")
forge "$db" "" rehash
caught rewritten "$db" "is not the checkpoint's head" --checkpoint "$tmp/cp.txt"
# A signed checkpoint changed, or checked with another key.
sed 's/^seq .*/seq 1/' "$tmp/cp.txt" >"$tmp/cp-edited.txt"
caught signature-edited "$NUMREG_DB" "does not match key" --checkpoint "$tmp/cp-edited.txt" --key "$tmp/inspector.pub.pem"
openssl genpkey -algorithm ed25519 -out "$tmp/other.pem" 2>/dev/null
openssl pkey -in "$tmp/other.pem" -pubout -out "$tmp/other.pub.pem"
caught signature-other-key "$NUMREG_DB" "does not match key" --checkpoint "$tmp/cp.txt" --key "$tmp/other.pub.pem"

# verify --head: the head an audit sheet printed, in full or its first 12
# digits; too short is a usage error, a head the journal lacks a data error.
head=$("$NUMREG" --json verify | python3 -c 'import json,sys; print(json.load(sys.stdin)["head"])')
"$NUMREG" verify --head "$head" >/dev/null 2>&1 || fail "verify --head with the full head failed"
"$NUMREG" verify --head "${head:0:12}" >/dev/null 2>&1 || fail "verify --head with 12 digits failed"
rc=0
"$NUMREG" verify --head "${head:0:8}" >/dev/null 2>&1 || rc=$?
[ $rc -eq 64 ] || fail "verify --head with 8 digits exited $rc, expected 64"
caught head-of-later "$old" "no journal entry has the head" --head "$head"

[ $failures -eq 0 ] && echo "verify_tamper: ok"
exit $((failures > 0))
