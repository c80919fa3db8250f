"""SQLite FTS5 over the folded words, for the embedded default.

Each searched table gets an FTS5 table of its ``search_text`` (``<table>_fts``,
external content: the words are stored once, in the table itself), kept in
step by triggers on every insert, update and delete, whichever code writes the
row (a model's ``save``, the importer's bulk statements, a raw update). The
tokenizer keeps diacritics, as ``search_text`` holds each word folded and, if
it has them, as written (``portal.core.text.word_text``): a word typed without
diacritics matches its folded form, one typed with them only itself, exactly
as the ``LIKE '% word %'`` of the other databases.

The tables are created by a migration, on SQLite only; other databases search
the text with ``LIKE`` (``search.backends.database.base``).
"""

from django.db import connections

TOKENIZER = "unicode61 remove_diacritics 0"


def fts_table(db_table):
    return f"{db_table}_fts"


def create_statements(db_table, pk_column):
    """The FTS table of ``db_table``, its triggers, and its first filling."""
    fts = fts_table(db_table)
    new = f"new.{pk_column}, new.search_text"
    old = f"'delete', old.{pk_column}, old.search_text"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5(search_text, "
        f"content='{db_table}', content_rowid='{pk_column}', "
        f"tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {db_table} BEGIN "
        f"INSERT INTO {fts}(rowid, search_text) VALUES ({new}); END",
        f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {db_table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ({old}); END",
        f"CREATE TRIGGER {fts}_update AFTER UPDATE OF search_text ON {db_table} "
        f"BEGIN INSERT INTO {fts}({fts}, rowid, search_text) VALUES ({old}); "
        f"INSERT INTO {fts}(rowid, search_text) VALUES ({new}); END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def covering_index(db_table, columns):
    """An index holding every column a search reads from the matches (access,
    filters, order, facets), so that no row with its long texts is read."""
    return (
        f"CREATE INDEX {db_table}_search ON {db_table} ({', '.join(columns)})",
        f"DROP INDEX IF EXISTS {db_table}_search",
    )


def drop_statements(db_table):
    fts = fts_table(db_table)
    return [
        *(
            f"DROP TRIGGER IF EXISTS {fts}_{event}"
            for event in ("insert", "delete", "update")
        ),
        f"DROP TABLE IF EXISTS {fts}",
    ]


def match_expression(words, phrases, operator):
    """An FTS5 query: every word (or, with ``operator`` "or", any) and every
    phrase, each quoted so that it is read as words, never as syntax. Words
    are letters and digits only (``portal.core.text``)."""
    terms = [f'"{term}"' for term in [*words, *phrases]]
    return f" {operator.upper()} ".join(terms)


_tables = {}


def tables_with_fts(alias):
    """The tables of the database ``alias`` that have an FTS table, read once
    per process (they change only with a migration)."""
    if alias not in _tables:
        with connections[alias].cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name LIKE '%\\_fts' ESCAPE '\\'"
            )
            _tables[alias] = {name.removesuffix("_fts") for (name,) in cursor}
    return _tables[alias]
