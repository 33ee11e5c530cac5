#!/usr/bin/env bash
# Each file of fixtures/bad/ is imported into a registry holding the Hainan
# fixtures: it must fail with exit 65, print exactly the diagnostics beside
# it (FILE.expected), and leave the registry byte for byte unchanged.
set -euo pipefail
numreg=$(realpath "$1")
src=${NUMREG_SOURCE_DIR:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk NUMREG_DB=$tmp/r.db
"$numreg" init >/dev/null
"$numreg" -q import "$src"/fixtures/hainan/*
sqlite3 "$NUMREG_DB" .dump > "$tmp/before.sql"
status=0
cd "$src/fixtures/bad"
for file in *; do
  case $file in *.expected) continue ;; esac
  rc=0
  timeout 30 "$numreg" import "$file" 2> "$tmp/stderr" >/dev/null || rc=$?
  if [ $rc -ne 65 ]; then
    echo "import_bad_fixtures: $file: exit $rc, expected 65"
    status=1
  fi
  if ! diff -u "$file.expected" "$tmp/stderr"; then
    echo "import_bad_fixtures: $file: diagnostics differ"
    status=1
  fi
  sqlite3 "$NUMREG_DB" .dump > "$tmp/after.sql"
  if ! cmp -s "$tmp/before.sql" "$tmp/after.sql"; then
    echo "import_bad_fixtures: $file: the registry changed"
    status=1
  fi
done
[ $status -eq 0 ] && echo "import_bad_fixtures: ok"
exit $status
