#!/usr/bin/env bash
# Screening on one and on several threads, old and new binaries alternating
# with the bare S001 program (bare_s001.c) in the same run:
#
#   bash bench/screen_jobs.sh OLD NEW [RECORDS] [LEASES] [ROUNDS] [WORKDIR]
#   PERF=1 bash bench/screen_jobs.sh OLD NEW ...
#   REGISTRY=DB CDRS=FILE bash bench/screen_jobs.sh OLD NEW - - [ROUNDS] [WORKDIR]
#
# Each round runs, one after another: the bare program, OLD screen, NEW
# screen --jobs 1, NEW screen --jobs 2, and two NEW screen --jobs 1 at once
# (the pair), from a snapshot of the same registry (each binary its own).
# The pair tells what the two cores give two independent runs at that
# moment (2 x one run's wall / the pair's wall: 2.0 when the cores are idle
# and do not slow each other); `--jobs 2`'s speed-up (one thread's wall /
# its wall) is printed beside it. On a virtual machine whose two processors
# sometimes share a physical core, both fall together. Prints, per run, wall and CPU (user + sys)
# seconds, records per CPU second and per wall second, the ratio of numreg's
# rate to the bare program's of the same round, and the load average (1
# minute) before and after the run: a wall time on a machine whose other
# core is busy says little about threads. Each round also screens with NEW
# from the registry itself (no snapshot), as a clerk runs it. The registry
# and records are those of bench/screen.sh (made here if missing, seed 1),
# or REGISTRY and CDRS when given (bench/screen_mix.sh: a province's mix);
# both binaries' JSON summaries must be the same in every round (else the
# script stops). The medians over the rounds close the output.
#
# With PERF=1, each numreg run is also sampled with `perf record -e
# cpu-clock -F 500` and its samples are printed per thread (the reading
# thread first), with what two idle cores would give `--jobs 2` against
# `--jobs 1` of the same round: one thread's samples over the larger of the
# reading thread's and half of all.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
records=${3:-10000000}
leases=${4:-1000000}
rounds=${5:-3}
work=${6:-/tmp/numreg-bench}
mkdir -p "$work"
db=${REGISTRY:-$work/registry-$leases.db}
cdrs=${CDRS:-$work/cdrs-$records.csv}
[ -f "$db" ] || bash "$here/make_registry.sh" "$new" "$db" "$leases"
[ -f "$cdrs" ] || python3 "$here/gen_cdrs.py" "$records" "$leases" 1 > "$cdrs"
records=$(($(wc -l < "$cdrs") - 1))
leases=$(sqlite3 "$db" "SELECT count(*) FROM leases")
NUMREG_DB=$db "$new" --quiet screen --snapshot-out "$work/jobs-index.bin"
NUMREG_DB=$db "$old" --quiet screen --snapshot-out "$work/jobs-index-old.bin"  # its own format
sqlite3 -separator , "$db" "SELECT l.resource, p.first_key, p.last_key
  FROM leases AS l JOIN permits AS p ON p.lease = l.id WHERE l.status = 'active'" > "$work/permits.csv"
cc -O2 -o "$work/bare_s001" "$here/bare_s001.c"
cat "$cdrs" > /dev/null  # the page cache warm for every contender

