#!/usr/bin/env bash
# Run the portal with demo content on the embedded default (SQLite and the
# database search backend) at PORTAL_ADDRESS (host:port, default
# 127.0.0.1:8000). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

address="${PORTAL_ADDRESS:-127.0.0.1:8000}"
case "$address" in
  *:*) ;;
  *) address="127.0.0.1:$address" ;; # a port alone
esac
host="${address%:*}"
host="${host#[}"; host="${host%]}"
case "$host" in
  0.0.0.0 | "::") shown_host=127.0.0.1 allowed="*" ;; # every interface, any name
  *) shown_host="$host" allowed="localhost,127.0.0.1,[::1],${address%:*}" ;;
esac
case "$shown_host" in
  *:*) url="http://[$shown_host]:${address##*:}" ;;
  *) url="http://$shown_host:${address##*:}" ;;
esac

scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}"
# Links in e-mails and the site's own address (sitemap, full links) name the
# address served; the portal's own Vietnamese error pages, as in production.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-$url}"
export DEBUG="${DEBUG:-0}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-$allowed}"
.venv/bin/python manage.py migrate --noinput --verbosity 0
.venv/bin/python manage.py load_demo
echo "Serving on $url/ (admin: $url/admin/). Ctrl-C stops."
exec .venv/bin/python manage.py runserver "$address"
