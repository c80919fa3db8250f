"""Wagtail's database backend for SQLite with FTS5, with the portal's search.

The folded words are matched through the FTS5 tables a migration creates
(``search.backends.database.fts``) instead of scanning the text.
"""

from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

from search.backends.database.base import PortalDatabaseSearchMixin
from search.backends.database.fts import fts_table, match_expression, tables_with_fts


class PortalSQLiteSearchBackend(PortalDatabaseSearchMixin, SQLiteSearchBackend):
    def _text_q(self, model, words, phrases, operator):
        db_table = model._meta.db_table
        if db_table not in tables_with_fts(model.objects.db):
            return super()._text_q(model, words, phrases, operator)
        fts = fts_table(db_table)
        # The unary + keeps SQLite from reading each match's row by its key
        # (the rows hold the long texts): it reads the narrow index that holds
        # what the access filter, the order and the facets need instead.
        pk = f'+"{db_table}"."{model._meta.pk.column}"'
        matching = RawSQL(
            f"{pk} IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)",
            [match_expression(words, phrases, operator)],
            output_field=BooleanField(),
        )
        return Q(matching)


SearchBackend = PortalSQLiteSearchBackend