load() { cut -d' ' -f1 /proc/loadavg; }
# run LABEL COMMAND...: one timed run; sets cpu and wall (and, with PERF=1,
# samples: the samples of each thread, the reading thread first).
run() {
  local label=$1
  shift
  local before
  before=$(load)
  local perf=()
  [ "${PERF:-}" = 1 ] && [ "$label" != "bare S001" ] && perf=(perf record -q -e cpu-clock -F 500 -o "$work/jobs-perf.data")
  /usr/bin/time -f "%e %U %S %M" -o "$work/jobs-time.txt" "${perf[@]}" "$@" > "$work/jobs-out.txt" 2> "$work/jobs-err.txt"
  read -r wall user sys rss < "$work/jobs-time.txt"
  cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
  printf '%-22s %6.2f s wall %6.2f s cpu (%5.2f user %5.2f sys) %7d KB  load %s -> %s\n' \
    "$label" "$wall" "$cpu" "$user" "$sys" "$rss" "$before" "$(load)"
  if [ ${#perf[@]} -gt 0 ]; then
    # Threads by id: the reading (main) thread was made first. (Under perf,
    # the CPU time above includes perf's own.)
    samples=$(perf report -i "$work/jobs-perf.data" --sort pid --stdio -F sample,pid 2>/dev/null |
      awk '$2 ~ /:numreg/ {split($2, t, ":"); print t[1], $1}' | sort -n | awk '{print $2}' | paste -sd' ')
    echo "                       samples per thread: $samples"
  fi
}
rates() {
  python3 -c "
r, cpu, wall, bare = $records, $cpu, $wall, $1
print(f'{\"\":22} {r / cpu / 1e6:5.2f} M records/CPU s, {r / wall / 1e6:5.2f} M records/wall s;'
      f' vs bare: {r / cpu / bare:.2f} by CPU, {r / wall / bare:.2f} by wall')"
}

# two_cores ONE THREADS: what two idle cores would give a run whose threads
# took THREADS samples (the reading thread first) against one thread's ONE.
two_cores() {
  python3 -c "
one, t = $1, [int(x) for x in '$2'.split()]
bound = max(t[0], sum(t) / 2)
print(f'{\"\":22} two idle cores: max(reading {t[0]}, all {sum(t)} / 2) = {bound:.0f};'
      f' one thread {one}: {one / bound:.2f}x; reading thread {t[0] / one:.2f}, all {sum(t) / one:.2f} of one')"
}

speedups=()
pairs=()
echo "records: $records ($(du -hL "$cdrs" | cut -f1)), leases: $leases, rounds: $rounds"
for round in $(seq "$rounds"); do
  echo "round $round"
  run "bare S001" "$work/bare_s001" "$work/permits.csv" "$cdrs"
  # Its own CPU time to check the records (reading its permits left out).
  bare_cpu=$(sed -n 's/.*permits, \([0-9.]*\) CPU s to check.*/\1/p' "$work/jobs-err.txt")
  bare_rate=$(python3 -c "print($records / $bare_cpu)")
  echo "                       $bare_cpu s cpu to check: $(python3 -c "print(f'{$bare_rate / 1e6:.2f}')") M records/CPU s"
  run "old" "$old" --json screen --snapshot "$work/jobs-index-old.bin" "$cdrs"
  rates "$bare_rate"
  cp "$work/jobs-out.txt" "$work/jobs-old.json"
  run "new, from the registry" env NUMREG_DB="$db" "$new" --json screen "$cdrs"
  rates "$bare_rate"
  cmp -s "$work/jobs-out.txt" "$work/jobs-old.json" || { echo "new from the registry: summary differs from old" >&2; exit 1; }
  if [ "${PERF:-}" = 1 ]; then
    old_one=$samples
    run "old --jobs 2" "$old" --json screen --jobs 2 --snapshot "$work/jobs-index-old.bin" "$cdrs"
    two_cores "$old_one" "$samples"
  fi
  for jobs in 1 2; do
    run "new --jobs $jobs" "$new" --json screen --jobs "$jobs" --snapshot "$work/jobs-index.bin" "$cdrs"
    rates "$bare_rate"
    cmp -s "$work/jobs-out.txt" "$work/jobs-old.json" || { echo "new --jobs $jobs: summary differs from old" >&2; exit 1; }
    if [ "$jobs" = 1 ]; then one_wall=$wall; else two_wall=$wall; fi
    if [ "${PERF:-}" = 1 ]; then
      if [ "$jobs" = 1 ]; then
        one=$samples
      else
        two_cores "$one" "$samples"
      fi
    fi
  done
  # The pair: two one-thread runs at once; its wall is the later's.
  pair_start=$(date +%s.%N)
  "$new" --json screen --snapshot "$work/jobs-index.bin" "$cdrs" > /dev/null &
  "$new" --json screen --snapshot "$work/jobs-index.bin" "$cdrs" > /dev/null
  wait
  pair_wall=$(python3 -c "import time; print(f'{time.time() - $pair_start:.2f}')")
  python3 -c "
one, two, pair = $one_wall, $two_wall, $pair_wall
print(f'{\"pair (2 x --jobs 1)\":22} {pair:6.2f} s wall: two cores give two runs {2 * one / pair:.2f}x;'
      f' --jobs 2 gives one run {one / two:.2f}x')"
  speedups+=("$(python3 -c "print($one_wall / $two_wall)")")
  pairs+=("$(python3 -c "print(2 * $one_wall / $pair_wall)")")
done
python3 -c "
import statistics
s, p = [${speedups[*]/%/,}], [${pairs[*]/%/,}]
print(f'median over {len(s)} rounds: --jobs 2 gives one run {statistics.median(s):.2f}x'
      f' ({min(s):.2f}-{max(s):.2f}); two cores give two runs {statistics.median(p):.2f}x'
      f' ({min(p):.2f}-{max(p):.2f})')"
