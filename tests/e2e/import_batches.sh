#!/usr/bin/env bash
# An import large enough to cross many of the batches that pass from the
# reading thread to the writing one: bad rows spread through 1,000 leases are
# all reported, in file order, with exit 65 and the registry unchanged; the
# clean file then imports whole with its journal chain intact.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk NUMREG_DB=$tmp/r.db
python3 "$src/bench/generate.py" --leases 1000 --seed 7 --out "$tmp/data" >/dev/null
"$numreg" init >/dev/null
"$numreg" -q import "$tmp/data/holders.csv" "$tmp/data/resources.csv"
sqlite3 "$NUMREG_DB" .dump > "$tmp/before.sql"

# Spoil five rows (file lines 6, 301, 701, 901 and 951) in five ways.
mkdir "$tmp/bad"
python3 - "$src/bench" "$tmp/data/leases.csv" "$tmp/bad/leases.csv" <<'EOF'
import csv, random, sys
sys.path.insert(0, sys.argv[1])
import realdata
rows = list(csv.reader(open(sys.argv[2], encoding="utf-8")))
header, data = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
data[4][col["start"]] = "2019-02-30"
data[299][col["region"]] = "469999"
data[699][col["permitted_callers"]] = "8.98661E+11"
data[899][col["holder"]] = realdata.uscc("460400", random.Random(99))
data[949][col["id"]] = data[9][col["id"]]
with open(sys.argv[3], "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(data)
EOF

rc=0
"$numreg" import "$tmp/bad/leases.csv" 2> "$tmp/stderr" >/dev/null || rc=$?
status=0
if [ $rc -ne 65 ]; then
  echo "import_batches: exit $rc, expected 65"
  status=1
fi
lines=$(grep -o '^[^:]*leases.csv:[0-9]*' "$tmp/stderr" | sed 's/.*://' | tr '\n' ' ')
if [ "$lines" != "6 301 701 901 951 " ]; then
  echo "import_batches: errors at lines '$lines', expected '6 301 701 901 951 '"
  cat "$tmp/stderr"
  status=1
fi
codes=$(grep -o 'error\[[a-z-]*\]' "$tmp/stderr" | tr '\n' ' ')
expected="error[date-impossible] error[region-unknown] error[number-spreadsheet] error[ref-missing] error[duplicate-key] "
if [ "$codes" != "$expected" ]; then
  echo "import_batches: codes '$codes', expected '$expected'"
  status=1
fi
sqlite3 "$NUMREG_DB" .dump > "$tmp/after.sql"
if ! cmp -s "$tmp/before.sql" "$tmp/after.sql"; then
  echo "import_batches: the failed import changed the registry"
  status=1
fi

entries=$(sqlite3 "$NUMREG_DB" "SELECT sum(count) FROM journal_blocks")
"$numreg" -q import "$tmp/data/leases.csv"
"$numreg" verify >/dev/null
leases=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM leases")
permits=$(sqlite3 "$NUMREG_DB" "SELECT count(*) FROM permits")
added=$(( $(sqlite3 "$NUMREG_DB" "SELECT sum(count) FROM journal_blocks") - entries ))
if [ "$leases $permits $added" != "1000 1000 1001" ]; then
  echo "import_batches: leases, permits, journal entries: $leases $permits $added," \
    "expected 1000 1000 1001"
  status=1
fi
[ $status -eq 0 ] && echo "import_batches: ok"
exit $status
