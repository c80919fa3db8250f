from importlib import import_module

from django.apps import apps

from portal.news.factories import make_article, make_section
from portal.news.models import ArticlePage

refill = import_module(
    "portal.news.migrations.0005_search_text_keeps_written_words"
).refill


def test_the_migration_adds_the_written_words_to_stored_articles(home_page):
    make_article(
        make_section(home_page),
        title="Hội nghị chuyển đổi số",
        lead="Thành uỷ chủ trì.",
        author="Trần Hòa",
    )
    expected = ArticlePage.objects.values_list("search_title", "search_text").get()
    ArticlePage.objects.update(search_title=" old ", search_text=" old ")

    refill(apps, None)

    stored = ArticlePage.objects.values_list("search_title", "search_text").get()
    assert stored == expected
    assert " chuyển " in stored[0]
    assert " ủy " in stored[1] and " hòa " in stored[1]
