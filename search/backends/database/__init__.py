"""The embedded default: Wagtail's database backend, plus the portal's search.

Wagtail has one database backend per vendor and picks one for the default
database (``modelsearch.backends.database.SearchBackend``). The portal
subclasses each with ``PortalDatabaseSearchMixin``, one module per vendor
(``search.backends.database.postgres``, ``.sqlite``, ``.mysql``,
``.fallback``), and ``SearchBackend`` gives the portal's subclass of the
backend Wagtail picks: ``WAGTAILSEARCH_BACKENDS`` names this package, as it
would name Wagtail's, or one vendor's module. A vendor's module is imported
only when chosen, since Wagtail's backend for it needs that vendor's models.
"""

from importlib import import_module

from modelsearch.backends.database import SearchBackend as wagtail_backend_for

VENDOR_MODULES = {
    "PostgresSearchBackend": "postgres",
    "SQLiteSearchBackend": "sqlite",
    "MySQLSearchBackend": "mysql",
    "DatabaseSearchBackend": "fallback",
}


def SearchBackend(params):
    """The portal's subclass of the backend Wagtail picks for the default database."""
    chosen = type(wagtail_backend_for(params)).__name__
    return import_module(f"{__name__}.{VENDOR_MODULES[chosen]}").SearchBackend(params)
