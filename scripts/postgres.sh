#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL cluster on loopback for the tests.
#
#   scripts/postgres.sh start STATE_DIR   prints the DATABASE_URL once it accepts connections
#   scripts/postgres.sh stop STATE_DIR
#
# Installs Debian's postgresql package when no server is found. The server refuses
# to run as root, so under root it runs as the postgres system user.
set -euo pipefail
SERVICE=postgres
. "$(dirname "$0")/service-lib.sh"

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/postgres" ]; then
    "$(dirname "$0")/apt-require.sh" postgresql || die "or set DATABASE_URL"
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$dir"
}

as_db_user() {
  if [ "$(id -u)" = 0 ]; then
    chown -R postgres "$STATE"
    (cd "$STATE" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

start() {
  local bin port
  bin=$(find_bin)
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  chmod 755 "$STATE"
  port=$(free_port)
  as_db_user "$bin/initdb" -D "$STATE/data" -U portal --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 || { cat "$STATE/initdb.log" >&2; die "initdb failed"; }
  # Durability is pointless for a test database; speed is not.
  as_db_user "$bin/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 start \
    -o "-p $port -k $STATE -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { tail -n 30 "$STATE/server.log" >&2; die "the server did not start"; }
  echo "$bin" >"$STATE/bin"
  as_db_user "$bin/createdb" -h 127.0.0.1 -p "$port" -U portal portal
  echo "postgres://portal@127.0.0.1:$port/portal"
}

stop() {
  [ -f "$STATE/bin" ] || return 0
  as_db_user "$(cat "$STATE/bin")/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null
}

run_service_command "$@"
