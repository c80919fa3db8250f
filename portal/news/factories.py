"""Builders of news pages for tests (pages are added to the tree, not created)."""

import datetime

from portal.news.models import ArticlePage, SectionPage


def make_section(home, title="Tin hoạt động", slug="tin-hoat-dong"):
    return home.add_child(instance=SectionPage(title=title, slug=slug))


def make_article(section, title="Hội nghị sơ kết", **fields):
    fields.setdefault("lead", "Sáng nay đã diễn ra hội nghị.")
    fields.setdefault(
        "published_at", datetime.datetime(2023, 1, 25, 1, 37, tzinfo=datetime.UTC)
    )
    fields.setdefault("slug", f"bai-{ArticlePage.objects.count() + 1}")
    article = section.add_child(instance=ArticlePage(title=title, **fields))
    article.save_revision().publish()
    article.refresh_from_db()
    return article
