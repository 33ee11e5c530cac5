#!/usr/bin/env bash
# The compact journal's figures: OLD and NEW binaries, one after the other on
# the same data (bench/generate.py --leases 1000000 --seed 1 --out DATA):
# import into a new registry, its size, verify, an upsert re-import of the
# same files, dbstat of NEW's registry, and OLD's registry migrated by NEW
# (then VACUUMed). CPU from /usr/bin/time into OUT/times.txt.
#   bench/compact.sh OLD NEW DATA OUT
set -u
OLD=$1 NEW=$2 D=$3 R=$4
mkdir -p "$R"
export NUMREG_ACTOR=bench LANG=C
t() { /usr/bin/time -f "$1 user %U sys %S wall %e maxrss_kb %M" "${@:2}" >/dev/null 2>>"$R/times.txt"; }
files=("$D/holders.csv" "$D/resources.csv" "$D/leases.csv")
for b in old new; do
  bin=$OLD; [ $b = new ] && bin=$NEW
  rm -f "$R/$b.db"*; NUMREG_DB=$R/$b.db $bin -q init
  NUMREG_DB=$R/$b.db NUMREG_NOW=2026-11-29T09:30:00Z t "import-$b" "$bin" -q import "${files[@]}"
  echo "size-$b $(stat -c %s "$R/$b.db")" >>"$R/times.txt"
done
for b in old new; do
  bin=$OLD; [ $b = new ] && bin=$NEW
  NUMREG_DB=$R/$b.db t "verify-$b" "$bin" verify
done
for b in old new; do
  bin=$OLD; [ $b = new ] && bin=$NEW
  NUMREG_DB=$R/$b.db NUMREG_NOW=2026-11-30T09:30:00Z t "upsert-$b" "$bin" -q import --mode upsert "${files[@]}"
done
sqlite3 "$R/new.db" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC" >"$R/dbstat-new.txt"
cp "$R/old.db" "$R/migrated.db"
NUMREG_DB=$R/migrated.db t "migrate-new" "$NEW" log -n 1
echo "size-migrated $(stat -c %s "$R/migrated.db")" >>"$R/times.txt"
t vacuum sqlite3 "$R/migrated.db" VACUUM
echo "size-migrated-vacuumed $(stat -c %s "$R/migrated.db")" >>"$R/times.txt"
