#!/usr/bin/env bash
# Create .venv and install the project into it (again only when pyproject.toml
# changes), then compile the translations.   Usage: scripts/bootstrap.sh [EXTRA]
set -euo pipefail
cd "$(dirname "$0")/.."

extra="${1:-}"
python="${PYTHON:-}"
if [ -z "$python" ]; then
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      python="$candidate"
      break
    fi
  done
fi
[ -n "$python" ] || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)" >&2; exit 1; }

[ -x .venv/bin/python ] || "$python" -m venv .venv
stamp=".venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)${extra:+-$extra}"
if [ ! -f "$stamp" ]; then
  echo "Installing dependencies into .venv …" >&2
  .venv/bin/python -m pip install --quiet --upgrade pip
  # Only the dependencies: the project itself runs from this folder.
  .venv/bin/python - "$extra" >.venv/requirements.txt <<'PY'
import sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
extras = project.get("optional-dependencies", {}).get(sys.argv[1], [])
print("\n".join(project["dependencies"] + extras))
PY
  .venv/bin/python -m pip install --quiet --requirement .venv/requirements.txt
  touch "$stamp"
fi

# msgfmt compiles the translations.
scripts/apt-require.sh gettext
.venv/bin/python manage.py compilemessages --locale vi --ignore '.venv' --verbosity 0
