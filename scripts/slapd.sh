#!/usr/bin/env bash
# Start or stop a throw-away OpenLDAP directory on loopback for the tests.
#
#   scripts/slapd.sh start STATE_DIR   prints the LDAP URL once it answers
#   scripts/slapd.sh stop STATE_DIR
#
# The directory holds dc=portal,dc=test with ou=people, ou=groups and a default
# password policy (the ppolicy overlay, which refuses a bind to an entry locked
# with pwdAccountLockedTime). Its manager is cn=admin,dc=portal,dc=test with the
# password "portal-test"; the tests load and change their own entries through it.
set -euo pipefail
SERVICE=slapd
. "$(dirname "$0")/service-lib.sh"

SUFFIX="dc=portal,dc=test"
MANAGER_PASSWORD="portal-test"

start() {
  "$(dirname "$0")/apt-require.sh" slapd ldap-utils || die "or set LDAP_TEST_URL"
  mkdir -p "$STATE/data"
  STATE=$(cd "$STATE" && pwd)
  local port
  port=$(free_port)
  cat >"$STATE/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload ppolicy
pidfile $STATE/slapd.pid
argsfile $STATE/slapd.args

database mdb
maxsize 104857600
suffix "$SUFFIX"
rootdn "cn=admin,$SUFFIX"
rootpw $MANAGER_PASSWORD
directory $STATE/data
index objectClass eq
index uid,member eq
overlay ppolicy
ppolicy_default "cn=default,ou=policies,$SUFFIX"
CONF
  cat >"$STATE/base.ldif" <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
dc: portal
o: Portal test directory

dn: ou=people,$SUFFIX
objectClass: organizationalUnit
ou: people

dn: ou=groups,$SUFFIX
objectClass: organizationalUnit
ou: groups

dn: ou=policies,$SUFFIX
objectClass: organizationalUnit
ou: policies

dn: cn=default,ou=policies,$SUFFIX
objectClass: pwdPolicy
objectClass: device
cn: default
pwdAttribute: userPassword
pwdLockout: TRUE
LDIF
  /usr/sbin/slapadd -f "$STATE/slapd.conf" -l "$STATE/base.ldif" >"$STATE/slapadd.log" 2>&1 \
    || { cat "$STATE/slapadd.log" >&2; die "slapadd failed"; }
  local url="ldap://127.0.0.1:$port"
  /usr/sbin/slapd -f "$STATE/slapd.conf" -h "$url/" >"$STATE/slapd.log" 2>&1 \
    || { cat "$STATE/slapd.log" >&2; die "slapd did not start"; }
  for _ in $(seq 1 50); do
    if ldapsearch -x -H "$url" -b "$SUFFIX" -s base -LLL dn >/dev/null 2>&1; then
      echo "$url"
      return
    fi
    sleep 0.2
  done
  stop
  die "the directory did not answer within 10 s"
}

stop() {
  [ -f "$STATE/slapd.pid" ] || return 0
  local pid
  pid=$(cat "$STATE/slapd.pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}

run_service_command "$@"
