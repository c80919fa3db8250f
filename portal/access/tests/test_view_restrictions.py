"""Wagtail's view restrictions on a section decide, with each article's own
access, who may see its articles on every public surface."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from portal.access.factories import UserFactory
from portal.comments.models import Comment
from portal.documents.factories import DocumentFactory
from portal.documents.models import Attachment
from portal.images.factories import ImageFactory
from portal.news.factories import make_article, make_section
from portal.news.models import ArticlePage

pytestmark = pytest.mark.django_db

PASSWORD = "mat-khau-chuyen-muc"

# Who may see an article in a section behind each kind of restriction. A shared
# password is asked for when a page is served; lists and search show nobody
# the pages behind one.
SEES = {
    PageViewRestriction.LOGIN: {"anonymous": False, "outsider": True, "member": True},
    PageViewRestriction.GROUPS: {"anonymous": False, "outsider": False, "member": True},
    PageViewRestriction.PASSWORD: {
        "anonymous": False,
        "outsider": False,
        "member": False,
    },
}
KINDS = list(SEES)


@pytest.fixture
def group():
    return Group.objects.create(name="Ban Tổ chức")


@pytest.fixture
def readers(group):
    member = UserFactory(role="staff")
    member.groups.add(group)
    return {"anonymous": None, "outsider": UserFactory(role="staff"), "member": member}


@pytest.fixture
def open_section(home_page):
    return make_section(home_page, title="Tin chung", slug="tin-chung")


@pytest.fixture
def section(home_page):
    return make_section(home_page, title="Tin hạn chế", slug="tin-han-che")


def restrict(page, kind, group):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=PASSWORD
    )
    restriction.groups.add(group)
    return restriction


def log_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("kind", KINDS)
def test_an_article_is_visible_to_those_who_pass_its_sections_restriction(
    kind, section, group, readers
):
    article = make_article(section, title="Bài hạn chế")
    restrict(section, kind, group)

    for name, user in readers.items():
        listed = ArticlePage.objects.visible_to(user).filter(pk=article.pk).exists()
        assert article.is_visible_to(user) is SEES[kind][name], name
        assert listed is SEES[kind][name], name
    admin = UserFactory(role="admin")
    assert article.is_visible_to(admin)
    assert ArticlePage.objects.visible_to(admin).filter(pk=article.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_the_home_page_and_the_section_list_only_what_the_reader_may_see(
    client, kind, open_section, section, group, readers
):
    make_article(open_section, title="Bài mọi người đọc")
    make_article(section, title="Bài hạn chế")
    restrict(section, kind, group)

    for name, user in readers.items():
        log_in(client, user)
        home = client.get("/").content.decode()
        assert "Bài mọi người đọc" in home, name
        assert ("Bài hạn chế" in home) is SEES[kind][name], name
        listing = client.get(section.url)
        if SEES[kind][name]:
            assert "Bài hạn chế" in listing.content.decode(), name


@pytest.mark.parametrize("kind", KINDS)
def test_feeds_and_the_sitemap_leave_restricted_sections_out(
    client, kind, open_section, section, group
):
    make_article(open_section, title="Bài mọi người đọc", slug="bai-chung")
    make_article(section, title="Bài hạn chế", slug="bai-han-che")
    restrict(section, kind, group)

    feed = client.get("/feeds/").content.decode()
    sitemap = client.get("/sitemap-trang.xml").content.decode()

    assert "Bài mọi người đọc" in feed and "Bài hạn chế" not in feed
    assert "bai-chung" in sitemap and "bai-han-che" not in sitemap
    assert "tin-han-che" not in sitemap
    assert client.get(f"/feeds/{section.slug}/").status_code == 404


@pytest.mark.parametrize("kind", KINDS)
def test_an_articles_image_is_served_only_to_those_who_pass_the_restriction(
    client, kind, section, group, readers
):
    article = make_article(section, hero_image=ImageFactory())
    url = article.hero_image.get_rendition("width-900").url
    restrict(section, kind, group)

    for name, user in readers.items():
        log_in(client, user)
        response = client.get(url)
        if SEES[kind][name]:
            assert response.status_code == 200, name
            assert response["Cache-Control"] == "private, no-store"
        elif user is None:
            assert response.status_code == 302, name
        else:
            assert response.status_code == 404, name


def test_a_reader_who_gave_the_password_reads_the_article_and_its_image(
    client, section, group
):
    article = make_article(section, hero_image=ImageFactory())
    url = article.hero_image.get_rendition("width-900").url
    restriction = restrict(section, PageViewRestriction.PASSWORD, group)
    assert client.get(url).status_code == 302

    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{section.pk}/",
        {"password": PASSWORD, "return_url": article.url},
    )

    assert client.get(article.url).status_code == 200
    assert client.get(url).status_code == 200


def test_anonymous_readers_cannot_comment_on_an_article_behind_a_login(
    client, section, group
):
    article = make_article(section)
    restrict(section, PageViewRestriction.LOGIN, group)

    response = client.post(
        f"/binh-luan/{article.pk}/",
        {"name": "Khách", "body": "Bình luận", "captcha": "x"},
    )

    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Comment.objects.exists()


def test_removing_a_restriction_shows_the_articles_again_to_anonymous_readers(
    client, section, group
):
    make_article(section, title="Bài hạn chế")
    restriction = restrict(section, PageViewRestriction.LOGIN, group)
    assert "Bài hạn chế" not in client.get("/").content.decode()

    restriction.delete()

    assert "Bài hạn chế" in client.get("/").content.decode()


def test_a_documents_page_and_attachments_follow_a_restriction_on_the_archive(
    client, archive_page, group
):
    document = DocumentFactory(symbol="15-NQ/TW")
    attachment = Attachment(document=document, title="Phụ lục")
    attachment.file.save("phu-luc.pdf", ContentFile(b"%PDF-1.4"), save=True)
    urls = [
        archive_page.document_url(document),
        archive_page.attachment_url(attachment),
    ]
    assert [client.get(url).status_code for url in urls] == [200, 200]

    restrict(archive_page, PageViewRestriction.LOGIN, group)

    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(UserFactory(role="staff"))
    assert [client.get(url).status_code for url in urls] == [200, 200]
