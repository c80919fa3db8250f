"""Wagtail's database backend for SQLite with FTS5, with the portal's search."""

from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

from search.backends.database.base import PortalDatabaseSearchMixin


class PortalSQLiteSearchBackend(PortalDatabaseSearchMixin, SQLiteSearchBackend):
    pass


SearchBackend = PortalSQLiteSearchBackend
