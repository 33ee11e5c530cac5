# PostgreSQL for the e2e scripts: NUMREG_TEST_PG is the URI of a throwaway
# cluster's database (scripts/pg-cluster.sh, started by `make test`).
# pg_require skips the script (exit 77) without one; pg_fresh NAME makes an
# empty database of its own for the script, dropped when it exits, and sets
# PG_URI to it (as the login role clerk) and PG_SUPER_URI (as the superuser). pg_start NAME does what a script comparing the two stores
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

# pg_role NAME [ATTRIBUTES]: a login role of the cluster (roles are the
# cluster's, made once whichever script comes first).
pg_role() {
  psql "$NUMREG_TEST_PG" -qAt -v ON_ERROR_STOP=1 -c "DO \$\$ BEGIN CREATE ROLE $1 LOGIN ${2:-};
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END \$\$" >/dev/null
}

# pg_as USER: the URI of this script's database, connecting as USER (the
# cluster trusts local connections: no password).
pg_as() {
  local sep='?'
  [[ $PG_SUPER_URI == *\?* ]] && sep='&'
  echo "$PG_SUPER_URI${sep}user=$1"
}

# pg_fresh NAME [OWNER]: the database belongs to the login role OWNER,
# by default "clerk", the actor of the fixtures (a PostgreSQL registry's
# journal names its database user): PG_URI connects as the owner,
# PG_SUPER_URI as the cluster's superuser.
pg_fresh() {
  local name="t_$1_$$" owner=${2:-clerk}
  pg_role "$owner"
  psql "$NUMREG_TEST_PG" -qAt -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $name" \
    -c "CREATE DATABASE $name OWNER $owner" >/dev/null
  PG_SUPER_URI=$(sed -E "s#^(postgres(ql)?://[^/]*/)[^?]*#\1$name#" <<<"$NUMREG_TEST_PG")
  PG_URI=$(pg_as "$owner")
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
