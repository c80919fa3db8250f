#!/usr/bin/env bash
# Create .venv and install the locked dependencies into it (again only when the
# lock file changes), then compile the translations.
#   Usage: scripts/bootstrap.sh [production|test]   (default: production)
set -euo pipefail
cd "$(dirname "$0")/.."

lock="requirements/${1:-production}.txt"
[ -f "$lock" ] || { echo "no lock file $lock" >&2; exit 1; }
python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
[ -n "$python" ] || { echo "Python 3.11 to 3.13 is needed (set PYTHON=/path/to/python3)" >&2; exit 1; }

[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-$(sha1sum "$lock" | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  # python-ldap (directory sign-in) is built from source against OpenLDAP.
  scripts/apt-require.sh build-essential python3-dev libldap2-dev libsasl2-dev
  echo "Installing $lock into .venv …" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  # Exactly the pinned, hash-checked versions; the portal runs from this folder.
  .venv/bin/python -m pip install --quiet --require-hashes --no-deps --requirement "$lock"
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# msgfmt compiles the translations.
scripts/apt-require.sh gettext
# Text recognition of scans (the worker): OCRmyPDF and Tesseract's Vietnamese model.
scripts/apt-require.sh ocrmypdf tesseract-ocr tesseract-ocr-vie
.venv/bin/python manage.py compilemessages --locale vi --ignore '.venv' --verbosity 0
