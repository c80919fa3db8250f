#!/usr/bin/env bash
# Start or stop a throw-away single-node Elasticsearch on loopback for the tests.
#
#   scripts/elasticsearch.sh start STATE_DIR   prints the node's URL once it is healthy
#   scripts/elasticsearch.sh stop STATE_DIR
#
# The test distribution is fetched once from Maven Central into a cache outside the
# repository; each run gets its own data folder under STATE_DIR. The engine refuses
# to run as root, so under root it runs as an unprivileged system user.
set -euo pipefail
SERVICE=elasticsearch
. "$(dirname "$0")/service-lib.sh"

ES_VERSION="${PORTAL_ES_VERSION:-9.5.4}"
ES_HEAP="${PORTAL_ES_HEAP:-512m}"
ES_USER="${PORTAL_ES_USER:-portal-search}"
# Elasticsearch 9 needs Java 21+; the machine's default Java is 17.
ES_JAVA_HOME="${ES_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "$(id -u)" = 0 ]; then
  # Root's home is closed to the unprivileged user, so the cache lives elsewhere.
  CACHE_DIR="${PORTAL_CACHE_DIR:-/var/cache/portal}"
else
  CACHE_DIR="${PORTAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/portal}"
fi
ES_HOME="$CACHE_DIR/elasticsearch-$ES_VERSION"

fetch_distribution() {
  [ -x "$ES_HOME/bin/elasticsearch" ] && return
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch the engine; install it or set ELASTICSEARCH_URL"
  [ -x "$ES_JAVA_HOME/bin/java" ] || die "no Java 21+ at $ES_JAVA_HOME; set ES_JAVA_HOME or ELASTICSEARCH_URL"
  mkdir -p "$CACHE_DIR"
  log "fetching the test distribution $ES_VERSION from Maven Central (once)"
  mvn -q dependency:copy \
    -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
    -DoutputDirectory="$CACHE_DIR" >&2 || die "could not fetch Elasticsearch $ES_VERSION"
  local unpack
  unpack=$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")
  python3 -m zipfile -e "$CACHE_DIR/elasticsearch-$ES_VERSION.zip" "$unpack"
  # Python's zipfile drops the execute bits; the engine user must read everything.
  chmod -R a+rX "$unpack"
  chmod a+x "$unpack/elasticsearch-$ES_VERSION"/bin/*
  mv "$unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
  rm -rf "$unpack" "$CACHE_DIR/elasticsearch-$ES_VERSION.zip"
}

as_engine_user() {
  if [ "$(id -u)" = 0 ]; then
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER"
    chown -R "$ES_USER" "$STATE"
    runuser -u "$ES_USER" -- "$@"
  else
    "$@"
  fi
}

start() {
  fetch_distribution
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  local port
  port=$(free_port)
  mkdir -p "$STATE/config" "$STATE/data" "$STATE/logs"
  cp -R "$ES_HOME/config/." "$STATE/config/"
  cat > "$STATE/config/elasticsearch.yml" <<YML
cluster.name: portal-test
node.name: portal-test
discovery.type: single-node
network.host: 127.0.0.1
http.port: $port
path.data: $STATE/data
path.logs: $STATE/logs
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
YML
  chmod -R a+rwX "$STATE"
  log "starting $ES_VERSION on 127.0.0.1:$port (heap $ES_HEAP)"
  as_engine_user env ES_JAVA_HOME="$ES_JAVA_HOME" ES_PATH_CONF="$STATE/config" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$STATE/es.pid" >"$STATE/logs/stdout.log" 2>&1 \
    || { tail -n 40 "$STATE/logs/"*.log >&2; die "the engine did not start"; }
  local url="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do
    if curl -fsS "$url/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      echo "$url" > "$STATE/url"
      echo "$url"
      return
    fi
    sleep 1
  done
  tail -n 40 "$STATE/logs/"*.log >&2 || true
  stop
  die "the engine did not become healthy within 120 s"
}

stop() {
  [ -f "$STATE/es.pid" ] || return 0
  local pid
  pid=$(cat "$STATE/es.pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

run_service_command "$@"
