#!/usr/bin/env bash
# The audit on a province's mix (bench/province.py), old and new binaries
# alternating, against a plain SQLite join of leases, holders and resources
# over the same file in the same run.
#   bench/audit_mix.sh OLD NEW [SCALE] [ROUNDS] [DIR]
# (defaults: scale 1.0, 2 rounds, data and registries kept in
# /tmp/numreg-audit-mix-SCALE). With SHEETS=1, the runs are instead each
# binary's `audit --record`, `audit --unmask -o x.xlsx` and `audit -o
# x.xlsx`, in full, each on a fresh copy of its registry (copied untimed);
# SHEET_RUNS chooses among them (default "record unmask xlsx"; "plain" is
# the text audit alone, the audit's own memory for --record to be read
# against), and each --record's journal head after (`verify --json`) is printed. A run taking more than LIMIT seconds of
# wall time (default 300) is stopped, and its figures are those at the stop. Each binary audits its own copy of the same
# registry (a newer binary may add indexes to its copy). Prints, per run,
# wall, user and system seconds and peak RSS, then the medians of CPU
# (user + system) and peak RSS, and the ratios the goals are stated in.
set -euo pipefail
OLD=$(realpath "$1")
NEW=$(realpath "$2")
SCALE=${3:-1.0}
ROUNDS=${4:-2}
DIR=${5:-/tmp/numreg-audit-mix-$SCALE}
HERE=$(cd "$(dirname "$0")" && pwd)
DATE=2026-11-29
LIMIT=${LIMIT:-300}
export NUMREG_NOW=${DATE}T09:30:00Z NUMREG_ACTOR=bench
mkdir -p "$DIR"

if [ ! -f "$DIR/old.db" ]; then
  python3 "$HERE/generate.py" --mix province --scale "$SCALE" --seed 1 --out "$DIR/data"
  rm -f "$DIR/build.db"
  NUMREG_DB=$DIR/build.db "$OLD" -q init
  NUMREG_DB=$DIR/build.db "$OLD" -q import "$DIR/data/holders.csv" "$DIR/data/resources.csv" \
    "$DIR/data/leases.csv"
  mv "$DIR/build.db" "$DIR/old.db"
fi
if [ ! -f "$DIR/new.db" ]; then
  cp "$DIR/old.db" "$DIR/new.db.tmp"
  NUMREG_DB=$DIR/new.db.tmp "$NEW" -q audit --rule R012 > /dev/null  # migrates the copy
  mv "$DIR/new.db.tmp" "$DIR/new.db"
fi
echo "registry: $(sqlite3 "$DIR/old.db" "SELECT (SELECT count(*) FROM holders) || ' holders, ' ||
  (SELECT count(*) FROM resources) || ' resources, ' || (SELECT count(*) FROM leases) ||
  ' leases, ' || (SELECT count(*) FROM permits) || ' permits'") (scale $SCALE)"

# A binary opening a registry of an older schema migrates it first (the
# compact journal rewrites the file): done here, untimed, so that no timed
# run pays for it.
NUMREG_DB=$DIR/old.db "$OLD" -q audit --rule R014 > /dev/null 2>&1 || true
NUMREG_DB=$DIR/new.db "$NEW" -q audit --rule R014 > /dev/null 2>&1 || true

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# measure NAME COMMAND...: one line "NAME wall user sys peak_kb".
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$out/time" timeout "$LIMIT" "$@" > "$out/stdout" \
    2> /dev/null || true
  echo "$name $(tail -1 "$out/time")" | tee -a "$out/all"
}
join_sql="SELECT l.*, h.*, r.* FROM leases AS l JOIN holders AS h ON h.uscc = l.holder
  JOIN resources AS r ON r.id = l.resource"
