from datetime import timedelta

from django.utils import timezone

from portal.news.factories import make_article, make_section


def featured_titles(client):
    return [article.title for article in client.get("/").context["featured"]]


def test_the_home_page_features_the_articles_editors_chose(client, home_page):
    section = make_section(home_page)
    now = timezone.now()
    for days in range(1, 5):
        make_article(
            section, title=f"Bài mới {days}", published_at=now - timedelta(days=days)
        )
    make_article(
        section,
        title="Bài được chọn",
        published_at=now - timedelta(days=30),
        featured=True,
    )

    assert featured_titles(client) == ["Bài được chọn"]


def test_until_editors_choose_the_newest_articles_are_featured(client, home_page):
    section = make_section(home_page)
    now = timezone.now()
    for days in range(1, 5):
        make_article(
            section, title=f"Bài {days}", published_at=now - timedelta(days=days)
        )

    assert featured_titles(client) == ["Bài 1", "Bài 2", "Bài 3"]
