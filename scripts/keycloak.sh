#!/usr/bin/env bash
# Start or stop a throw-away Keycloak (OpenID Connect provider) on loopback.
#
#   scripts/keycloak.sh start STATE_DIR   launches it and prints its URL at once
#   scripts/keycloak.sh wait STATE_DIR    returns once it answers (a minute or two)
#   scripts/keycloak.sh stop STATE_DIR
#
# Keycloak takes a minute or more to start on two cores, so the test command
# launches it first and the tests that need it wait for it. It runs in
# development mode (an in-memory database) with the realm "portal" imported from
# a file written here: a confidential client "portal" (secret
# "portal-test-secret") whose tokens carry the user's groups in a "groups" claim.
# The master realm's administrator is admin / portal-test; the tests create their
# own people and groups through the admin API.
#
# The server distribution is fetched once from Maven Central into a cache outside
# the repository, with the build step of its first start (Quarkus' augmentation,
# about half a minute), which later starts reuse.
set -euo pipefail
SERVICE=keycloak
. "$(dirname "$0")/service-lib.sh"

KC_VERSION="${PORTAL_KEYCLOAK_VERSION:-26.5.6}"
# Keycloak 26 needs Java 21+; the machine's default Java is 17.
KC_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CACHE_DIR="${PORTAL_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/portal}"
KC_DIST="$CACHE_DIR/keycloak-$KC_VERSION"
# lib/quarkus after the build step of start-dev with the options below
KC_BUILT="$CACHE_DIR/keycloak-$KC_VERSION-dev-build"
KC_OPTIONS=(start-dev --db=dev-mem --import-realm --health-enabled=true)
MAVEN="https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist"

fetch_distribution() {
  [ -x "$KC_DIST/bin/kc.sh" ] && return
  "$(dirname "$0")/apt-require.sh" curl
  [ -x "$KC_JAVA_HOME/bin/java" ] || die "no Java 21+ at $KC_JAVA_HOME; set KEYCLOAK_JAVA_HOME or KEYCLOAK_TEST_URL"
  mkdir -p "$CACHE_DIR"
  log "fetching the server distribution $KC_VERSION from Maven Central (once)"
  local unpack zip="$CACHE_DIR/keycloak-quarkus-dist-$KC_VERSION.zip"
  curl -fsSL -o "$zip.part" "$MAVEN/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip" \
    || die "could not fetch Keycloak $KC_VERSION"
  mv "$zip.part" "$zip"
  unpack=$(mktemp -d "$CACHE_DIR/unpack.XXXXXX")
  python3 -m zipfile -e "$zip" "$unpack"
  # Python's zipfile drops the execute bits.
  chmod a+x "$unpack/keycloak-$KC_VERSION"/bin/*.sh
  mv "$unpack/keycloak-$KC_VERSION" "$KC_DIST"
  rm -rf "$unpack" "$zip"
}

write_realm() {
  cat >"$1" <<'JSON'
{
  "realm": "portal",
  "enabled": true,
  "sslRequired": "none",
  "clients": [
    {
      "clientId": "portal",
      "enabled": true,
      "publicClient": false,
      "secret": "portal-test-secret",
      "standardFlowEnabled": true,
      "directAccessGrantsEnabled": false,
      "redirectUris": ["*"],
      "protocolMappers": [
        {
          "name": "groups",
          "protocol": "openid-connect",
          "protocolMapper": "oidc-group-membership-mapper",
          "config": {
            "claim.name": "groups",
            "full.path": "false",
            "id.token.claim": "true",
            "access.token.claim": "true",
            "userinfo.token.claim": "true"
          }
        }
      ]
    }
  ]
}
JSON
}

start() {
  fetch_distribution
  mkdir -p "$STATE"
  STATE=$(cd "$STATE" && pwd)
  # A home of its own (configuration, data, build output); the libraries are shared.
  local home="$STATE/home" port management
  mkdir -p "$home/lib" "$home/data/import"
  cp -R "$KC_DIST/bin" "$KC_DIST/conf" "$KC_DIST/providers" "$KC_DIST/themes" "$home/"
  cp -R "$KC_DIST/lib/app" "$KC_DIST/lib/quarkus-run.jar" "$home/lib/"
  ln -s "$KC_DIST/lib/lib" "$home/lib/lib"
  if [ -d "$KC_BUILT" ]; then
    cp -R "$KC_BUILT" "$home/lib/quarkus"
  else
    cp -R "$KC_DIST/lib/quarkus" "$home/lib/quarkus"
  fi
  write_realm "$home/data/import/portal-realm.json"
  port=$(free_port)
  management=$(free_port)
  log "starting $KC_VERSION on 127.0.0.1:$port"
  JAVA_HOME="$KC_JAVA_HOME" JAVA_OPTS_KC_HEAP="-Xms256m -Xmx768m" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=portal-test \
    setsid "$home/bin/kc.sh" "${KC_OPTIONS[@]}" --http-host=127.0.0.1 \
    --http-port="$port" --http-management-port="$management" \
    >"$STATE/keycloak.log" 2>&1 </dev/null &
  echo $! >"$STATE/keycloak.pid"
  echo "http://127.0.0.1:$management" >"$STATE/management-url"
  echo "http://127.0.0.1:$port" | tee "$STATE/url"
}

wait_ready() {
  [ -f "$STATE/url" ] || die "not started in $STATE"
  local health
  health="$(cat "$STATE/management-url")/health/ready"
  for _ in $(seq 1 300); do
    curl -fsS "$health" >/dev/null 2>&1 && return
    kill -0 "$(cat "$STATE/keycloak.pid")" 2>/dev/null \
      || { tail -n 40 "$STATE/keycloak.log" >&2; die "the server stopped"; }
    sleep 1
  done
  tail -n 40 "$STATE/keycloak.log" >&2
  die "the server did not answer within 300 s"
}

# Keep the build step's output for the next start, once one has made it.
keep_build() {
  [ -d "$KC_BUILT" ] && return
  grep -q "Quarkus augmentation completed" "$STATE/keycloak.log" 2>/dev/null || return 0
  grep -q "Listening on" "$STATE/keycloak.log" || return 0
  local copy
  copy=$(mktemp -d "$CACHE_DIR/build.XXXXXX")
  cp -R "$STATE/home/lib/quarkus/." "$copy/"
  mv -T "$copy" "$KC_BUILT" 2>/dev/null || rm -rf "$copy"
}

stop() {
  [ -f "$STATE/keycloak.pid" ] || return 0
  keep_build
  local pid
  pid=$(cat "$STATE/keycloak.pid")
  # setsid made it a process group of its own: the build step's Java too
  kill -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 -- "-$pid" 2>/dev/null || true
}

if [ "${1:-}" = wait ] && [ $# -eq 2 ]; then
  STATE="$2"
  wait_ready
  exit
fi
run_service_command "$@"
