#!/usr/bin/env bash
# Run every libFuzzer harness of a fuzz build for FUZZ_SECONDS each (default
# 60), one after the other on one core, and print what each reached.
#   scripts/fuzz.sh [BUILD_DIR] [HARNESS...]
# New corpus entries go to BUILD_DIR/corpus/<harness>; the seeds in
# fuzz/corpus/<harness> (and fixtures/cdr for the call-record reader) are only read.
# A crash or a broken property leaves BUILD_DIR/artifacts/<harness>-crash-*
# and makes the script fail.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build-fuzz}
shift || true
seconds=${FUZZ_SECONDS:-60}
harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for exe in "$build"/fuzz/fuzz_*; do harnesses+=("$(basename "$exe")"); done
fi

# Extra seed directories for a harness, beyond fuzz/corpus/<harness>.
extra_seeds() {
  case $1 in
    fuzz_cdr) echo "$root/fixtures/cdr" ;;
  esac
}

failed=0
printf '%-20s %12s %8s %8s %10s\n' harness executions cov ft exec/s
for name in "${harnesses[@]}"; do
  work=$build/corpus/$name
  mkdir -p "$work" "$build/artifacts"
  seeds=("$root/fuzz/corpus/$name")
  while read -r dir; do [ -n "$dir" ] && seeds+=("$dir"); done < <(extra_seeds "$name")
  log=$build/artifacts/$name.log
  dict=()
  [ -f "$root/fuzz/dict/$name.dict" ] && dict=(-dict="$root/fuzz/dict/$name.dict")
  "$build/fuzz/$name" -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/$name-" "${dict[@]}" "$work" "${seeds[@]}" >"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$log" | tail -1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  speed=$(sed -n 's/.* exec\/s: \([0-9]*\).*/\1/p' <<<"$done_line")
  printf '%-20s %12s %8s %8s %10s\n' "$name" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${speed:-?}"
  if [ $rc -ne 0 ]; then
    echo "$name: failed (exit $rc); see $log" >&2
    grep -E 'property broken|ERROR: |input:' "$log" | head -3 >&2
    failed=1
  fi
done
exit $failed
