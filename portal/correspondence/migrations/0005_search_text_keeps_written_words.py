"""Stored search words gain each word as written, with its diacritics, so
that a query word typed with diacritics matches only that word."""

from django.db import migrations

from portal.core.text import word_text


def refill_entries(model, parts):
    batch = []
    for entry in model.objects.iterator(chunk_size=500):
        title = " ".join([entry.symbol, entry.symbol_key, entry.title])
        entry.search_title = word_text(title)
        entry.search_text = word_text(" ".join([title, *parts(entry)]))
        batch.append(entry)
        if len(batch) == 500:
            model.objects.bulk_update(batch, ["search_title", "search_text"])
            batch = []
    model.objects.bulk_update(batch, ["search_title", "search_text"])


def refill(apps, schema_editor):
    refill_entries(
        apps.get_model("correspondence", "IncomingDocument"),
        lambda entry: [
            entry.sender.name if entry.sender_id else "",
            entry.recipient,
            entry.notes,
        ],
    )
    refill_entries(
        apps.get_model("correspondence", "OutgoingDocument"),
        lambda entry: [
            entry.issuer.name if entry.issuer_id else "",
            entry.signer,
            entry.recipients,
            entry.notes,
        ],
    )


class Migration(migrations.Migration):
    dependencies = [("correspondence", "0004_vietnamese_names")]

    operations = [migrations.RunPython(refill, migrations.RunPython.noop)]
