#!/usr/bin/env bash
# The audit's sheets, records and output, old binary against new, case by
# case on copies of one registry: stdout, stderr, exit code, the -o file
# (an XLSX member by member, its creation time aside), the inspections table
# and the journal's newest blocks afterwards.
#   bench/audit_same.sh OLD NEW DB [CASE...]
# A CASE is the arguments after `numreg`, one string; the -o file is written
# as OUT.ext (e.g. "audit -o OUT.xlsx"). Without cases, a set covering
# sheets, plans, languages, --record and --unmask runs. Prints one line a
# case and exits 1 when any differs.
set -euo pipefail
OLD=$(realpath "$1")
NEW=$(realpath "$2")
DB=$(realpath "$3")
shift 3
if [ $# -eq 0 ]; then
  set -- "audit -o OUT.xlsx" "audit -o OUT.csv" "audit -o OUT.json" "--lang zh audit -o OUT.xlsx" \
    "--lang zh audit -o OUT.csv" "--json audit -o OUT.xlsx" \
    "audit --sample gb2828:II:1.0 --seed 20261129 -o OUT.xlsx" \
    "audit --sample gb2828:II:1.0 --seed 20261129 -o OUT.json" \
    "audit --sample 100% --seed 1 -o OUT.csv" "audit --sample 100% --seed 1 -o OUT.xlsx" \
    "audit --region 儋州 -o OUT.xlsx" "audit --region 东方 --kind trunk -o OUT.csv" \
    "audit --rule R001 --rule R004 -o OUT.json" "audit --fail-on warning -o OUT.csv" \
    "audit --record" "--json audit --record" "audit --record -o OUT.xlsx" \
    "--json audit --record --sample 10 --seed 7 -o OUT.json" \
    "--lang zh audit --record --region 儋州 --fail-on error" \
    "audit --unmask -o OUT.xlsx" "audit --unmask" "--json audit --unmask --fail-on warning -o OUT.csv" \
    "audit --record --unmask -o OUT.xlsx"
fi
export NUMREG_NOW=${NUMREG_NOW:-2026-11-29T09:30:00Z} NUMREG_ACTOR=inspector
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export XDG_CONFIG_HOME=$WORK/config

# state DIR DB: what a run left in the registry.
state() {
  sqlite3 "$2" "SELECT * FROM inspections ORDER BY id" > "$1/inspections"
  sqlite3 "$2" "SELECT first_seq, count, hash, hex(entries) FROM journal_blocks
    ORDER BY first_seq DESC LIMIT 3" > "$1/journal"
}
# unpacked FILE DIR: an XLSX's members, its creation and modification times blanked.
unpacked() {
  mkdir -p "$2"
  (cd "$2" && unzip -qo "$1")
  sed -i -E 's/[0-9T:-]{19}Z/TIME/g' "$2/docProps/core.xml"
}

status=0
for case in "$@"; do
  for which in old new; do
    bin=$OLD
    [ "$which" = new ] && bin=$NEW
    dir=$WORK/$which
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$DB" "$dir/db"
    # shellcheck disable=SC2086
    args=${case//OUT/$dir/out}
    set +e
    # shellcheck disable=SC2086
    NUMREG_DB=$dir/db "$bin" $args > "$dir/stdout" 2> "$dir/stderr"
    echo $? > "$dir/rc"
    set -e
    sed -i "s#$dir/#DIR/#g" "$dir/stdout" "$dir/stderr"
    state "$dir" "$dir/db"
    rm "$dir/db"
    for f in "$dir"/out.xlsx; do
      [ -f "$f" ] && unpacked "$f" "$dir/xlsx" && rm "$f"
    done
  done
  if diff -r "$WORK/old" "$WORK/new" > "$WORK/diff"; then
    echo "same: numreg $case (exit $(cat "$WORK/new/rc"))"
  else
    echo "DIFFERENT: numreg $case"
    head -c 2000 "$WORK/diff"
    status=1
  fi
done
exit $status
