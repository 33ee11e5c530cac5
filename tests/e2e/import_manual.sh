#!/usr/bin/env bash
# man/numreg-import.5 is the page the schemas generate: regenerate it with
#   build/numreg import-manual > man/numreg-import.5
# (tests/e2e/man_generated.sh checks it and the Chinese man/zh_CN/numreg-import.5
# against `numreg --lang en|zh man numreg-import.5`; scripts/update-man.sh writes both)
set -euo pipefail
numreg=$1
cd "${NUMREG_SOURCE_DIR:?}"
if ! diff -u man/numreg-import.5 <("$numreg" import-manual); then
  echo "import_manual: man/numreg-import.5 is stale: run 'numreg import-manual > man/numreg-import.5'"
  exit 1
fi
# Every field of every schema is in both pages.
for schema in schemas/import/*.toml; do
  for field in $(sed -n 's/^name = "\(.*\)"/\1/p' "$schema"); do
    for page in man/numreg-import.5 man/zh_CN/numreg-import.5; do
      grep -q "^\.B $field\$" $page || { echo "import_manual: $schema: $field missing in $page"; exit 1; }
    done
  done
done
echo "import_manual: ok"
