"""The environment of the portal processes a benchmark starts."""

import os
from pathlib import Path


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
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
    }
    if elasticsearch_url:
        env["ELASTICSEARCH_URL"] = elasticsearch_url
    return env
