"""The environment of the portal processes a benchmark starts."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def portal_env(database_url, index_prefix, elasticsearch_url=None):
    """The environment of a portal process that a benchmark starts: this one's,
    with the development settings, no debugging, and the given database and,
    if any, engine."""
    env = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "ELASTICSEARCH_URL")
        },
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DEBUG": "0",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "ELASTICSEARCH_INDEX_PREFIX": index_prefix,
        "PYTHONPATH": str(ROOT),
    }
    if elasticsearch_url:
        env["ELASTICSEARCH_URL"] = elasticsearch_url
    return env


def portal_output(env, code, check=True):
    """Run Python ``code`` in a portal process with ``env`` (``django.setup()``
    is the code's to call) and give the last line it printed."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        check=check,
        capture_output=True,
        text=True,
    )
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""
