#!/usr/bin/env bash
# The man pages numreg writes from its command tree (`numreg man PAGE`) are
# the ones committed in man/ and man/zh_CN/; regenerate them with
#   scripts/update-man.sh build/numreg
set -euo pipefail
numreg=$1
cd "${NUMREG_SOURCE_DIR:?}"
status=0
pages=$(LANG=C "$numreg" man)
[ -n "$pages" ] || { echo "man_generated: numreg man lists no pages"; exit 1; }
for page in $pages; do
  for lang in en zh; do
    file=man/$page
    [ $lang = zh ] && file=man/zh_CN/$page
    if ! diff -u "$file" <(LANG=C "$numreg" --lang $lang man "$page") >/dev/null 2>&1; then
      echo "man_generated: $file is stale or missing: run scripts/update-man.sh build/numreg"
      status=1
    fi
  done
done
# Every committed numreg-*.1 is one numreg still writes.
for file in man/numreg-*.1 man/zh_CN/numreg-*.1; do
  grep -qx "$(basename "$file")" <<<"$pages" || { echo "man_generated: $file: no such command"; status=1; }
done
[ $status -eq 0 ] && echo "man_generated: ok ($(wc -w <<<"$pages") pages, English and Chinese)"
exit $status
