import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.comments.factories import CommentFactory
from portal.comments.models import Comment
from portal.news.factories import make_article, make_section


def rendered_query_count(client, url):
    client.get(url)  # the menu and the site are kept until the next publication
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_content(section, article, count):
    for number in range(count):
        make_article(section, title=f"Bài liên quan {number}")
        CommentFactory(page=article, status=Comment.Status.APPROVED)
        CommentFactory(page=article)
        article.tags.add(f"chủ đề {number}")
    article.save_revision().publish()


@pytest.mark.django_db
def test_the_article_page_makes_as_many_queries_with_much_more_around_it(
    client, home_page, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # measure the page being built
    section = make_section(home_page)
    article = make_article(section, title="Bài chính")
    add_content(section, article, 2)
    few = rendered_query_count(client, article.url)

    add_content(section, article, 15)
    many = rendered_query_count(client, article.url)

    assert many == few
    assert few <= 4
