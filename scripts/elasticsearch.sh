#!/usr/bin/env bash
# Start or stop a throw-away Elasticsearch on loopback for the tests.
#
#   scripts/elasticsearch.sh start STATE_DIR   one node; prints its URL once it is healthy
#   scripts/elasticsearch.sh stop STATE_DIR    stops it, or every node of a cluster
#   scripts/elasticsearch.sh start-cluster STATE_DIR N
#       N nodes (node-1 master and data, the others data only) in STATE_DIR/node-I;
#       prints their URLs, comma-separated, once all have joined and every shard
#       has its copies (green)
#   scripts/elasticsearch.sh stop-node STATE_DIR I / start-node STATE_DIR I
#       stop or restart one node of the cluster (the fault drill)
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

# launch NODE_DIR: start the node configured in NODE_DIR/config, as a daemon
launch() {
  local node="$1"
  as_engine_user env ES_JAVA_HOME="$ES_JAVA_HOME" ES_PATH_CONF="$node/config" \
    ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    "$ES_HOME/bin/elasticsearch" -d -p "$node/es.pid" >"$node/logs/stdout.log" 2>&1 \
    || { tail -n 40 "$node/logs/"*.log >&2; die "the engine did not start"; }
}

# configure NODE_DIR HTTP_PORT YAML…: a fresh node folder with its settings
configure() {
  local node="$1" port="$2"
  shift 2
  mkdir -p "$node/config" "$node/data" "$node/logs"
  cp -R "$ES_HOME/config/." "$node/config/"
  {
    echo "network.host: 127.0.0.1"
    echo "http.port: $port"
    echo "path.data: $node/data"
    echo "path.logs: $node/logs"
    echo "xpack.security.enabled: false"
    echo "cluster.routing.allocation.disk.threshold_enabled: false"
    echo "action.destructive_requires_name: false"
    printf '%s\n' "$@"
  } >"$node/config/elasticsearch.yml"
  echo "http://127.0.0.1:$port" >"$node/url"
  chmod -R a+rwX "$node"
}

# wait_healthy URL QUERY [SECONDS]: wait (120 s by default) for the cluster health QUERY
wait_healthy() {
  for _ in $(seq 1 "${3:-120}"); do
    curl -fsS "$1/_cluster/health?$2&timeout=1s" >/dev/null 2>&1 && return 0
    sleep 1
  done
  return 1
}

start() {
  fetch_distribution
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  local port
  port=$(free_port)
  configure "$STATE" "$port" "cluster.name: portal-test" "node.name: portal-test" \
    "discovery.type: single-node"
  log "starting $ES_VERSION on 127.0.0.1:$port (heap $ES_HEAP)"
  launch "$STATE"
  if wait_healthy "$(cat "$STATE/url")" "wait_for_status=yellow"; then
    cat "$STATE/url"
    return
  fi
  tail -n 40 "$STATE/logs/"*.log >&2 || true
  stop
  die "the engine did not become healthy within 120 s"
}

start_cluster() {
  local count="$1" i ports=() transports=() seeds="" urls=""
  [ "$count" -ge 2 ] || die "a cluster needs at least 2 nodes"
  fetch_distribution
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  for i in $(seq 1 "$count"); do
    ports+=("$(free_port)")
    transports+=("$(free_port)")
    seeds="$seeds${seeds:+, }\"127.0.0.1:${transports[-1]}\""
  done
  # One master-eligible node: a cluster of two cannot lose either of two
  # masters and keep a quorum, and the drill stops a data node.
  for i in $(seq 1 "$count"); do
    local roles="[data, ingest]"
    [ "$i" = 1 ] && roles="[master, data, ingest]"
    configure "$STATE/node-$i" "${ports[$((i - 1))]}" \
      "cluster.name: portal-cluster" "node.name: node-$i" "node.roles: $roles" \
      "transport.port: ${transports[$((i - 1))]}" "discovery.seed_hosts: [$seeds]" \
      "cluster.initial_master_nodes: [node-1]"
    urls="$urls${urls:+,}$(cat "$STATE/node-$i/url")"
  done
  echo "$urls" >"$STATE/url"
  log "starting a cluster of $count nodes of $ES_VERSION (heap $ES_HEAP each)"
  for i in $(seq 1 "$count"); do launch "$STATE/node-$i"; done
  # Two JVMs starting at once on a busy machine take longer than one.
  if wait_healthy "$(cat "$STATE/node-1/url")" "wait_for_nodes=$count&wait_for_status=green" 300; then
    echo "$urls"
    return
  fi
  tail -n 40 "$STATE"/node-*/logs/portal-cluster.log >&2 || true
  stop
  die "the cluster did not form within 300 s"
}

# stop_pid NODE_DIR: stop the node whose pid file is there
stop_pid() {
  [ -f "$1/es.pid" ] || return 0
  local pid
  pid=$(cat "$1/es.pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

stop() {
  local node
  for node in "$STATE" "$STATE"/node-*; do
    [ -d "$node" ] && stop_pid "$node"
  done
  return 0
}

start_node() {
  local node="$STATE/node-$1" count
  [ -f "$node/url" ] || die "no node $1 in $STATE"
  count=$(ls -d "$STATE"/node-* | wc -l)
  launch "$node"
  # answered by the node once it has joined the others
  if wait_healthy "$(cat "$node/url")" "wait_for_nodes=$count" 300; then
    cat "$node/url"
    return
  fi
  die "node $1 did not join the cluster within 300 s"
}

case "${1:-}" in
  start-cluster)
    [ $# -eq 3 ] || die "usage: $0 start-cluster STATE_DIR N"
    STATE="$2"; start_cluster "$3" ;;
  stop-node)
    [ $# -eq 3 ] || die "usage: $0 stop-node STATE_DIR I"
    STATE="$2"; stop_pid "$STATE/node-$3" ;;
  start-node)
    [ $# -eq 3 ] || die "usage: $0 start-node STATE_DIR I"
    STATE="$2"; STATE=$(cd "$STATE" && pwd); start_node "$3" ;;
  *) run_service_command "$@" ;;
esac
