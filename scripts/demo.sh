#!/usr/bin/env bash
# Run the portal with demo content on the embedded default (SQLite and the
# database search backend) at http://127.0.0.1:8000. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-portal.settings.dev}"
.venv/bin/python manage.py migrate --noinput --verbosity 0
.venv/bin/python manage.py load_demo
echo "Serving on http://127.0.0.1:8000 (admin: http://127.0.0.1:8000/admin/). Ctrl-C stops."
exec .venv/bin/python manage.py runserver "${PORTAL_ADDRESS:-127.0.0.1:8000}"
