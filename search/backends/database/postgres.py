"""Wagtail's database backend for PostgreSQL, with the portal's search."""

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

from search.backends.database.base import PortalDatabaseSearchMixin


class PortalPostgresSearchBackend(PortalDatabaseSearchMixin, PostgresSearchBackend):
    pass


SearchBackend = PortalPostgresSearchBackend
