"""Vietnamese alphabetical order in the database.

PostgreSQL has ICU's Vietnamese collation (`vi-x-icu`) whatever locale the
cluster was created with; SQLite gets a collation of the same name, computed
by portal.core.text.vietnamese_sort_key, on every new connection. So
`order_by(vietnamese("name"))` sorts alike on both.
"""

from django.db.models.functions import Collate

from portal.core.text import vietnamese_sort_key

VIETNAMESE = "vi-x-icu"


def vietnamese(expression):
    """An expression (usually a field name) compared in Vietnamese order."""
    return Collate(expression, VIETNAMESE)


def _compare(left, right):
    left, right = vietnamese_sort_key(left), vietnamese_sort_key(right)
    return (left > right) - (left < right)


def register_sqlite_collation(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_collation(VIETNAMESE, _compare)
