#!/usr/bin/env bash
# The audit fixture (one planted case of every rule, fixtures/audit) built on
# a registry file and on PostgreSQL: the audit's JSON is the same, byte for
# byte, for the whole ledger and for every narrowed scope (each region, kind
# and holder, alone and together), which take other queries: a region's
# leases are found first, through their indexes.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
source "$src/tests/e2e/pg_lib.bash"
pg_start same_audit
lite="$tmp/registry.db"
bash "$src/fixtures/audit/build.sh" "$numreg" "$lite"
bash "$src/fixtures/audit/build.sh" "$numreg" "$PG_URI"

scopes=("" "--region 儋州" "--region 东方" "--region 海口" "--region 460000" "--region 460100"
  "--kind trunk" "--kind block" "--kind n95" "--kind trunk --kind n95"
  "--region 儋州 --region 东方" "--region 460100 --kind trunk")
for h in $("$numreg" --db "$lite" --json holder list | python3 -c \
  'import json,sys; print(" ".join(h["uscc"] for h in json.load(sys.stdin)))'); do
  scopes+=("--holder $h" "--holder $h --region 460100")
done

fails=0
for scope in "${scopes[@]}"; do
  for sample in "" "--sample 2 --seed 7"; do
    # shellcheck disable=SC2086 # a scope is several words
    "$numreg" --db "$lite" --json audit $scope $sample >"$tmp/lite.json"
    # shellcheck disable=SC2086
    "$numreg" --db "$PG_URI" --json audit $scope $sample >"$tmp/pg.json"
    if ! cmp -s "$tmp/lite.json" "$tmp/pg.json"; then
      echo "audit ${scope:-(whole ledger)} $sample: the JSON differs (SQLite <, PostgreSQL >)" >&2
      diff "$tmp/lite.json" "$tmp/pg.json" | head -20 >&2 || true
      fails=$((fails + 1))
    fi
    [[ -n $sample || -z $scope ]] || python3 -c 'import json,sys; print("\n".join(f["rule"] for f in json.load(open(sys.argv[1]))["findings"]))' "$tmp/lite.json" >>"$tmp/narrowed_rules"
  done
done
# The comparison means something only if the narrowed scopes found things:
# every rule of the fixture is found in one of them.
findings=$(grep -c . "$tmp/narrowed_rules" || true)
rules=$(sort -u "$tmp/narrowed_rules" | grep -c . || true)
if [[ $rules != 13 ]]; then
  echo "expected the narrowed scopes to find all 13 rules, found $rules:" $(sort -u "$tmp/narrowed_rules") >&2
  fails=$((fails + 1))
fi
echo "${#scopes[@]} scopes compared; the narrowed ones found $findings findings of $rules rules"
exit $((fails > 0))
