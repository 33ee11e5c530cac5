#!/usr/bin/env bash
# Hostile input gets one clear error, in bounded time and memory: a 100 MB
# field, invalid UTF-8 inside a UTF-8 file, a deeply nested JSON document.
set -euo pipefail
numreg=$(realpath "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk NUMREG_DB=$tmp/r.db
"$numreg" init >/dev/null
status=0
expect() {  # expect FILE EXPECTED-STDERR: exit 65 and exactly that on stderr
  local rc=0
  /usr/bin/time -f "%M" -o rss timeout 60 "$numreg" import "$1" 2> err >/dev/null || rc=$?
  if [ $rc -ne 65 ] || [ "$(cat err)" != "$2" ]; then
    echo "import_hostile: $1: exit $rc"
    diff <(echo "$2") err || true
    status=1
  fi
  if [ "$(tail -1 rss)" -gt 204800 ]; then
    echo "import_hostile: $1: peak memory $(tail -1 rss) KB"
    status=1
  fi
}
{ printf 'uscc,name,kind\n91460400MA5TDR015T,"'; head -c 100000000 /dev/zero | tr '\0' 'x'; printf '",enterprise\n'; } > holders-big.csv
expect holders-big.csv "holders-big.csv:2:20: error[field-size]: field longer than 1048576 bytes (is a quote missing?)
numreg: error: 1 error found; nothing was imported"
printf '\xef\xbb\xbfuscc,name,kind\n91460400MA5TDR015T,\xff\xfe,enterprise\n' > holders-utf8.csv
expect holders-utf8.csv "holders-utf8.csv:2:20: error[encoding]: byte 0xFF is not UTF-8, though the text before it is: the file mixes encodings (save it again in one encoding, as UTF-8)
numreg: error: 1 error found; nothing was imported"
python3 -c "print('[' * 1000000 + ']' * 1000000)" > leases-deep.json
expect leases-deep.json "leases-deep.json:1:2: error[document-shape]: expected a record object, found a list
leases-deep.json:1:65: error[nesting]: values nested deeper than 64 levels
numreg: error: 2 errors found; nothing was imported"
[ $status -eq 0 ] && echo "import_hostile: ok"
exit $status
