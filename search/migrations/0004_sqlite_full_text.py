"""FTS5 tables over the folded words of every model the embedded default
searches, on SQLite only (see ``search.backends.database.fts``)."""

from django.db import migrations

from search.backends.database.fts import (
    covering_index,
    create_statements,
    drop_statements,
)

SEARCHED = [
    ("documents", "Document"),
    ("news", "ArticlePage"),
    ("correspondence", "IncomingDocument"),
    ("correspondence", "OutgoingDocument"),
]


# What the search reads of each match, beside its key. Only the archive grows
# to a hundred thousand rows and more.
COVERED = {
    "Document": [
        "access",
        "live",
        "issued_on",
        "document_type",
        "issued_year",
        "status",
        "issuer_id",
        "symbol_key",
        "search_title",
    ],
}


def tables(apps):
    for app_label, name in SEARCHED:
        meta = apps.get_model(app_label, name)._meta
        yield meta.db_table, meta.pk.column, COVERED.get(name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for db_table, pk_column, covered in tables(apps):
        for statement in create_statements(db_table, pk_column):
            schema_editor.execute(statement)
        if covered:
            schema_editor.execute(covering_index(db_table, covered)[0])


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for db_table, _pk_column, covered in tables(apps):
        for statement in drop_statements(db_table):
            schema_editor.execute(statement)
        if covered:
            schema_editor.execute(covering_index(db_table, covered)[1])


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_vietnamese_names"),
        ("documents", "0008_subject_areas_sorted_by_their_manager"),
        ("news", "0005_search_text_keeps_written_words"),
        ("correspondence", "0006_report_receipts"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
