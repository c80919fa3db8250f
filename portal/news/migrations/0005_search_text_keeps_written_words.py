"""Stored search words gain each word as written, with its diacritics, so
that a query word typed with diacritics matches only that word."""

from django.db import migrations

from portal.core.text import word_text


def refill(apps, schema_editor):
    ArticlePage = apps.get_model("news", "ArticlePage")
    batch = []
    for article in ArticlePage.objects.iterator(chunk_size=200):
        body = " ".join(
            " ".join(block.block.get_searchable_content(block.value))
            for block in article.body
        )
        article.search_title = word_text(article.title)
        article.search_text = word_text(
            " ".join([article.title, article.lead, article.author, body])
        )
        batch.append(article)
        if len(batch) == 200:
            ArticlePage.objects.bulk_update(batch, ["search_title", "search_text"])
            batch = []
    ArticlePage.objects.bulk_update(batch, ["search_title", "search_text"])


class Migration(migrations.Migration):
    dependencies = [("news", "0004_articlepage_featured")]

    operations = [migrations.RunPython(refill, migrations.RunPython.noop)]
