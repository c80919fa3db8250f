"""Wagtail's generic database backend, with the portal's search.

Wagtail uses it for databases it has no backend of its own for, and for SQLite
without FTS5.
"""

from modelsearch.backends.database.fallback import DatabaseSearchBackend

from search.backends.database.base import PortalDatabaseSearchMixin


class PortalDatabaseSearchBackend(PortalDatabaseSearchMixin, DatabaseSearchBackend):
    pass


SearchBackend = PortalDatabaseSearchBackend
