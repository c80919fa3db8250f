"""Wagtail's database backend for MySQL and MariaDB, with the portal's search."""

from modelsearch.backends.database.mysql.mysql import MySQLSearchBackend

from search.backends.database.base import PortalDatabaseSearchMixin


class PortalMySQLSearchBackend(PortalDatabaseSearchMixin, MySQLSearchBackend):
    pass


SearchBackend = PortalMySQLSearchBackend
