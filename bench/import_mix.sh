#!/usr/bin/env bash
# The import of a province's mix (bench/province.py), old and new binaries
# alternating, against the raw ceiling on the same rows in the same round.
#   bench/import_mix.sh OLD NEW [SCALE] [ROUNDS] [DIR]
# (defaults: scale 1.0, 3 rounds, data kept in /tmp/numreg-import-mix-SCALE).
# Each round runs, each on a new registry (`init` not timed):
#   raw      raw_insert.c --mix: prepared inserts of the same holders,
#            resources, leases and permits into the same schema, one
#            transaction, no validation, no journal (the issue's yardstick);
#   OLD, NEW `numreg import holders.csv resources.csv leases.csv`, one import
#            as a clerk runs it; then the three files one import each, in
#            that order, into one registry, for rows/s per kind.
# The raw ceiling runs the same way (all three files, then one by one).
# OLD and NEW take turns at going first. Prints wall, user and system
# seconds and peak RSS per run (/usr/bin/time), then medians over the
# rounds of CPU (user + system), wall, peak RSS, rows per second and the
# ratio to the raw ceiling of the same round (by wall and by CPU).
# Round 1 also checks that OLD and NEW journal the same entries: `log
# --json` and verify's head of their one-import registries compared.
set -euo pipefail
OLD=$(realpath "$1")
NEW=$(realpath "$2")
SCALE=${3:-1.0}
ROUNDS=${4:-3}
DIR=${5:-/tmp/numreg-import-mix-$SCALE}
HERE=$(cd "$(dirname "$0")" && pwd)
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=bench
mkdir -p "$DIR"
DATA=$DIR/data
if [ ! -f "$DATA/leases.csv" ]; then
  python3 "$HERE/generate.py" --mix province --scale "$SCALE" --seed 1 --out "$DATA.tmp"
  mv "$DATA.tmp" "$DATA"
fi
KINDS="holders resources leases"
declare -A ROWS
total=0
for kind in $KINDS; do
  ROWS[$kind]=$(($(wc -l < "$DATA/$kind.csv") - 1))
  total=$((total + ROWS[$kind]))
done
ROWS[all]=$total
echo "mix at scale $SCALE: ${ROWS[holders]} holders, ${ROWS[resources]} resources," \
  "${ROWS[leases]} leases ($total rows)"

out=$(mktemp -d "${TMPDIR:-/tmp}/numreg-import-mix.XXXXXX")
trap 'rm -rf "$out"' EXIT
cc -O2 -o "$out/raw_insert" "$HERE/raw_insert.c" -lsqlite3 -lz

# fresh NAME BIN: a new registry NAME initialised by BIN.
fresh() {
  rm -f "$out/$1" "$out/$1-wal" "$out/$1-shm"
  "$2" --db "$out/$1" -q init
}
# measure NAME COMMAND...: one line "NAME wall user sys peak_kb".
measure() {
  local name=$1
  shift
  sync
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" "$@" > /dev/null
  echo "$name $(tail -1 "$out/time")" | tee -a "$out/all"
}
# side NAME BIN: the one import of the three files, then one import a file.
side() {
  local name=$1 bin=$2
  fresh "$name.db" "$bin"
  measure "$name all" "$bin" --db "$out/$name.db" -q import "$DATA/holders.csv" \
    "$DATA/resources.csv" "$DATA/leases.csv"
  fresh "$name-each.db" "$bin"
  for kind in $KINDS; do
    measure "$name $kind" "$bin" --db "$out/$name-each.db" -q import "$DATA/$kind.csv"
  done
}
raw() {
  fresh raw.db "$NEW"
  measure "raw all" "$out/raw_insert" "$out/raw.db" --mix "$DATA/holders.csv" \
    "$DATA/resources.csv" "$DATA/leases.csv"
  fresh raw-each.db "$NEW"
  for kind in $KINDS; do
    measure "raw $kind" "$out/raw_insert" "$out/raw-each.db" --mix "$DATA/$kind.csv"
  done
}

for round in $(seq "$ROUNDS"); do
  echo "round $round ($(uptime | sed 's/.*load/load/'))"
  raw
  if [ $((round % 2)) = 1 ]; then
    side old "$OLD"
    side new "$NEW"
  else
    side new "$NEW"
    side old "$OLD"
  fi
  sed -i "s/\$/ $round/" "$out/all"
  cat "$out/all" >> "$out/rounds"
  : > "$out/all"
  if [ "$round" = 1 ]; then
    for name in old new; do
      bin=$OLD
      [ $name = new ] && bin=$NEW
      "$bin" --db "$out/$name.db" --json log | md5sum > "$out/log-$name"
      "$bin" --db "$out/$name.db" verify | sed -n 's/.* head //p' > "$out/head-$name"
    done
    if cmp -s "$out/log-old" "$out/log-new" && cmp -s "$out/head-old" "$out/head-new"; then
      echo "journal: the same entries (log --json), head $(cat "$out/head-new")"
    else
      echo "journal: OLD and NEW DIFFER (log --json or verify's head)"
    fi
  fi
done

# Medians over the rounds; ratios to the raw ceiling taken within a round.
awk -v rows_all="${ROWS[all]}" -v rows_h="${ROWS[holders]}" -v rows_r="${ROWS[resources]}" \
  -v rows_l="${ROWS[leases]}" '
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  BEGIN { rows["all"] = rows_all; rows["holders"] = rows_h; rows["resources"] = rows_r; rows["leases"] = rows_l }
  {
    k = $1 " " $2; r = $7
    wall[k, r] = $3; cpu[k, r] = $4 + $5
    walls[k] = walls[k] " " $3; cpus[k] = cpus[k] " " ($4 + $5); rss[k] = rss[k] " " $6
    rounds[r] = 1
  }
  END {
    split("all holders resources leases", kinds, " ")
    split("raw old new", sides, " ")
    printf "\nmedians over the rounds: CPU s (user+sys), wall s, peak RSS MB, rows/s (wall), rows/CPU-s\n"
    for (i = 1; i <= 4; i++) for (s = 1; s <= 3; s++) {
      k = sides[s] " " kinds[i]
      c = median(cpus[k]); w = median(walls[k])
      printf "  %-15s %8.2f s cpu %8.2f s wall %7.1f MB %9.0f rows/s %9.0f rows/cpu-s\n", k, c, w,
        median(rss[k]) / 1024, rows[kinds[i]] / w, rows[kinds[i]] / c
    }
    printf "\nrows/s as a ratio to the raw ceiling in the same round (median over rounds): wall, CPU\n"
    for (i = 1; i <= 4; i++) for (s = 2; s <= 3; s++) {
      k = sides[s] " " kinds[i]; rk = "raw " kinds[i]; lw = ""; lc = ""
      for (r in rounds) { lw = lw " " wall[rk, r] / wall[k, r]; lc = lc " " cpu[rk, r] / cpu[k, r] }
      printf "  %-15s %.2f (cpu %.2f)\n", k, median(lw), median(lc)
    }
    printf "\nnew / old, medians of CPU: all %.3f, holders %.3f, resources %.3f, leases %.3f\n",
      median(cpus["new all"]) / median(cpus["old all"]),
      median(cpus["new holders"]) / median(cpus["old holders"]),
      median(cpus["new resources"]) / median(cpus["old resources"]),
      median(cpus["new leases"]) / median(cpus["old leases"])
    printf "goal: new all >= 0.5x the raw ceiling, peak RSS < 300 MB\n"
  }' "$out/rounds"
