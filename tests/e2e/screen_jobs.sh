#!/usr/bin/env bash
# numreg screen --jobs N: the same bytes as one thread (summary, JSON, -o
# rows, errors) on the fixture day and on a generated day whose callers call
# again and again across the rounds the records are handed out in (S004 and
# S005 runs on their edges, records out of order); --jobs 0 or garbage is a
# usage error.
set -euo pipefail
numreg=$1
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=test
export XDG_CONFIG_HOME=$tmp/config
fail() { echo "FAIL: $*" >&2; exit 1; }

# screen_all NAME ARGS...: run with --jobs 1, 2, 3 and 8, as JSON with -o and
# as text (standard input from $stdin); every output of every N must equal that of --jobs 1.
screen_all() {
  local name=$1
  shift
  for jobs in 1 2 3 8; do
    local out=$tmp/$name-$jobs
    "$numreg" --json screen --jobs "$jobs" "$@" -o "$out.csv" < "${stdin:-/dev/null}" > "$out.json" 2> "$out.err" || true
    "$numreg" screen --jobs "$jobs" "$@" < "${stdin:-/dev/null}" > "$out.txt" 2>&1 || true
    if [ "$jobs" != 1 ]; then
      for ext in csv json err txt; do
        cmp -s "$tmp/$name-1.$ext" "$out.$ext" || fail "$name: --jobs $jobs .$ext differs from --jobs 1"
      done
    fi
  done
}

# The fixture day (every rule, unreadable records), from the registry.
bash "$src/fixtures/cdr/build.sh" "$numreg" "$NUMREG_DB"
screen_all fixture "$src/fixtures/cdr/day.csv"
[ "$(wc -l < "$tmp/fixture-1.csv")" -eq 48 ] || fail "fixture rows: $(wc -l < "$tmp/fixture-1.csv")"
grep -q '"S005": 21' "$tmp/fixture-8.json" || fail "fixture S005 count"

# A generated day: 200 leases, 120,000 records (rounds of 4,096 records),
# one-ring and bombing runs, bad callers and unknown trunks; one record in a
# hundred moved a few minutes back and one in a thousand far back (late).
bash "$src/bench/make_registry.sh" "$numreg" "$tmp/bench.db" 200 > /dev/null
python3 "$src/bench/gen_cdrs.py" 120000 200 7 > "$tmp/gen.csv"
python3 - "$tmp/gen.csv" "$tmp/day.csv" <<'EOF'
import random, sys
rng = random.Random(3)
lines = open(sys.argv[1]).read().splitlines()
out = [lines[0]]
for line in lines[1:]:
    time, rest = line.split(",", 1)
    r = rng.random()
    if r < 0.01 or r > 0.999:
        h, m, s = (int(x) for x in time[11:].split(":"))
        t = max(0, h * 3600 + m * 60 + s - (rng.randrange(500) if r < 0.01 else 700 + rng.randrange(3000)))
        time = f"{time[:11]}{t // 3600:02}:{t // 60 % 60:02}:{t % 60:02}"
    out.append(f"{time},{rest}")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
EOF
NUMREG_DB=$tmp/bench.db "$numreg" --quiet screen --snapshot-out "$tmp/bench.bin"
screen_all generated --snapshot "$tmp/bench.bin" "$tmp/day.csv"
python3 - "$tmp/generated-1.json" <<'EOF' || fail "generated day: rules or late records missing"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["records"] == 120000, d["records"]
assert all(d["by_rule"][r] > 0 for r in ("S001", "S003", "S004", "S005")), d["by_rule"]
assert d["late"] > 0, d["late"]
EOF
# The same day, its callers written in many ways (separators, prefixes, a
# carrier's, "(0)", full width): one thread reads them as the same numbers, so
# the summary and rows are those of the day as generated; several threads must
# meet each caller's records in one thread's windows (S004 and S005) to agree.
python3 - "$tmp/day.csv" "$tmp/spelled.csv" <<'EOF'
import random, re, sys
rng = random.Random(5)
def wide(text):
    return "".join(chr(ord(c) + 0xFEE0) for c in text)
def spell(caller):
    m = re.fullmatch(r"\+86(898)(\d{4})(\d{4})|\+86(1\d\d)(\d{4})(\d{4})", caller)
    if not m:
        return caller
    a, b, c = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
    fixed = a == "898"
    trunk = "0" if fixed else ""
    return rng.choice([
        caller, f"{trunk}{a}-{b} {c}", f"0086 {a} {b} {c}", f"86{a}{b}{c}",
        f"+86 (0){a} {b}{c}" if fixed else f"(+86) {a}.{b}.{c}",
        f"({trunk}{a}) {b}{c}", f"17951 {trunk}{a}{b}{c}", wide(caller)])
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
out = [lines[0]]
for line in lines[1:]:
    f = line.split(",")
    f[2] = spell(f[2])
    out.append(",".join(f))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out) + "\n")
EOF
screen_all spelled --snapshot "$tmp/bench.bin" "$tmp/spelled.csv"
cmp -s "$tmp/generated-1.json" "$tmp/spelled-1.json" || fail "spelled callers: summary differs from the day as generated"
cmp -s "$tmp/generated-1.csv" "$tmp/spelled-1.csv" || fail "spelled callers: rows differ from the day as generated"
[ "$(grep -c '898-' "$tmp/spelled.csv")" -gt 10000 ] || fail "spelled callers: too few spelled"

# Standard input and gzip, two inputs in one run.
gzip -c "$tmp/day.csv" > "$tmp/day.csv.gz"
head -50001 "$tmp/day.csv" > "$tmp/first.csv"
(head -1 "$tmp/day.csv"; tail -n +50002 "$tmp/day.csv") > "$tmp/second.csv"
stdin=$tmp/second.csv screen_all inputs --snapshot "$tmp/bench.bin" "$tmp/first.csv" - < "$tmp/second.csv"
screen_all gzip --snapshot "$tmp/bench.bin" "$tmp/day.csv.gz"
cmp -s "$tmp/generated-1.json" "$tmp/gzip-1.json" || fail "gzip summary differs"

# --jobs 0, garbage, and too many are usage errors (exit 64) that say what is wanted.
for bad in 0 x 2x -1 "" 65; do
  set +e
  "$numreg" screen --jobs "$bad" --snapshot "$tmp/bench.bin" "$tmp/day.csv" > /dev/null 2> "$tmp/bad.err"
  rc=$?
  set -e
  [ $rc -eq 64 ] || fail "--jobs '$bad' exit $rc"
  grep -qF -- "--jobs takes a number of threads from 1 to 64, not '$bad'" "$tmp/bad.err" \
    || fail "--jobs '$bad' message: $(cat "$tmp/bad.err")"
done
echo "screen jobs: ok"
