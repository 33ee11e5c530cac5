#!/usr/bin/env bash
# Faults of the file system and the registry file: each gives one clear line
# on stderr and its exit code, and leaves the registry as it was.
#   a missing directory (69; init 73), a read-only registry (reads work,
#   writes 74), a full disk (74), a registry written by a newer numreg (69),
#   a damaged registry (65, or 69 when its header is gone).
# Mounts happen in a private mount namespace (unshare -m) that ends with the
# test; where that or a mount is not allowed, the part says why it is skipped.
# FAULTS_NO_MOUNT=1 tries the fallbacks (chattr +i, ulimit -f) instead.
set -euo pipefail
NUMREG=$1
if [ -z "${NUMREG_FAULTS_NS:-}" ] && [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
  NUMREG_FAULTS_NS=1 exec unshare -m bash "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'umount -q "$tmp/mnt" 2>/dev/null || true; chattr -i "$tmp"/*.db 2>/dev/null || true; rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk
unset NUMREG_DB
failures=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# expect CODE LINE ARGS...: numreg ARGS exits CODE and writes exactly LINE to stderr.
expect() {
  local code=$1 line=$2 rc=0
  shift 2
  "$NUMREG" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ "$rc" = "$code" ] || fail "numreg $* exited $rc, expected $code"
  [ "$(cat "$tmp/err")" = "$line" ] || fail "numreg $* said: $(cat "$tmp/err") -- expected: $line"
}

# The ledger's content (every table, by sqlite3 .dump) and the file's checksum.
ledger_dump() { sqlite3 "$1" .dump; }

make_registry() {  # make_registry PATH: a small registry with a few leases
  export NUMREG_DB=$1
  "$NUMREG" -q init
  "$NUMREG" -q holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise \
    --region 460400
  "$NUMREG" -q resource add --id TRK-DZ-0001 --kind trunk --region 儋州
  local i
  for i in $(seq -w 1 20); do
    "$NUMREG" -q lease add --id "L-DZ-00$i" --resource TRK-DZ-0001 --holder 91460400MA5TDR015T \
      --purpose customer_service --start 2026-01-01 --region 460400 \
      --location "儋州市那大镇中兴大街 $i 号 $(printf 'x%.0s' $(seq 1 600))"
  done
  unset NUMREG_DB
}

add_lease=(lease add --id L-NEW --resource TRK-DZ-0001 --holder 91460400MA5TDR015T
  --purpose customer_service --start 2026-01-01)

make_registry "$tmp/base.db"
ledger_dump "$tmp/base.db" >"$tmp/base.sql"

# --- A missing directory ----------------------------------------------------
expect 69 "numreg: error: no registry at $tmp/missing/registry.db (run \`numreg init\` to create it)" \
  --db "$tmp/missing/registry.db" lease list
expect 69 "numreg: error: no registry at $tmp/missing/registry.db (run \`numreg init\` to create it)" \
  --db "$tmp/missing/registry.db" "${add_lease[@]}"
[ ! -e "$tmp/missing" ] || fail "a command on a missing registry created $tmp/missing"
touch "$tmp/plain-file"
expect 73 "numreg: error: cannot create registry $tmp/plain-file/registry.db: Not a directory" \
  --db "$tmp/plain-file/registry.db" init

# --- A read-only registry ---------------------------------------------------
# Root writes through file modes, so 0400 alone proves nothing here: use a
# read-only bind mount, else the immutable attribute.
cp "$tmp/base.db" "$tmp/ro.db"
mkdir -p "$tmp/ro" "$tmp/mnt"
cp "$tmp/base.db" "$tmp/ro/registry.db"
chmod 0400 "$tmp/ro/registry.db"
ro_db=""
if [ "$(id -u)" != 0 ]; then
  ro_db=$tmp/ro/registry.db
  chmod 0500 "$tmp/ro"
elif [ -z "${FAULTS_NO_MOUNT:-}" ] && mount --bind -o ro "$tmp/ro" "$tmp/mnt" 2>/dev/null && ! touch "$tmp/mnt/probe" 2>/dev/null; then
  ro_db=$tmp/mnt/registry.db
  echo "faults: read-only registry on a read-only bind mount"
elif chattr +i "$tmp/ro.db" 2>/dev/null; then
  ro_db=$tmp/ro.db
  echo "faults: read-only registry by chattr +i"
else
  echo "faults: SKIP read-only registry: no read-only mount and no chattr +i here (running as root)"
fi
if [ -n "$ro_db" ]; then
  ro_line="numreg: error: registry $ro_db is read-only: numreg must be able to write the file and its directory"
  expect 74 "$ro_line" --db "$ro_db" "${add_lease[@]}"
  expect 74 "$ro_line" --db "$ro_db" lease update L-DZ-0001 --status suspended
  # Reading needs no write access: the list is the writable registry's.
  NUMREG_DB=$tmp/base.db "$NUMREG" lease list --wide >"$tmp/list-base"
  "$NUMREG" --db "$ro_db" lease list --wide >"$tmp/list-ro" 2>"$tmp/err" ||
    fail "lease list on a read-only registry failed: $(cat "$tmp/err")"
  cmp -s "$tmp/list-base" "$tmp/list-ro" || fail "lease list on a read-only registry differs"
  "$NUMREG" --db "$ro_db" verify >/dev/null 2>"$tmp/err" ||
    fail "verify on a read-only registry failed: $(cat "$tmp/err")"
  expect 74 "$ro_line" --db "$ro_db" holder blacklist 91460400MA5TDR015T --reason test
  umount -q "$tmp/mnt" 2>/dev/null || true
  chattr -i "$tmp/ro.db" 2>/dev/null || true
  chmod 0700 "$tmp/ro"
  for db in "$tmp/ro/registry.db" "$tmp/ro.db"; do
    ledger_dump "$db" | cmp -s - "$tmp/base.sql" || fail "the read-only registry $db changed"
  done
