#!/usr/bin/env bash
# The same clerk's day on a registry file and on PostgreSQL: init, import of
# the Hainan fixtures, lists, who, exports, log and verify print the same,
# byte for byte (but for the registry's name), and exit the same; so does the
# audit, and backup (into a registry file on both).
# Screening is compared in pg_same_screen.sh.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_start same_output
lite="$tmp/registry.db"
fails=0

# What verify says it checked in the store's own structures: SQLite's line is
# a contract; on PostgreSQL it names the foreign keys a query checked. The one
# line allowed to differ.
lite_checked="ok: sqlite integrity and foreign keys"
pg_checked="ok: postgresql foreign keys hold (7 checked by query)"

# run NAME ARGS...: the command on both stores; stdout, stderr and exit code agree.
run() {
  local name=$1 rc_l=0 rc_p=0
  shift
  (cd "$src" && "$numreg" --db "$lite" "$@") >"$tmp/$name.lite.out" 2>"$tmp/$name.lite.err" || rc_l=$?
  (cd "$src" && "$numreg" --db "$PG_URI" "$@") >"$tmp/$name.pg.out" 2>"$tmp/$name.pg.err" || rc_p=$?
  for f in out err; do
    sed -i "s#$lite#REGISTRY#g" "$tmp/$name.lite.$f"
    sed -i "s#$PG_URI#REGISTRY#g" "$tmp/$name.pg.$f"
  done
  if [[ $name == verify* ]]; then
    if ! grep -qxF "$lite_checked" "$tmp/$name.lite.out" || ! grep -qxF "$pg_checked" "$tmp/$name.pg.out"; then
      echo "$name: expected '$lite_checked' on SQLite and '$pg_checked' on PostgreSQL" >&2
      fails=$((fails + 1))
    fi
    sed -i "s/^$pg_checked\$/$lite_checked/" "$tmp/$name.pg.out"
  fi
  if [[ $rc_l != "$rc_p" ]]; then
    echo "$name: exit $rc_l on SQLite, $rc_p on PostgreSQL" >&2
    cat "$tmp/$name.pg.err" >&2
    fails=$((fails + 1))
  fi
  for f in out err; do
    if ! cmp -s "$tmp/$name.lite.$f" "$tmp/$name.pg.$f"; then
      echo "$name: std$f differs (SQLite <, PostgreSQL >)" >&2
      diff "$tmp/$name.lite.$f" "$tmp/$name.pg.$f" | head -20 >&2 || true
      fails=$((fails + 1))
    fi
  done
}

run init init
run init_again init
run import import fixtures/hainan/*
run import_again --json import fixtures/hainan/*
run import_dry --json import --dry-run --mode upsert fixtures/hainan/*
for kind in holder resource lease credential permit campaign; do
  run "list_$kind" --json "$kind" list
  run "list_${kind}_table" "$kind" list
done
run list_danzhou --json lease list --region danzhou
run list_active --json lease list --as-of 2026-06-30 --status active
run list_expiring lease list --expiring 400d --as-of 2026-06-30
for number in 0898-66123456 95105 4008108888 +8613800138000; do
  run "who_$number" --json who "$number"
  run "who_table_$number" who "$number"
done
for kind in holders credentials resources leases permits contracts campaigns refusals; do
  run "export_$kind" export "$kind" --unmask
done
run holder_add holder add --uscc 91460400MA5TDR015T --name 儋州海韵科技有限公司 --kind enterprise \
  --region 460400 --reason 新增
run holder_dup holder add --uscc 91460400MA5TDR015T --name 重复 --kind enterprise
run holder_update holder update 91460400MA5TDR015T --scope 呼叫中心业务 --reason 补录
run holder_show --json holder show 91460400MA5TDR015T
run lease_missing lease show NO-SUCH-LEASE
run log --json log
run log_holder log --entity holder
run audit --json audit --as-of 2026-06-30
run audit_danzhou audit --region danzhou --as-of 2026-06-30 --sample 5 --seed 7
# Narrowed scopes take other queries (a region's leases found first).
run audit_dongfang --json audit --region 东方 --as-of 2026-06-30
run audit_kinds --json audit --kind n400 --kind trunk --region 460400 --as-of 2026-06-30
run audit_holder --json audit --holder 91460400J9HB2MFY48 --as-of 2026-06-30
run audit_sheet --json audit --as-of 2026-06-30 --sample 50% --seed 7 -o "$tmp/sheet.csv"
run audit_record --json audit --as-of 2026-06-30 --sample 3 --seed 7 --record
run inspection_list inspection list
run verify verify
run checkpoint checkpoint -o /dev/stdout

# Backup: on PostgreSQL, a registry file copied from one snapshot, journal
# included, that verifies and exports what the shared registry exports; a
# file that exists is refused (73) and left alone.
"$numreg" --db "$lite" backup "$tmp/lite-backup.db" | sed "s#$lite#REGISTRY#; s#$tmp/lite-backup.db#BACKUP#" >"$tmp/backup.lite.out"
"$numreg" --db "$PG_URI" backup "$tmp/backup.db" | sed "s#$PG_URI#REGISTRY#; s#$tmp/backup.db#BACKUP#" >"$tmp/backup.pg.out"
cmp -s "$tmp/backup.lite.out" "$tmp/backup.pg.out" ||
  { echo "backup says other things:" >&2; diff "$tmp/backup.lite.out" "$tmp/backup.pg.out" >&2; fails=$((fails + 1)); }
"$numreg" --db "$tmp/backup.db" verify >"$tmp/backup.verify" ||
  { echo "the PostgreSQL backup does not verify:" >&2; cat "$tmp/backup.verify" >&2; fails=$((fails + 1)); }
for kind in holders leases permits; do
  if ! cmp -s <("$numreg" --db "$tmp/backup.db" export "$kind") <("$numreg" --db "$PG_URI" export "$kind"); then
    echo "the PostgreSQL backup's $kind differ from the registry's" >&2
    fails=$((fails + 1))
  fi
done
rc=0
echo keep >"$tmp/exists.db"
"$numreg" --db "$PG_URI" backup "$tmp/exists.db" >/dev/null 2>"$tmp/refused.err" || rc=$?
if [[ $rc != 73 ]] || [[ $(cat "$tmp/exists.db") != keep ]]; then
  echo "backup onto an existing file: expected exit 73 and the file untouched, got $rc:" >&2
  cat "$tmp/refused.err" >&2
  fails=$((fails + 1))
fi

# A row whose parent is missing (the key's trigger disabled, as a careless
# restore would): verify names it and fails, exit 65.
psql "$PG_SUPER_URI" -qAt -v ON_ERROR_STOP=1 -c "ALTER TABLE refusals DISABLE TRIGGER ALL" \
  -c "INSERT INTO refusals (number, holder, date) VALUES ('13900000009', '91000000MA0000000X', '2026-11-01')" \
  -c "ALTER TABLE refusals ENABLE TRIGGER ALL"
rc=0
"$numreg" --db "$PG_URI" verify >"$tmp/orphan.out" 2>"$tmp/orphan.err" || rc=$?
if [[ $rc != 65 ]] ||
  ! grep -qF "postgresql: refusals holder 91000000MA0000000X refers to a missing holders" "$tmp/orphan.err"; then
  echo "orphan: expected exit 65 and the orphan refusal named, got $rc:" >&2
  cat "$tmp/orphan.err" >&2
  fails=$((fails + 1))
fi

if [[ $fails -gt 0 ]]; then
  echo "pg_same_output: $fails differences" >&2
  exit 1
fi
echo "pg_same_output: ok (SQLite and PostgreSQL agree)"
