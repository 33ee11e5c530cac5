#!/usr/bin/env bash
# The progress line of import, audit and screen on a terminal (a pty made by
# script(1)): drawn on standard error, cut to the terminal's width, in the
# language of the run, and erased when done; never drawn when standard
# error is a file, nor with --quiet.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export NUMREG_DB=$tmp/registry.db NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=test
export XDG_CONFIG_HOME=$tmp/config LANG=C LC_ALL=C TERM=xterm
unset NUMREG_LANG COLUMNS NO_COLOR
fail() { echo "FAIL: $*" >&2; exit 1; }

bash "$src/fixtures/cdr/build.sh" "$numreg" "$NUMREG_DB" >/dev/null
# 100,000 call records (6 MB): long enough for a line every 4096 records.
python3 - <<'PY'
with open("calls.csv", "w") as f:
    f.write("time,trunk,caller,callee,ring_s,talk_s\n")
    for i in range(100000):
        s = i % 86400
        f.write(f"2026-11-28T{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d},"
                f"TRK-DZ-001,08986612{i % 100:04d},138{i:08d},5,30\n")
PY

# on_tty COMMAND: run COMMAND (stdout to a file) with a terminal for stdin
# and stderr; print what the terminal got, escapes shown by cat -v, without
# script's own first and last lines.
on_tty() {
  rm -f typescript
  script -qec "$1" typescript </dev/null >/dev/null || true
  cat -v typescript | sed -e '1{/^Script started/d}' -e '${/^Script done/d}'
}

SCREEN_LINE='\^Mscreen: [0-9]+ records, [0-9]+ records/s'
ERASE='\^M\^\[\[K$'

# screen, a file: records, rate, share done and time left; erased at the end.
got=$(on_tty "$numreg screen calls.csv > out.txt")
echo "$got" | grep -Eq "${SCREEN_LINE}, [0-9]+% done, ([0-9]+ h )?([0-9]+ min )?[0-9]+ (s|min) left\^\[\[K" ||
  fail "screen: no progress line with time left: $got"
echo "$got" | grep -Eq "$ERASE" || fail "screen: progress line not erased: $got"
grep -q '^screened 100000 records' out.txt || fail "screen: no summary: $(cat out.txt)"
grep -q 'records/s' out.txt && fail "screen: progress on stdout"

# screen, standard input: no total, so no time left.
got=$(on_tty "cat calls.csv | $numreg screen - > out.txt")
echo "$got" | grep -Eq "${SCREEN_LINE}\^\[\[K" || fail "screen -: no progress line: $got"
echo "$got" | grep -q 'left' && fail "screen -: time left without a total: $got"

# Cut to the terminal's width (COLUMNS=40): 39 columns at most, with "…".
got=$(on_tty "COLUMNS=40 $numreg screen calls.csv > out.txt")
echo "$got" | grep -Eq '\^Mscreen: [0-9]+ records, [0-9]+ recor.*M-bM-\^@M-&\^\[\[K' ||
  fail "screen: line not cut to 40 columns: $got"
LC_ALL=C.UTF-8 script -qec "COLUMNS=40 $numreg screen calls.csv > out.txt" typescript </dev/null >/dev/null
python3 - typescript <<'PY' || fail "screen: a line wider than 39 columns"
import re, sys, unicodedata
text = open(sys.argv[1], encoding="utf-8").read()
for line in re.findall(r"\r([^\r\x1b]*)\x1b\[K", text):
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    assert 0 < width <= 39, (line, width)
PY

# In Chinese.
LC_ALL=C.UTF-8 script -qec "$numreg --lang zh screen calls.csv > out.txt" typescript </dev/null >/dev/null
grep -Eq $'\rscreen：已处理 [0-9]+ 条记录，每秒 [0-9]+ 条，已完成 [0-9]+%，还需 ' typescript ||
  fail "screen --lang zh: no Chinese progress line: $(cat -v typescript)"

# Never when standard error is a file, nor with --quiet.
got=$(on_tty "$numreg screen calls.csv > out.txt 2> err.txt")
echo "$got" | grep -q 'records/s' && fail "screen 2>file: progress on the terminal: $got"
grep -q 'records/s' err.txt && fail "screen 2>file: progress in the file: $(cat -v err.txt)"
got=$(on_tty "$numreg --quiet screen calls.csv > out.txt")
echo "$got" | grep -q 'records/s' && fail "screen --quiet: progress shown: $got"

# audit and import share the line.
got=$(on_tty "$numreg audit > out.txt")
echo "$got" | grep -Eq '\^Maudit: [0-9]+ records, [0-9]+ records/s' || fail "audit: no progress line: $got"
echo "$got" | grep -Eq "$ERASE" || fail "audit: progress line not erased: $got"
got=$(on_tty "$numreg audit > out.txt 2> err.txt")
echo "$got$(cat err.txt)" | grep -q 'records/s' && fail "audit 2>file: progress shown: $got"
export NUMREG_DB=$tmp/hainan.db
"$numreg" -q init
got=$(on_tty "$numreg import $src/fixtures/hainan/* > out.txt")
echo "$got" | grep -Eq '\^Mimport: [0-9]+ records, [0-9]+ records/s' || fail "import: no progress line: $got"
echo "$got" | grep -Eq "$ERASE" || fail "import: progress line not erased: $got"
grep -q '^imported 7 files' out.txt || fail "import: $(cat out.txt)"
echo "progress_terminal: ok"
