#!/usr/bin/env bash
# Start or stop a throw-away Redis on loopback for the tests and the fault drill.
#
#   scripts/redis.sh start STATE_DIR   prints the REDIS_URL once it answers
#   scripts/redis.sh stop STATE_DIR
#
# Debian's redis-server, with the memory policy deploy/redis/portal.conf gives
# production: only entries with an expiry are ever evicted, so the page cache's
# generation number (kept without one) never is.
set -euo pipefail
SERVICE=redis
. "$(dirname "$0")/service-lib.sh"

DEPLOY_CONF="$(cd "$(dirname "$0")/.." && pwd)/deploy/redis/portal.conf"

start() {
  command -v redis-server >/dev/null || "$(dirname "$0")/apt-require.sh" redis-server ||
    die "or set REDIS_URL"
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  local port
  port=$(free_port)
  cat >"$STATE/redis.conf" <<CONF
include $DEPLOY_CONF
bind 127.0.0.1
port $port
dir $STATE
pidfile $STATE/redis.pid
logfile $STATE/redis.log
daemonize yes
# a throw-away instance keeps nothing on disk
save ""
appendonly no
CONF
  redis-server "$STATE/redis.conf" || die "redis-server did not start"
  for _ in $(seq 1 50); do
    if redis-cli -p "$port" ping 2>/dev/null | grep -q PONG; then
      echo "$port" >"$STATE/port"
      echo "redis://127.0.0.1:$port/0"
      return
    fi
    sleep 0.2
  done
  tail -n 20 "$STATE/redis.log" >&2 || true
  die "Redis did not answer within 10 s"
}

stop() {
  [ -f "$STATE/port" ] || return 0
  redis-cli -p "$(cat "$STATE/port")" shutdown nosave >/dev/null 2>&1 || true
  rm -f "$STATE/port"
}

run_service_command "$@"
