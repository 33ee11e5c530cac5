#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL cluster up: NUMREG_TEST_PG holds
# its URI while the command runs (the PostgreSQL tests skip without it), and
# the cluster is stopped and removed afterwards, whatever the command did.
#   scripts/with-pg.sh ctest --test-dir build
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d "${TMPDIR:-/tmp}/numreg-pg.XXXXXX")
trap '"$here/pg-cluster.sh" stop "$dir"' EXIT
if uri=$("$here/pg-cluster.sh" start "$dir"); then
  export NUMREG_TEST_PG=$uri
  echo "numreg: PostgreSQL tests against $uri" >&2
else
  echo "numreg: no PostgreSQL cluster; its tests are skipped" >&2
fi
"$@"
