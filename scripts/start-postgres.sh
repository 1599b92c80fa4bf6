#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for tests, as the postgres user (it refuses
# to run as root). Prints the DATABASE_URL to use. Usage: scripts/start-postgres.sh [dir] [port]
# PG_EXTRA_OPTS: more server settings ("-c name=value ..."), e.g. the benchmarks' production-like memory.
set -euo pipefail
DIR=${1:-/tmp/certifica-pg}
PORT=${2:-55432}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if ! id postgres >/dev/null 2>&1; then useradd -r -m postgres; fi
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"; [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  run "$BIN/initdb -D $DIR -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
fi
if ! run "$BIN/pg_ctl -D $DIR status >/dev/null 2>&1"; then
  run "$BIN/pg_ctl -D $DIR -w -l $DIR/server.log -o \"-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200 ${PG_EXTRA_OPTS:-}\" start >/dev/null"
fi
echo "postgresql://postgres@127.0.0.1:$PORT/postgres"
