#!/usr/bin/env bash
# Run the whole test suite against PostgreSQL, a real Elasticsearch node and Redis.
# Services named by DATABASE_URL / ELASTICSEARCH_URL / REDIS_URL are used as they are;
# otherwise throw-away ones are started on loopback and stopped at the end,
# on failure and on Ctrl-C too. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh test
# The browser tests drive Debian's Chromium; Playwright never downloads one.
scripts/apt-require.sh chromium
# Two application servers behind Debian's nginx (tests/test_two_servers.py).
scripts/apt-require.sh nginx
# Signatures: SoftHSM2 as the token, pdfsig and NSS's certutil as the second verifier.
scripts/apt-require.sh softhsm2 poppler-utils libnss3-tools
# Recognition tests and the benchmark draw their scans with DejaVu Serif.
scripts/apt-require.sh fonts-dejavu-core

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")
chmod 755 "$run_dir"
own_postgres=""
own_engine=""
own_keycloak=""
own_directory=""
own_redis=""

cleanup() {
  local status=$?
  if [ -n "$own_keycloak" ]; then
    scripts/keycloak.sh stop "$run_dir/keycloak" || echo "could not stop Keycloak" >&2
  fi
  if [ -n "$own_directory" ]; then
    scripts/slapd.sh stop "$run_dir/slapd" || echo "could not stop slapd" >&2
  fi
  if [ -n "$own_redis" ]; then
    scripts/redis.sh stop "$run_dir/redis" || echo "could not stop Redis" >&2
  fi
  if [ -n "$own_engine" ]; then
    scripts/elasticsearch.sh stop "$run_dir/elasticsearch" || echo "could not stop Elasticsearch" >&2
  fi
  if [ -n "$own_postgres" ]; then
    scripts/postgres.sh stop "$run_dir/postgres" || echo "could not stop PostgreSQL" >&2
  fi
  rm -rf "$run_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Keycloak takes a minute or more to start: launched first, in the background,
# and waited for by the single sign-on tests.
if [ -z "${KEYCLOAK_TEST_URL:-}" ]; then
  own_keycloak=1
  KEYCLOAK_TEST_URL=$(scripts/keycloak.sh start "$run_dir/keycloak")
fi

if [ -z "${DATABASE_URL:-}" ]; then
  own_postgres=1
  DATABASE_URL=$(scripts/postgres.sh start "$run_dir/postgres")
fi
if [ -z "${ELASTICSEARCH_URL:-}" ]; then
  own_engine=1
  ELASTICSEARCH_URL=$(scripts/elasticsearch.sh start "$run_dir/elasticsearch")
fi
if [ -z "${REDIS_URL:-}" ]; then
  own_redis=1
  REDIS_URL=$(scripts/redis.sh start "$run_dir/redis")
fi
if [ -z "${LDAP_TEST_URL:-}" ]; then
  own_directory=1
  LDAP_TEST_URL=$(scripts/slapd.sh start "$run_dir/slapd")
fi
export DATABASE_URL ELASTICSEARCH_URL REDIS_URL
export KEYCLOAK_TEST_URL LDAP_TEST_URL
export DJANGO_SETTINGS_MODULE=portal.settings.test
echo "Database: ${DATABASE_URL%%@*}@…  Search engine: $ELASTICSEARCH_URL" >&2

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python manage.py check
.venv/bin/python manage.py makemigrations --check --dry-run
.venv/bin/python -m pytest "$@"