for round in $(seq "$ROUNDS"); do
  measure join sqlite3 "$DIR/old.db" "$join_sql"
  for which in old new; do
    bin=$OLD db=$DIR/old.db
    [ "$which" = new ] && bin=$NEW db=$DIR/new.db
    if [ "${SHEETS:-0}" = 1 ]; then
      for run in ${SHEET_RUNS:-record unmask xlsx}; do
        cp "$db" "$DIR/run.db"
        case $run in
          record) set -- --record ;;
          unmask) set -- --unmask -o "$out/x.xlsx" ;;
          xlsx) set -- -o "$out/x.xlsx" ;;
          plain) set -- ;;
        esac
        measure "$which-$run" env NUMREG_DB="$DIR/run.db" "$bin" audit --as-of $DATE "$@"
        if [ "$run" = record ]; then
          echo "  $which-record journal head: $(NUMREG_DB=$DIR/run.db "$bin" --json verify |
            sed -n 's/.*"head": "\([0-9a-f]*\)".*/\1/p')"
        fi
        rm -f "$DIR/run.db" "$out/x.xlsx"
      done
      continue
    fi
    measure "$which-full" env NUMREG_DB="$db" "$bin" --json audit --as-of $DATE
    [ "$round" = 1 ] && echo "  $which-full findings: $(grep -c '"rule"' "$out/stdout")"
    measure "$which-danzhou" env NUMREG_DB="$db" "$bin" --json audit --as-of $DATE --region 儋州
    measure "$which-dongfang" env NUMREG_DB="$db" "$bin" --json audit --as-of $DATE --region 东方
  done
done

if [ "${SHEETS:-0}" = 1 ]; then
  awk -v runs="${SHEET_RUNS:-record unmask xlsx}" '
    { cpu[$1] = cpu[$1] " " ($3 + $4); rss[$1] = rss[$1] " " $5 }
    function median(list,   a, n, i, j, t) {
      n = split(list, a, " ")
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      printf "\nmedians: CPU s (user+sys), peak RSS MB; new / old\n"
      k = split(runs, run, " ")
      for (i = 1; i <= k; i++) {
        o = "old-" run[i]; n = "new-" run[i]
        printf "  %-7s old %7.2f s %8.1f MB   new %7.2f s %8.1f MB   CPU %.2f  RSS %.2f\n", run[i],
          median(cpu[o]), median(rss[o]) / 1024, median(cpu[n]), median(rss[n]) / 1024,
          median(cpu[n]) / median(cpu[o]), median(rss[n]) / median(rss[o])
      }
      printf "  join    %7.2f s\n", median(cpu["join"])
    }' "$out/all"
  exit 0
fi

# Medians of CPU seconds (user + system) and of peak RSS, and the ratios.
awk '
  { cpu[$1] = cpu[$1] " " ($3 + $4); rss[$1] = rss[$1] " " $5 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (k in cpu) { c[k] = median(cpu[k]); m[k] = median(rss[k]) }
    printf "\nmedians: CPU s (user+sys), peak RSS MB\n"
    split("join old-full new-full old-danzhou new-danzhou old-dongfang new-dongfang", order, " ")
    for (i = 1; i <= 7; i++) printf "  %-14s %7.2f s %8.1f MB\n", order[i], c[order[i]], m[order[i]] / 1024
    printf "\nratios (CPU):\n"
    printf "  full audit / join:         old %.2f  new %.2f   (goal: new <= 1.2)\n", c["old-full"] / c["join"], c["new-full"] / c["join"]
    printf "  danzhou / full audit:      old %.2f  new %.2f   (goal: new <= 0.25)\n", c["old-danzhou"] / c["old-full"], c["new-danzhou"] / c["new-full"]
    printf "  dongfang / full audit:     old %.2f  new %.2f\n", c["old-dongfang"] / c["old-full"], c["new-dongfang"] / c["new-full"]
    printf "  new / old: full %.2f, danzhou %.2f, dongfang %.2f\n", c["new-full"] / c["old-full"], c["new-danzhou"] / c["old-danzhou"], c["new-dongfang"] / c["old-dongfang"]
    printf "  peak RSS full audit: old %.0f MB, new %.0f MB (goal: new < 300 MB)\n", m["old-full"] / 1024, m["new-full"] / 1024
  }' "$out/all"
