#!/usr/bin/env bash
# man/numreg-import.5 is the page the schemas generate: regenerate it with
#   build/numreg import-manual > man/numreg-import.5
set -euo pipefail
numreg=$1
cd "${NUMREG_SOURCE_DIR:?}"
if ! diff -u man/numreg-import.5 <("$numreg" import-manual); then
  echo "import_manual: man/numreg-import.5 is stale: run 'numreg import-manual > man/numreg-import.5'"
  exit 1
fi
# Every field of every schema is in the page.
for schema in schemas/import/*.toml; do
  for field in $(sed -n 's/^name = "\(.*\)"/\1/p' "$schema"); do
    grep -q "^\.B $field\$" man/numreg-import.5 || { echo "import_manual: $schema: $field missing"; exit 1; }
  done
done
echo "import_manual: ok"
