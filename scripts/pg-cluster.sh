#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: `pg-cluster.sh start DIR`
# makes a cluster in DIR (initdb), starts it listening only on a Unix socket
# in DIR, creates the database numreg and prints its URI
# (postgresql:///numreg?host=DIR); `pg-cluster.sh stop DIR` stops it and
# removes DIR. As root (CI), the server runs as the postgres user, since
# initdb refuses root.
set -euo pipefail
cmd=${1:?usage: pg-cluster.sh start|stop DIR}
dir=${2:?usage: pg-cluster.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" ]]; then
  echo "pg-cluster: PostgreSQL is not installed (scripts/deps.sh installs it)" >&2
  exit 69
fi
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir" && chmod 0711 "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c max_connections=40" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    # Open to every local user: the tests connect as whoever runs them.
    as_owner "$bin/psql" -h "$dir" -U postgres -d postgres -qAt \
      -c "CREATE ROLE \"$(id -un)\" LOGIN SUPERUSER" 2>/dev/null || true
    as_owner "$bin/psql" -h "$dir" -U postgres -d postgres -qAt \
      -c "CREATE DATABASE numreg OWNER \"$(id -un)\"" >/dev/null
    echo "postgresql:///numreg?host=$dir"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-cluster.sh start|stop DIR" >&2
    exit 64
    ;;
esac
