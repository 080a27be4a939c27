#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback for the database tests: `scripts/postgres.sh start` prints the
# DATABASE_URL; `scripts/postgres.sh stop` removes it. Runs as the postgres user when started as
# root (PostgreSQL refuses to run as root).
set -euo pipefail
PGPORT="${PARLEY_TEST_PG_PORT:-5433}"
STATE=/tmp/parley-test-postgres
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$BIN" ] || { echo "PostgreSQL is not installed (scripts/install-system-deps.sh installs it)." >&2; exit 1; }

as_pg() {
  if [ "$(id -u)" = "0" ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "${1:-start}" in
  start)
    if [ -f "$STATE/data/postmaster.pid" ]; then as_pg "$BIN/pg_ctl -D $STATE/data -m immediate stop" >/dev/null 2>&1 || true; fi
    rm -rf "$STATE"; mkdir -p "$STATE"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$STATE"
    as_pg "$BIN/initdb -D $STATE/data -U postgres --auth=trust -E UTF8 --no-locale" >"$STATE.init.log" 2>&1
    as_pg "$BIN/pg_ctl -D $STATE/data -l $STATE/log -w -o \"-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c fsync=off -c max_connections=200\" start" >/dev/null
    psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create role parley login password 'parley'" -c "create database parley owner parley" >/dev/null
    echo "postgres://parley:parley@127.0.0.1:$PGPORT/parley"
    ;;
  stop)
    [ -d "$STATE/data" ] && as_pg "$BIN/pg_ctl -D $STATE/data -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$STATE"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
