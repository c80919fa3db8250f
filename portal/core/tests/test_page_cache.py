import pytest
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.access.factories import UserFactory
from portal.access.sharing import share
from portal.core.cache import current_generation
from portal.core.middleware import AnonymousPageCacheMiddleware
from portal.news.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(home_page):
    return make_article(make_section(home_page), title="Bài đã đăng")


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_an_anonymous_reader_gets_the_article_from_the_cache(client, article):
    first, first_queries = queries_for(client, article.url)
    second, second_queries = queries_for(client, article.url)

    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_the_article_page_sets_no_cookie_so_it_can_be_shared(client, article):
    # The comment form and the language switch carry no CSRF token.
    response = client.get(article.url)
    assert not response.cookies
    assert 'name="csrfmiddlewaretoken"' not in response.content.decode()


def test_signed_in_staff_are_never_served_from_the_cache(client, article):
    client.get(article.url)
    client.force_login(UserFactory(role="staff"))

    response, queries = queries_for(client, article.url)

    assert queries > 0
    assert "Đăng xuất" in response.content.decode()


def test_publishing_a_change_retires_the_cached_page(client, article):
    client.get(article.url)
    article.title = "Bài đã sửa"
    article.save_revision().publish()

    assert "Bài đã sửa" in client.get(article.url).content.decode()


def test_unpublishing_retires_the_cached_page(client, article):
    client.get(article.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404


def test_restricting_an_article_takes_it_from_anonymous_readers_at_once(
    client, article
):
    client.get(article.url)
    client.get("/")
    article.access = "restricted"
    article.save(update_fields=["access"])
    share(article, groups=[], users=[UserFactory()], by_user=None)

    assert client.get(article.url).status_code == 302
    assert "Bài đã đăng" not in client.get("/").content.decode()


def test_an_answer_that_sets_a_cookie_is_never_stored(rf):
    calls = []

    def view(request):
        calls.append(request)
        response = HttpResponse("with a form token")
        response.set_cookie("csrftoken", "abc")
        return response

    middleware = AnonymousPageCacheMiddleware(view)
    for _ in range(2):
        request = rf.get("/trang/")
        request.LANGUAGE_CODE = "vi"
        middleware(request)

    assert len(calls) == 2


def test_each_language_has_its_own_cached_copy(client, article):
    client.get(article.url)
    client.cookies["django_language"] = "en"
    response = client.get(article.url)
    assert response["Content-Language"] == "en"
    assert 'lang="en"' in response.content.decode()


def test_saving_a_site_retires_cached_pages_and_the_cached_site(client, article):
    client.get(article.url)
    before = current_generation()

    Site.objects.get(is_default_site=True).save()

    assert current_generation() != before


@pytest.fixture
def file_caches(settings, tmp_path):
    """The page cache on disk as in production, with room for a few pages."""
    file_cache = "django.core.cache.backends.filebased.FileBasedCache"
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": file_cache,
            "LOCATION": str(tmp_path / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 12},
        },
        "page-generation": {
            "BACKEND": file_cache,
            "LOCATION": str(tmp_path / "pages" / "generation"),
        },
    }
    return tmp_path / "pages"


def cached_files(folder):
    return list(folder.glob("*.djcache"))


def test_a_withdrawn_page_stays_withdrawn_when_the_full_cache_culls(
    client, article, file_caches
):
    assert client.get(article.url).status_code == 200
    article.unpublish()
    generation = current_generation()
    section_url = article.get_parent().url

    # Three times the room: the cache culls at random, over and over.
    for number in range(1, 37):
        client.get(f"{section_url}?page={number}")
        assert client.get(article.url).status_code == 404

    assert len(cached_files(file_caches)) <= 12
    # The number never starts again, so nothing cached before comes back.
    assert current_generation() == generation


def test_a_lost_copy_of_the_generation_does_not_bring_pages_back(
    client, article, file_caches
):
    client.get(article.url)
    article.unpublish()
    client.get(article.url)

    caches["page-generation"].clear()

    assert client.get(article.url).status_code == 404


def test_made_up_query_parameters_create_no_cache_entries(client, article, file_caches):
    client.get(article.url)
    stored = len(cached_files(file_caches))

    for number in range(5):
        response = client.get(f"{article.url}?utm_source={number}")
        assert response.status_code == 200
    client.get(f"{article.get_parent().url}?page=1&page=2")
    client.get(f"{article.get_parent().url}?sort=new")

    assert len(cached_files(file_caches)) == stored


def test_a_page_the_view_paginates_is_kept_for_each_page_number(client, article):
    section_url = article.get_parent().url
    client.get(f"{section_url}?page=1")

    response, queries = queries_for(client, f"{section_url}?page=1")

    assert response.status_code == 200
    assert queries == 0
