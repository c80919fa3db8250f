#!/usr/bin/env bash
# Compile the lock files from pyproject.toml: every version pinned with its
# hashes, resolved for Python 3.11 to 3.13. uv runs from a throw-away venv.
set -euo pipefail
cd "$(dirname "$0")/.."

tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
python3 -m venv "$tools"
"$tools/bin/pip" install --quiet "uv>=0.13,<0.14"
compile() {
  "$tools/bin/uv" pip compile pyproject.toml --universal --python-version 3.11 \
    --generate-hashes --quiet --custom-compile-command "make lock" "$@"
}
compile --extra test -o requirements/test.txt
# Production pins the same versions as the tests ran with.
compile --constraint requirements/test.txt -o requirements/production.txt
