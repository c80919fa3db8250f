import pytest
from django.core.files.storage import default_storage
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.images.factories import ImageFactory
from portal.news.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home_page):
    return make_section(home_page)


def image_url(image):
    return image.get_rendition("width-900").url


def test_a_public_articles_image_is_served_to_everyone_and_may_be_cached(
    client, section
):
    article = make_article(section, hero_image=ImageFactory())
    url = image_url(article.hero_image)

    response = client.get(url)

    assert url.startswith("/anh/")
    assert url in client.get(article.url).content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"]


def test_a_restricted_articles_image_is_served_only_to_those_it_is_shared_with(
    client, section
):
    article = make_article(section, hero_image=ImageFactory(), access="restricted")
    reader = UserFactory(role="staff")
    assign_perm("news.view_articlepage", reader, article)
    url = image_url(article.hero_image)

    anonymous = client.get(url)
    client.force_login(UserFactory(role="staff"))
    outsider = client.get(url)
    client.force_login(reader)
    shared = client.get(url)

    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert outsider.status_code == 404
    assert shared.status_code == 200
    assert shared["Cache-Control"] == "private, no-store"


def test_an_image_used_by_a_public_and_a_restricted_article_is_public(client, section):
    image = ImageFactory()
    make_article(section, hero_image=image, access="restricted")
    make_article(section, hero_image=image)
    assert client.get(image_url(image)).status_code == 200


def test_an_image_of_an_unpublished_article_is_not_public(client, section):
    article = make_article(section, hero_image=ImageFactory())
    article.unpublish()
    assert client.get(image_url(article.hero_image)).status_code == 302


def test_an_unused_image_is_seen_only_by_those_who_manage_images(client):
    url = image_url(ImageFactory())

    assert client.get(url).status_code == 302
    client.force_login(UserFactory(role="staff"))
    assert client.get(url).status_code == 404
    client.force_login(UserFactory(role="editor"))
    assert client.get(url).status_code == 200


def test_image_files_are_not_kept_in_public_media(section):
    image = ImageFactory()
    rendition = image.get_rendition("width-400")
    assert not default_storage.exists(image.file.name)
    assert not default_storage.exists(rendition.file.name)


def test_a_tampered_address_is_refused(client, section):
    article = make_article(section, hero_image=ImageFactory())
    url = image_url(article.hero_image).replace("width-900", "width-2000")
    assert client.get(url).status_code == 403
