"""Stored search words gain each word as written, with its diacritics, so
that a query word typed with diacritics matches only that word."""

from django.db import migrations
from django.utils import translation

from portal.core.text import word_text
from portal.documents.types import DocumentType


def refill(apps, schema_editor):
    Document = apps.get_model("documents", "Document")
    documents = Document.objects.select_related("issuer").prefetch_related(
        "attachments"
    )
    batch = []
    for document in documents.iterator(chunk_size=500):
        with translation.override("vi"):
            type_name = str(DocumentType(document.document_type).label)
        title = " ".join(
            [document.symbol, document.symbol_key, type_name, document.title]
        )
        other = [
            document.issuer.name,
            document.signer,
            document.body,
            *(attachment.extracted_text for attachment in document.attachments.all()),
        ]
        document.search_title = word_text(title)
        document.search_text = word_text(" ".join([title, *other]))
        batch.append(document)
        if len(batch) == 500:
            Document.objects.bulk_update(batch, ["search_title", "search_text"])
            batch = []
    Document.objects.bulk_update(batch, ["search_title", "search_text"])


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_identity_includes_term")]

    operations = [migrations.RunPython(refill, migrations.RunPython.noop)]
