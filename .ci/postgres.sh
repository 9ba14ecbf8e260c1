#!/usr/bin/env bash
# Start a throwaway PostgreSQL for the register's tests, on 127.0.0.1:54329 only, and export
# DOCGEN_TEST_PG_URL. Use from .ci/run as `source .ci/postgres.sh`, or run it and eval the last
# line it prints. Installs Debian's postgresql when missing. When sourced, the server stops
# on exit (`docgen_pg_stop` becomes the EXIT trap unless the caller already has one; then call
# it yourself); when run, it keeps running (stop: pg_ctl -D "$DOCGEN_PG_DIR/data" stop).
#
# Safe under `set -euo pipefail`; re-running it reuses a server already up on the port.

DOCGEN_PG_PORT="${DOCGEN_PG_PORT:-54329}"
DOCGEN_PG_DB=docgen_test

docgen_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

# Run a PostgreSQL program as the unprivileged postgres user when we are root (the server
# refuses to run as root), as ourselves otherwise.
docgen_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

docgen_pg_start() {
  local bin
  bin=$(docgen_pg_bin)
  if ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$DOCGEN_PG_PORT"; then
    DOCGEN_PG_DIR=$(mktemp -d /tmp/docgen-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres: "$DOCGEN_PG_DIR"; fi
    docgen_pg_as_owner "$bin/initdb" -D "$DOCGEN_PG_DIR/data" -U postgres -A trust \
      -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
    docgen_pg_as_owner "$bin/pg_ctl" -D "$DOCGEN_PG_DIR/data" -l "$DOCGEN_PG_DIR/server.log" \
      -o "-p $DOCGEN_PG_PORT -c listen_addresses=127.0.0.1 -k $DOCGEN_PG_DIR -c fsync=off" \
      -w start >/dev/null
    export DOCGEN_PG_DIR
  fi
  local exists
  exists=$("$bin/psql" -h 127.0.0.1 -p "$DOCGEN_PG_PORT" -U postgres -Atq -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = '$DOCGEN_PG_DB'")
  if [ "$exists" != 1 ]; then
    "$bin/createdb" -h 127.0.0.1 -p "$DOCGEN_PG_PORT" -U postgres "$DOCGEN_PG_DB"
  fi
  export DOCGEN_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$DOCGEN_PG_PORT/$DOCGEN_PG_DB"
}

docgen_pg_stop() {
  if [ -n "${DOCGEN_PG_DIR:-}" ] && [ -d "$DOCGEN_PG_DIR/data" ]; then
    docgen_pg_as_owner "$(docgen_pg_bin)/pg_ctl" -D "$DOCGEN_PG_DIR/data" -m fast -w stop \
      >/dev/null || true
    rm -rf "$DOCGEN_PG_DIR"
  fi
}

docgen_pg_start
if [ "${BASH_SOURCE[0]}" != "$0" ] && [ -z "$(trap -p EXIT)" ]; then
  trap docgen_pg_stop EXIT
fi
echo "export DOCGEN_TEST_PG_URL=$DOCGEN_TEST_PG_URL${DOCGEN_PG_DIR:+ DOCGEN_PG_DIR=$DOCGEN_PG_DIR}"
