import pytest
from wagtail.models import Page


def search_titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [hit.title for hit in response.context["results"].hits]


@pytest.mark.engine
def test_a_published_page_is_found_without_diacritics_until_it_is_unpublished(
    client, home_page, search_backend
):
    title = "Nghị quyết về phát triển Thủ đô Hà Nội"
    page = home_page.add_child(instance=Page(title=title, slug="nq-thu-do", live=False))
    search_backend.refresh_indexes()
    assert title not in search_titles(client, "nghi quyet thu do")

    page.save_revision().publish()
    search_backend.refresh_indexes()
    assert search_titles(client, "nghi quyet thu do") == [title]
    assert search_titles(client, "Nghị quyết Thủ đô") == [title]

    page.refresh_from_db()
    page.unpublish()
    search_backend.refresh_indexes()
    assert title not in search_titles(client, "nghi quyet thu do")


@pytest.mark.engine
def test_autocomplete_matches_prefixes_with_and_without_diacritics(
    home_page, search_backend
):
    page = home_page.add_child(
        instance=Page(title="Kết luận của Ban Thường vụ", slug="kl")
    )
    search_backend.refresh_indexes()

    for prefix in ["Kết lu", "ket lu", "ban thuong v"]:
        assert list(Page.objects.live().autocomplete(prefix)) == [page], prefix