fi

# --- A full disk --------------------------------------------------------------
# A small tmpfs nearly filled; else a file-size limit (RLIMIT_FSIZE) with
# SIGXFSZ ignored, so that the write fails instead of killing numreg.
big_scope=$(head -c 100000 /dev/zero | tr '\0' a)
if [ -z "${FAULTS_NO_MOUNT:-}" ] && mount -t tmpfs -o size=600k tmpfs "$tmp/mnt" 2>/dev/null; then
  echo "faults: full disk on a 600 KiB tmpfs"
  cp "$tmp/base.db" "$tmp/mnt/registry.db"
  free_kib=$(df -k --output=avail "$tmp/mnt" | tail -1)
  head -c $(((free_kib - 40) * 1024)) /dev/zero >"$tmp/mnt/filler"
  full_db=$tmp/mnt/registry.db
  expect 74 "numreg: error: cannot write registry $full_db: the disk is full (nothing was changed)" \
    --db "$full_db" holder update 91460400MA5TDR015T --scope "$big_scope"
  ledger_dump "$full_db" | cmp -s - "$tmp/base.sql" || fail "the registry on a full disk changed"
  "$NUMREG" --db "$full_db" verify >/dev/null || fail "verify failed after a full disk"
  rm "$full_db"
  cat /dev/zero >>"$tmp/mnt/filler" 2>/dev/null || true
  expect 74 "numreg: error: cannot write registry $full_db: the disk is full (nothing was changed)" \
    --db "$full_db" init
  [ ! -e "$full_db" ] || fail "a failed init left $full_db behind"
  umount -q "$tmp/mnt"
else
  echo "faults: full disk by RLIMIT_FSIZE (ulimit -f; no tmpfs mount here)"
  cp "$tmp/base.db" "$tmp/fsize.db"
  rc=0
  (trap '' XFSZ; ulimit -f 64; exec "$NUMREG" --db "$tmp/fsize.db" holder update \
    91460400MA5TDR015T --scope "$big_scope") 2>"$tmp/err" || rc=$?
  [ "$rc" = 74 ] || fail "a write past the file-size limit exited $rc, expected 74"
  [ "$(cat "$tmp/err")" = "numreg: error: cannot read or write registry $tmp/fsize.db: disk I/O error" ] ||
    fail "a write past the file-size limit said: $(cat "$tmp/err")"
  ledger_dump "$tmp/fsize.db" | cmp -s - "$tmp/base.sql" || fail "the registry past its size limit changed"
fi

# --- A registry written by a newer numreg --------------------------------------
cp "$tmp/base.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
sum=$(sha256sum <"$tmp/newer.db")
newer_line="numreg: error: registry $tmp/newer.db has schema version 99 but this numreg knows only up to 2: upgrade numreg"
expect 69 "$newer_line" --db "$tmp/newer.db" lease list
expect 69 "$newer_line" --db "$tmp/newer.db" "${add_lease[@]}"
expect 69 "$newer_line" --db "$tmp/newer.db" init
[ "$(sha256sum <"$tmp/newer.db")" = "$sum" ] || fail "the newer registry changed"

# --- A damaged registry -------------------------------------------------------
# The middle half of its pages overwritten: reads and writes fail.
cp "$tmp/base.db" "$tmp/damaged.db"
pages=$(sqlite3 "$tmp/damaged.db" "PRAGMA page_count")
head -c $((pages / 2 * 4096)) < <(yes 'numreg damaged page') |
  dd of="$tmp/damaged.db" bs=4096 seek=$((pages / 4)) conv=notrunc status=none
sum=$(sha256sum <"$tmp/damaged.db")
damaged_line="numreg: error: registry $tmp/damaged.db is damaged or not a numreg registry: database disk image is malformed"
expect 65 "$damaged_line" --db "$tmp/damaged.db" lease list
expect 65 "$damaged_line" --db "$tmp/damaged.db" "${add_lease[@]}"
expect 65 "$damaged_line" --db "$tmp/damaged.db" verify
[ "$(sha256sum <"$tmp/damaged.db")" = "$sum" ] || fail "the damaged registry changed"
# The header overwritten: the file is no longer a database at all.
cp "$tmp/base.db" "$tmp/headless.db"
head -c 100 < <(yes 'numreg damaged page') | dd of="$tmp/headless.db" conv=notrunc status=none
sum=$(sha256sum <"$tmp/headless.db")
expect 69 "numreg: error: registry $tmp/headless.db is damaged or not a numreg registry: file is not a database" \
  --db "$tmp/headless.db" "${add_lease[@]}"
[ "$(sha256sum <"$tmp/headless.db")" = "$sum" ] || fail "the headless registry changed"

ledger_dump "$tmp/base.db" | cmp -s - "$tmp/base.sql" || fail "the untouched registry changed"
[ $failures = 0 ] || exit 1
echo "faults: ok"
