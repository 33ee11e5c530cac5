# PostgreSQL for the e2e scripts: NUMREG_TEST_PG is the URI of a throwaway
# cluster's database (scripts/pg-cluster.sh, started by `make test`).
# pg_require skips the script (exit 77) without one; pg_fresh NAME makes an
# empty database of its own for the script, dropped when it exits, and sets
# PG_URI to it. pg_start NAME does what a script comparing the two stores
# starts with: pg_require, pg_fresh NAME, a temporary folder $tmp, both
# removed when the script exits (the folder kept with KEEP=1), and the
# clock and actor of the fixtures.

pg_require() {
  if [[ -z "${NUMREG_TEST_PG:-}" ]]; then
    echo "skipped: no PostgreSQL cluster (set NUMREG_TEST_PG, as \`make test\` does with scripts/pg-cluster.sh)"
    exit 77
  fi
  command -v psql >/dev/null || { echo "skipped: psql is not installed"; exit 77; }
}

pg_fresh() {
  local name="t_$1_$$"
  psql "$NUMREG_TEST_PG" -qAt -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $name" \
    -c "CREATE DATABASE $name" >/dev/null
  PG_URI=$(sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$name#" <<<"$NUMREG_TEST_PG")
  PG_DROP="$name"
}

pg_drop() {
  [[ -n "${PG_DROP:-}" ]] && psql "$NUMREG_TEST_PG" -qAt -c "DROP DATABASE IF EXISTS $PG_DROP WITH (FORCE)" >/dev/null 2>&1
  return 0
}

pg_start() {
  pg_require
  tmp=$(mktemp -d)
  pg_fresh "$1"
  trap 'pg_drop; [[ -n "${KEEP:-}" ]] || rm -rf "$tmp"' EXIT
  export NUMREG_NOW=2026-11-29T09:30:00Z NUMREG_ACTOR=clerk
}
