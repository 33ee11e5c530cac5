#!/usr/bin/env bash
# Every man page formats with groff without a warning, on the UTF-8 terminal
# device man uses (the default PostScript device has no CJK glyphs).
set -euo pipefail
cd "${NUMREG_SOURCE_DIR:?}"
status=0
for page in man/*.[1-9] man/zh_CN/*.[1-9]; do
  out=$(groff -man -ww -z -Tutf8 "$page" 2>&1) || status=1
  if [ -n "$out" ]; then
    echo "$page: $out"
    status=1
  fi
done
[ $status -eq 0 ] && echo "man_pages: ok ($(ls man/*.[1-9] man/zh_CN/*.[1-9] | wc -l) pages)"
exit $status
