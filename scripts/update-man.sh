#!/usr/bin/env bash
# Write the generated man pages into man/ (English) and man/zh_CN/ (Chinese)
# from a built numreg: scripts/update-man.sh build/numreg
# numreg(1) itself is written by hand; tests/e2e/man_generated.sh checks the rest.
set -euo pipefail
numreg=$(realpath "${1:?usage: scripts/update-man.sh path/to/numreg}")
cd "$(dirname "$0")/.."
mkdir -p man/zh_CN
for page in $(LANG=C "$numreg" man); do
  LANG=C "$numreg" --lang en man "$page" > "man/$page"
  LANG=C "$numreg" --lang zh man "$page" > "man/zh_CN/$page"
done
